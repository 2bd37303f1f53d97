"""Who may use the web UI: a logged-in professional whose session passed the second factor.

Every view that shows anything beyond the login page goes through ``professional_required``, so
a session that only knows the password (or lost its OTP verification) reaches nothing.
"""

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse

from ketenzicht.access.audited import actor_for
from ketenzicht.audit.services import Actor
from ketenzicht.organisations.models import Professional
from ketenzicht.organisations.services import professional_for_user

from .responses import forbidden

OIDC_BACKEND = "ketenzicht.web.oidc.ProfessionalOIDCBackend"


def is_two_factor_verified(request: HttpRequest) -> bool:
    """Verified by our own TOTP, or by the organisation's identity provider when OIDC is on.

    With OIDC the identity provider is contractually bound to enforce multi-factor login; the
    session then carries that provider's verification instead of a django-otp device.
    """
    user = request.user
    if not user.is_authenticated:
        return False
    if getattr(user, "is_verified", lambda: False)():
        return True
    return settings.KETENZICHT_OIDC_ENABLED and request.session.get(BACKEND_SESSION_KEY) == OIDC_BACKEND


def access_point(request: HttpRequest) -> str:
    """The network access point for the audit trail (NEN 7513)."""
    return request.META.get("REMOTE_ADDR", "")[:100]


def web_actor(request: HttpRequest, professional: Professional) -> Actor:
    return actor_for(professional, access_point=access_point(request))


View = Callable[..., HttpResponse]


def professional_required(view: View) -> View:
    """Require a two-factor-verified session of a user with a Professional record."""

    @wraps(view)
    def guarded(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not is_two_factor_verified(request):
            return redirect_to_login(request.get_full_path())
        professional = professional_for_user(request.user)
        if professional is None:
            return forbidden(request)
        request.professional = professional
        return view(request, *args, **kwargs)

    return guarded


def role_required(*roles: str) -> Callable[[View], View]:
    """Require one of ``roles`` (after ``professional_required``); others get the 403 page."""

    def decorator(view: View) -> View:
        @wraps(view)
        def checked(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if request.professional.role not in roles:
                return forbidden(request)
            return view(request, *args, **kwargs)

        return professional_required(checked)

    return decorator
