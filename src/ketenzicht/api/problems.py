"""Errors as ``application/problem+json`` (RFC 9457), with Dutch titles and messages.

Every error from ``/api/v1/`` has the same shape::

    {"type": "urn:ketenzicht:probleem:niet-gevonden", "code": "niet-gevonden",
     "title": "Niet gevonden", "status": 404, "detail": "...", "instance": "urn:uuid:...",
     "invalidParams": [{"name": "bsn", "code": "bsn_checksum", "reason": "..."}]}

``type`` is a URN (stable, and it does not pretend to be a web page); ``instance`` is a fresh
``urn:uuid`` per occurrence that is also logged, so a chain partner can quote it to support
without either side sending personal data. ``invalidParams`` follows the VNG/Open Zaak
convention and appears only on validation errors.
"""

import logging
import math
import uuid
from collections.abc import Iterator
from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import set_rollback

logger = logging.getLogger(__name__)

PROBLEM_CONTENT_TYPE = "application/problem+json"
TYPE_PREFIX = "urn:ketenzicht:probleem:"

#: Dutch title and stable code per status; the code ends the ``type`` URN.
TITLES: dict[int, tuple[str, Any]] = {
    400: ("ongeldige-aanvraag", _("Ongeldige aanvraag")),
    401: ("niet-geauthenticeerd", _("Niet geauthenticeerd")),
    403: ("geen-toegang", _("Geen toegang")),
    404: ("niet-gevonden", _("Niet gevonden")),
    405: ("methode-niet-toegestaan", _("Methode niet toegestaan")),
    406: ("niet-acceptabel", _("Gevraagd formaat niet beschikbaar")),
    409: ("conflict", _("Conflict")),
    415: ("mediatype-niet-ondersteund", _("Mediatype niet ondersteund")),
    422: ("niet-verwerkbaar", _("Verzoek niet verwerkbaar")),
    429: ("te-veel-verzoeken", _("Te veel verzoeken")),
    500: ("serverfout", _("Interne serverfout")),
    503: ("niet-beschikbaar", _("Dienst niet beschikbaar")),
}

DETAILS: dict[type[exceptions.APIException], Any] = {
    exceptions.NotAuthenticated: _(
        "Geef een geldig token mee in de header 'Authorization: Token <sleutel>'."
    ),
    exceptions.MethodNotAllowed: _("Deze methode is niet toegestaan op deze URL."),
    exceptions.NotAcceptable: _("Dit antwoord is alleen beschikbaar als application/json."),
    exceptions.UnsupportedMediaType: _("Stuur de gegevens als application/json."),
    exceptions.ParseError: _("De gegevens zijn geen geldige JSON."),
}


class ProblemError(exceptions.APIException):
    """An error with its own code; ``keep_transaction`` keeps what the request already wrote.

    A 404 after a denied access must keep the audit event of that denial: the default
    (``set_rollback``) would silently drop it. ``extra`` holds extension members of the problem
    (camelCase, e.g. ``bestaandeMelding``); ``invalid`` the ``invalidParams`` of a refusal that
    names a field.
    """

    keep_transaction: bool = False

    def __init__(
        self, detail: Any = None, code: str | None = None, *, status_code: int | None = None,
        extra: dict[str, Any] | None = None, invalid: list[dict[str, str]] | None = None,
    ) -> None:
        super().__init__(detail, code)
        if status_code is not None:
            self.status_code = status_code
        self.extra = extra or {}
        self.invalid = invalid


class ClientNotFound(ProblemError):
    """Missing and not allowed are the same answer, so nobody learns whether a client exists."""

    status_code = status.HTTP_404_NOT_FOUND
    default_detail = _("Niet gevonden, of u heeft geen grondslag om dit in te zien.")
    default_code = "niet-gevonden"
    keep_transaction = True


class Conflict(ProblemError):
    status_code = status.HTTP_409_CONFLICT
    default_detail = _("Het verzoek botst met de huidige toestand.")
    default_code = "conflict"


class Unprocessable(ProblemError):
    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
    default_detail = _("Het verzoek kan niet worden verwerkt.")
    default_code = "niet-verwerkbaar"


