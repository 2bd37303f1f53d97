"""What every page shows: who you are, for which organisation, in which role, demo mode, and how
many unread notices (berichten) wait."""

from functools import cache

from django.conf import settings
from django.http import HttpRequest

from ketenzicht.notify.services import unread_notices
from ketenzicht.organisations.services import professional_for_user


def ketenzicht(request: HttpRequest) -> dict:
    professional = professional_for_user(getattr(request, "user", None))
    return {
        "demo_mode": settings.DEMO_MODE,
        "current_professional": professional,
        # Lazily, once: only pages that show the navigation count the unread notices.
        "unread_notice_count": cache(lambda: unread_notices(professional).count())
        if professional is not None else 0,
    }
