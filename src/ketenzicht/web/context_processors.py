"""What every page shows: who you are, for which organisation, in which role, and demo mode."""

from django.conf import settings
from django.http import HttpRequest

from ketenzicht.organisations.services import professional_for_user


def ketenzicht(request: HttpRequest) -> dict:
    return {
        "demo_mode": settings.DEMO_MODE,
        "current_professional": professional_for_user(getattr(request, "user", None)),
    }