class TooManyRequests(exceptions.Throttled):
    default_detail = _("Te veel verzoeken van dit systeem.")
    extra_detail_singular = _("Probeer het over {wait} seconde opnieuw.")
    extra_detail_plural = _("Probeer het over {wait} seconden opnieuw.")


class ServerError(ProblemError):
    status_code = status.HTTP_500_INTERNAL_SERVER_ERROR
    default_detail = _("Er ging iets mis. Noem het 'instance'-kenmerk als u contact opneemt.")
    default_code = "serverfout"


def problem_body(
    status_code: int,
    detail: str,
    *,
    code: str = "",
    invalid_params: list[dict[str, str]] | None = None,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The problem object itself, also used per item inside a bulk answer (logged once each)."""
    default_code, title = TITLES.get(status_code, (str(status_code), _("Fout")))
    code = code or default_code
    body: dict[str, Any] = {
        "type": f"{TYPE_PREFIX}{code}",
        "code": code,
        "title": str(title),
        "status": status_code,
        "detail": str(detail),
        "instance": f"urn:uuid:{uuid.uuid4()}",
    }
    if invalid_params is not None:
        body["invalidParams"] = invalid_params
    body.update(extra or {})
    level = logging.ERROR if status_code >= 500 else logging.INFO
    logger.log(level, "API problem %s %s %s", status_code, code, body["instance"])
    return body


def problem(
    status_code: int,
    detail: str,
    *,
    code: str = "",
    invalid_params: list[dict[str, str]] | None = None,
    headers: dict[str, str] | None = None,
    extra: dict[str, Any] | None = None,
) -> Response:
    """A problem+json response; usable directly from a view or from the exception handler."""
    body = problem_body(status_code, detail, code=code, invalid_params=invalid_params, extra=extra)
    return Response(body, status=status_code, headers=headers, content_type=PROBLEM_CONTENT_TYPE)


def invalid_params(detail: Any, prefix: str = "") -> Iterator[dict[str, str]]:
    """Flatten DRF validation details into ``[{name, code, reason}]`` (dotted names)."""
    if isinstance(detail, dict):
        for field, value in detail.items():
            name = "nonFieldErrors" if field == "non_field_errors" else str(field)
            yield from invalid_params(value, f"{prefix}.{name}" if prefix else name)
    elif isinstance(detail, list):
        for index, item in enumerate(detail):
            if isinstance(item, dict | list):
                yield from invalid_params(item, f"{prefix}.{index}" if prefix else str(index))
            else:
                yield from invalid_params(item, prefix)
    else:
        yield {
            "name": prefix or "nonFieldErrors",
            "code": str(getattr(detail, "code", "invalid")),
            "reason": str(detail),
        }


def problem_exception_handler(exc: Exception, context: dict) -> Response:
    """DRF's exception handler for the API: every error, including crashes, as problem+json."""
    if isinstance(exc, Http404):
        exc = ClientNotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    elif not isinstance(exc, exceptions.APIException):
        logger.exception("Unhandled error in the API", exc_info=exc)
        exc = ServerError()

    if not getattr(exc, "keep_transaction", False):
        set_rollback()

    headers: dict[str, str] = {}
    if getattr(exc, "auth_header", None):
        headers["WWW-Authenticate"] = exc.auth_header
    if isinstance(exc, exceptions.Throttled) and exc.wait is not None:
        headers["Retry-After"] = str(max(1, math.ceil(exc.wait)))

    code = str(getattr(exc.detail, "code", "")) if isinstance(exc, ProblemError) else ""
    if isinstance(exc, exceptions.ValidationError):
        return problem(
            exc.status_code,
            _("Een of meer gegevens in het verzoek zijn ongeldig."),
            invalid_params=list(invalid_params(exc.detail)),
            headers=headers,
        )
    detail = DETAILS.get(type(exc)) or exc.detail
    if isinstance(exc, ProblemError):
        return problem(exc.status_code, str(detail), code=code, headers=headers,
                       invalid_params=exc.invalid, extra=exc.extra)
    return problem(exc.status_code, str(detail), code=code, headers=headers)
