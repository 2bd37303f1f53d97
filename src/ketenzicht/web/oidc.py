"""OpenID Connect login through an organisation's own identity provider (off in the demo).

Only people who already have a Ketenzicht account *and* a place in the chain (a Professional
record) get in, matched by e-mail address. Nobody is created here: the functioneel beheerder
creates accounts and assigns organisation and role, which an identity provider cannot know.
"""

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from mozilla_django_oidc.auth import OIDCAuthenticationBackend


class ProfessionalOIDCBackend(OIDCAuthenticationBackend):
    def filter_users_by_claims(self, claims: dict) -> QuerySet:
        return users_matching_claims(claims)

    def create_user(self, claims: dict):
        """Never create an account from a login (even if OIDC_CREATE_USER were switched on)."""
        return None


def users_matching_claims(claims: dict) -> QuerySet:
    """Active users with a Professional record whose e-mail address equals the claim's.

    More than one match returns them all, and mozilla-django-oidc then refuses the login:
    an ambiguous e-mail address must not pick an account at random.
    """
    users = get_user_model().objects
    email = (claims.get("email") or "").strip()
    if not email or claims.get("email_verified") is False:
        return users.none()
    return users.filter(email__iexact=email, is_active=True, professional__isnull=False)
