"""Token authentication for organisations' systems: ``Authorization: Token <key>``.

The caller is a *system* of an organisation, not a person; the responsible professional is named
per request (see ``responsible.py``). Anything but a valid, active token is a 401.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.request import Request

from ketenzicht.organisations.models import Organisation

from .models import ApiToken
from .tokens import token_for_key

KEYWORD = "Token"


@dataclass(frozen=True)
class OrganisationSystem:
    """``request.user`` for an API call: the organisation's system behind the token."""

    token: ApiToken

    is_authenticated = True
    is_anonymous = False

    @property
    def organisation(self) -> Organisation:
        return self.token.organisation

    def __str__(self) -> str:
        return f"{self.token.name} ({self.organisation.slug})"


class OrganisationTokenAuthentication(BaseAuthentication):
    def authenticate(self, request: Request) -> tuple[OrganisationSystem, ApiToken] | None:
        header = get_authorization_header(request).split()
        if not header:
            return None
        if header[0].decode(errors="replace").lower() != KEYWORD.lower():
            raise exceptions.AuthenticationFailed(
                _("Gebruik de header 'Authorization: Token <sleutel>'.")
            )
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(_("Het token ontbreekt of bevat spaties."))
        try:
            key = header[1].decode("ascii")
        except UnicodeDecodeError as exc:
            raise exceptions.AuthenticationFailed(_("Het token is ongeldig.")) from exc
        token = token_for_key(key)
        if token is None:
            # Unknown and revoked look alike: the answer tells an attacker nothing.
            raise exceptions.AuthenticationFailed(_("Het token is onbekend of ingetrokken."))
        return OrganisationSystem(token), token

    def authenticate_header(self, request: Request) -> str:
        # Without this DRF would turn a 401 into a 403.
        return f'{KEYWORD} realm="ketenzicht-api"'
