"""Who is responsible for an API request: the professional named in a header.

A token identifies a *system*; the law and NEN 7513 need a *person* for every access to client
data. So every request that reads or writes client data names the responsible professional in
``Verantwoordelijke-Professional`` (their Ketenzicht username). The system vouches for that
name, which is why the professional must belong to the token's organisation.

NEN 7513 mapping of an API access (``access.audited.actor_for``):

- *gebruiker* (user_id, user_name, role, organisation): the named professional — the person who
  needs the data and answers for the access;
- *netwerktoegangspunt* (access_point): ``api:<token prefix>@<IP address>`` — the organisation's
  system and where it connected from, so the log tells which system was used;
- *namens* (on_behalf_of): empty — the professional acts for themselves; the system is their
  instrument, not someone they act on behalf of.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.request import Request

from ketenzicht.access.audited import actor_for
from ketenzicht.audit.network import client_ip
from ketenzicht.audit.services import Actor
from ketenzicht.organisations.models import Professional

from .models import ApiToken

PROFESSIONAL_HEADER = "Verantwoordelijke-Professional"


class MissingResponsibleProfessional(exceptions.ValidationError):
    def __init__(self) -> None:
        super().__init__(
            {PROFESSIONAL_HEADER: [_("Noem de verantwoordelijke professional (gebruikersnaam).")]},
            code="required",
        )


class UnknownResponsibleProfessional(exceptions.PermissionDenied):
    default_detail = _(
        "De verantwoordelijke professional is niet bekend als actieve medewerker van de "
        "organisatie van dit token."
    )


def responsible_professional(request: Request) -> Professional:
    """The professional named in the header, of the token's active organisation; else 400/403.

    The token's organisation is active (``token_for_key``), but the check is repeated here so
    this rule does not depend on how the token was found.
    """
    token: ApiToken = request.auth
    username = (request.headers.get(PROFESSIONAL_HEADER) or "").strip()
    if not username:
        raise MissingResponsibleProfessional()
    professional = (
        Professional.objects.select_related("user", "organisation", "organisation__type")
        .filter(user__username=username, user__is_active=True, organisation=token.organisation,
                organisation__is_active=True)
        .first()
    )
    if professional is None:
        # Unknown, "of another organisation" and "of an organisation no longer in the chain"
        # look alike: no probing for usernames.
        raise UnknownResponsibleProfessional()
    return professional


def access_point(request: Request) -> str:
    """``api:<token prefix>@<client IP>``, the IP seen through the trusted proxies."""
    token: ApiToken = request.auth
    return f"api:{token.prefix}@{client_ip(request)}"[:100]


def api_actor(request: Request, professional: Professional) -> Actor:
    return actor_for(professional, access_point=access_point(request), on_behalf_of="")
