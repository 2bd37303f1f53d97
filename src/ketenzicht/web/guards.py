"""Who may use the web UI: a logged-in professional whose session passed the second factor.

Every view that shows anything beyond the login page goes through ``professional_required``, so
a session that only knows the password (or lost its OTP verification) reaches nothing.
"""

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, get_user_model
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse

from ketenzicht.access.audited import actor_for
from ketenzicht.audit.models import EventType, Outcome
from ketenzicht.audit.network import client_ip
from ketenzicht.audit.services import Actor, Subject, record
from ketenzicht.organisations.models import Professional
from ketenzicht.organisations.services import professional_for_user

from .oidc import organisation_allowed
from .responses import forbidden

OIDC_BACKEND = "ketenzicht.web.oidc.ProfessionalOIDCBackend"


def is_two_factor_verified(request: HttpRequest) -> bool:
    """Verified by our own TOTP, or by an organisation's identity provider when OIDC is on.

    An OIDC session only exists when ``ProfessionalOIDCBackend`` accepted the provider's claims,
    which includes proof of a multi-factor login (``amr``/``acr``); see ``oidc.py``. The
    organisation must still be one that provider speaks for, checked on every request.
    """
    user = request.user
    if not user.is_authenticated:
        return False
    if getattr(user, "is_verified", lambda: False)():
        return True
    if not (settings.KETENZICHT_OIDC_ENABLED
            and request.session.get(BACKEND_SESSION_KEY) == OIDC_BACKEND):
        return False
    professional = professional_for_user(user)
    return professional is not None and organisation_allowed(professional)


def access_point(request: HttpRequest) -> str:
    """The network access point for the audit trail (NEN 7513): the client, not the proxy."""
    return client_ip(request)[:100]


def web_actor(request: HttpRequest, professional: Professional) -> Actor:
    return actor_for(professional, access_point=access_point(request))


def record_failed_login(request: HttpRequest | None, username: str, reason: str) -> None:
    """Write a failed login to the audit trail without ever storing what was typed blindly.

    People type a BSN or a password into the username field by mistake; the trail must not keep
    it. So the username is only recorded when it names an existing account, and then with the
    account's name and place in the chain. ``reason`` stays in the trail for the administrator
    (the login page itself never says which part was wrong).
    """
    account = get_user_model()._default_manager.filter(
        **{get_user_model().USERNAME_FIELD: username}).first() if username else None
    professional = professional_for_user(account)
    actor = Actor(
        user_id=account.get_username() if account else "",
        user_name=professional.display_name if professional else "",
        organisation=professional.organisation.slug if professional else "",
        role=professional.role if professional else "",
        access_point=access_point(request) if request is not None else "",
    )
    record(actor, EventType.LOGIN, Subject(detail={"reden": reason}), outcome=Outcome.FAILURE)


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
