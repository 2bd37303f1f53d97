"""OpenID Connect login through an organisation's own identity provider (off in the demo).

Only people who already have a Ketenzicht account *and* a place in the chain (a Professional
record) get in, matched by e-mail address. Nobody is created here: the functioneel beheerder
creates accounts and assigns organisation and role, which an identity provider cannot know.

An OIDC session replaces our own TOTP check, so the provider's answer must prove what that
check would have proved, and no more is taken on trust than the deployment allows:

- the e-mail address is verified by the provider (``email_verified``), because the address is
  what picks the account;
- the login used more than one factor: ``amr`` names one of ``KETENZICHT_OIDC_MFA_AMR``
  (RFC 8176 values such as ``mfa``, ``otp``, ``hwk``), or ``acr`` equals
  ``KETENZICHT_OIDC_REQUIRED_ACR`` when the provider expresses assurance that way;
- the account's organisation is one this provider speaks for (``KETENZICHT_OIDC_ORGANISATIONS``):
  an organisation's identity provider must not be able to log in another organisation's staff
  by asserting their e-mail address. An empty list lets nobody in.
"""

from collections.abc import Mapping

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from ketenzicht.organisations.models import Professional

#: Claims about *how* the user logged in. They are read from the signed ID token, where
#: providers put them; the userinfo response describes the user, not the login.
LOGIN_CLAIMS = ("amr", "acr")


class ProfessionalOIDCBackend(OIDCAuthenticationBackend):
    def get_userinfo(self, access_token, id_token, payload: Mapping) -> dict:
        claims = dict(super().get_userinfo(access_token, id_token, payload))
        claims.update({name: payload[name] for name in LOGIN_CLAIMS if name in payload})
        return claims

    def verify_claims(self, claims: Mapping) -> bool:
        """The library's scope check, then ours: verified e-mail and a multi-factor login."""
        return super().verify_claims(claims) and claims_acceptable(claims)

    def filter_users_by_claims(self, claims: Mapping) -> QuerySet:
        return users_matching_claims(claims)

    def create_user(self, claims: Mapping):
        """Never create an account from a login (even if OIDC_CREATE_USER were switched on)."""
        return None


def email_verified(claims: Mapping) -> bool:
    """True only when the provider says so; some providers send the JSON string ``"true"``."""
    value = claims.get("email_verified")
    return value is True or (isinstance(value, str) and value.strip().lower() == "true")


def proves_multi_factor(claims: Mapping) -> bool:
    """An ``amr`` method from the configured list, or the configured ``acr`` level."""
    methods = claims.get("amr") or []
    if isinstance(methods, str):
        methods = [methods]
    accepted = set(settings.KETENZICHT_OIDC_MFA_AMR)
    if isinstance(methods, list | tuple) and accepted & {str(m) for m in methods}:
        return True
    required_acr = settings.KETENZICHT_OIDC_REQUIRED_ACR
    return bool(required_acr) and claims.get("acr") == required_acr


def claims_acceptable(claims: Mapping) -> bool:
    """What the provider must have told us before any account is looked at."""
    email = claims.get("email")
    return (isinstance(email, str) and bool(email.strip()) and email_verified(claims)
            and proves_multi_factor(claims))


def users_matching_claims(claims: Mapping) -> QuerySet:
    """Active users of an allowed, active organisation whose e-mail address equals the claim's.

    More than one match returns them all, and mozilla-django-oidc then refuses the login:
    an ambiguous e-mail address must not pick an account at random.
    """
    users = get_user_model().objects
    if not claims_acceptable(claims):
        return users.none()
    return users.filter(
        email__iexact=claims["email"].strip(), is_active=True,
        professional__organisation__slug__in=settings.KETENZICHT_OIDC_ORGANISATIONS,
        professional__organisation__is_active=True,
    )


def organisation_allowed(professional: Professional) -> bool:
    """Checked again on every request: removing an organisation ends its OIDC sessions."""
    organisation = professional.organisation
    return organisation.is_active and organisation.slug in settings.KETENZICHT_OIDC_ORGANISATIONS
