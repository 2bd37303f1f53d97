"""The request id and the one log line per request.

``RequestLogMiddleware`` comes first in ``MIDDLEWARE``, so it sees every request, also the
static files WhiteNoise answers and the redirects of the security middleware. It runs the
request inside ``context.working_on(id)`` (so every log line and audit event of the request
carries the id), puts the id in the answer's ``X-Request-ID`` header, and after the answer
writes one line on ``ketenzicht.request``: the access log of Ketenzicht.

The id is always Ketenzicht's own. It lands in the audit trail, kept for years in a hash chain,
so a client must not choose it: an id taken from the request would let anyone (a failed login is
audited) write text of their choosing there, or give their requests another request's id. The
load balancer's own id (``X-Request-ID``) is logged beside it on the request line, as
``upstream_request_id``, so an operator goes from the load balancer's log to this line, and by
its ``request_id`` to the request's other lines and its audit events.
"""

import logging
import re
import time

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse

from .context import new_id, working_on
from .paths import logged_path

logger = logging.getLogger("ketenzicht.request")

REQUEST_ID_HEADER = "X-Request-ID"
#: Letters, digits and ``. _ : -``, at most 64: what load balancers send (32 hex digits as nginx's
#: ``$request_id``, a UUID, AWS's ``Root-1-…``) and nothing that could break a log line.
WELL_FORMED_ID = re.compile(r"[A-Za-z0-9._:-]{1,64}")
#: The API's header naming the responsible professional (``api.responsible.PROFESSIONAL_HEADER``,
#: repeated because runtime imports nothing from the API; the request line's API test sends the
#: API's own constant, so the two cannot drift apart unnoticed).
RESPONSIBLE_PROFESSIONAL_HEADER = "Verantwoordelijke-Professional"
#: Longer than any username (150): a claimed name is cut, not logged at any length.
MAX_CLAIMED_NAME = 150


def upstream_request_id(request: HttpRequest) -> str:
    """The load balancer's id of the request, for the request line; empty when not to be believed.

    Only behind trusted proxies (``KETENZICHT_TRUSTED_PROXY_COUNT`` > 0, as for the client's
    address in ``audit.network``): without them the header comes straight from the client. And
    only when well-formed: short and of safe characters. It is a field of the line like any
    other, so redacted like any other; it never becomes the request id.
    """
    if settings.KETENZICHT_TRUSTED_PROXY_COUNT <= 0:
        return ""
    incoming = request.headers.get(REQUEST_ID_HEADER, "")
    return incoming if WELL_FORMED_ID.fullmatch(incoming) else ""


class RequestLogMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = new_id()
        # Django logs a 4xx answer after the middleware is done, outside ``working_on``: its line
        # finds the id on the request it carries (``logs.request_id_of``).
        request.request_id = request_id
        started = time.monotonic()
        with working_on(request_id):
            response = self.get_response(request)
            response[REQUEST_ID_HEADER] = request_id
            duration_ms = round((time.monotonic() - started) * 1000, 1)
            path = logged_path(request, response.status_code)
            logger.info(
                # "in" between status and duration: "200 12345.6" would read as nine digits (a BSN).
                "%s %s %s in %s ms", request.method, path, response.status_code, duration_ms,
                extra={
                    "request_id": request_id,
                    "upstream_request_id": upstream_request_id(request),
                    "method": request.method,
                    # The route, never ``get_full_path()``: no UUID, no query string (``paths``).
                    "path": path,
                    "status": response.status_code,
                    "duration_ms": duration_ms,
                    **who(request),
                },
            )
        return response


def who(request: HttpRequest) -> dict[str, str]:
    """The organisation (slug), user and API token prefix of a request, for its log line.

    Read by duck typing from what the faces leave on the request, since runtime is ground level
    and may not import them; each face's contract is an attribute, not a class:

    - an API call: DRF puts its user on the request too. A user with a ``token`` (with
      ``prefix``) and an ``organisation`` (with ``slug``) is an organisation's *system*
      (``api.authentication.OrganisationSystem``). The person is whoever the system names in
      the ``Verantwoordelijke-Professional`` header: logged as *claimed*, before or whether or
      not the API accepted the name (the status tells; the audit trail holds the verified one);
    - a web page: a logged-in user's username, and the organisation of their professional
      record: ``request.professional`` where the web guard has already loaded it, otherwise
      ``user.professional`` (one query, only for logged-in pages outside the guard);
    - anything else (static files, the login page, a refused token): empty fields.
    """
    user = getattr(request, "user", None)
    if not getattr(user, "is_authenticated", False):
        return {"organisation": "", "user": "", "token": ""}
    token = getattr(user, "token", None)
    if token is not None:
        return {
            "organisation": _slug(getattr(user, "organisation", None)),
            "user": _claimed_name(request),
            "token": str(getattr(token, "prefix", "")),
        }
    return {
        "organisation": _organisation_of_professional(request, user),
        "user": str(user.get_username()),
        "token": "",
    }


def _slug(organisation: object) -> str:
    return str(getattr(organisation, "slug", "") or "")


def _organisation_of_professional(request: HttpRequest, user: object) -> str:
    """The slug of the professional's organisation; empty for a user without one.

    A database error here (the request's own failure may have been one) must not turn the
    answer into a 500 on its way out: the line is then written without the organisation.
    """
    try:
        professional = getattr(request, "professional", None) or getattr(user, "professional", None)
        return _slug(getattr(professional, "organisation", None))
    except DatabaseError:
        return ""


def _claimed_name(request: HttpRequest) -> str:
    claimed = request.headers.get(RESPONSIBLE_PROFESSIONAL_HEADER, "").strip()
    return "".join(char for char in claimed[:MAX_CLAIMED_NAME] if char.isprintable())
