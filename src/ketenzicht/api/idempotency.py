"""``Idempotency-Key`` for writes: a retried request never does its work twice.

Use it on the handler of any write (verwijsindex registrations, signals, ...)::

    class RegistrationsView(ClientDataView):
        @idempotent
        def post(self, request): ...

Behaviour (after the IETF draft "The Idempotency-Key HTTP Header Field"):

- the first request with a key runs and its answer (status, body, ``Location``) is stored;
- the same key with the same request (method, path, body and responsible professional) gets the
  stored answer again, with ``Idempotency-Replayed: true``, and nothing is done twice;
- the same key with another request is a 422 problem;
- a second request that arrives while the first is still running waits on the unique constraint
  (PostgreSQL) and then replays the first answer; where it cannot wait it gets a 409 problem
  "in behandeling" and may retry;
- errors (exceptions, 5xx) are not remembered: the work was rolled back, so a retry may run again.

A replay needs the same rights as the first request: a stored answer can hold client data
(contact details of a registration). The token, the responsible professional (still active, still
of the token's organisation) and any right the handler needs (``check_may_register`` for the
verwijsindex) are checked in the view's ``initial()``, which runs before this decorator, so a
professional who has left, or an organisation that lost a right, gets a 403 and not the answer.

Keys are per organisation and remembered for ``KETENZICHT_API_IDEMPOTENCY_HOURS`` (24). The
request is remembered only as a keyed hash: a body may hold a BSN, and a plain hash of a nine
digit number could be reversed by trying them all.
"""

import functools
import json
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from .models import ApiToken, IdempotencyRecord
from .problems import Conflict, Unprocessable
from .responsible import PROFESSIONAL_HEADER

IDEMPOTENCY_HEADER = "Idempotency-Key"
REPLAYED_HEADER = "Idempotency-Replayed"
MAX_KEY_LENGTH = 255
#: Response headers worth replaying; others (dates, versions) are set afresh.
STORED_HEADERS = ("Location",)


def retention() -> timedelta:
    return timedelta(hours=settings.KETENZICHT_API_IDEMPOTENCY_HOURS)


def forget_expired(batch: int = 5000) -> int:
    """Delete the answers older than the retention; stored answers may name clients.

    In batches of ``batch`` rows, each its own transaction, so a backlog after downtime never
    holds one long delete. Returns how many were deleted.
    """
    cutoff, deleted = timezone.now() - retention(), 0
    while True:
        ids = list(IdempotencyRecord.objects.filter(created_at__lt=cutoff)
                   .order_by("created_at").values_list("id", flat=True)[:batch])
        if not ids:
            return deleted
        deleted += IdempotencyRecord.objects.filter(id__in=ids).delete()[0]


class MissingIdempotencyKey(exceptions.ValidationError):
    def __init__(self, reason: str, code: str) -> None:
        super().__init__({IDEMPOTENCY_HEADER: [reason]}, code=code)


class IdempotencyKeyReused(Unprocessable):
    default_detail = _(
        "Deze Idempotency-Key is al gebruikt voor een ander verzoek. Gebruik een nieuwe sleutel."
    )
    default_code = "idempotency-key-hergebruikt"


class IdempotencyInProgress(Conflict):
    default_detail = _(
        "Een verzoek met deze Idempotency-Key is nog in behandeling. Probeer het zo opnieuw."
    )
    default_code = "in-behandeling"


def fingerprint(request: Request) -> str:
    """A keyed hash of what makes two requests "the same"."""
    canonical = json.dumps(
        {
            "method": request.method,
            "path": request.get_full_path(),
            "professional": request.headers.get(PROFESSIONAL_HEADER, "").strip(),
            "body": request.data,
        },
        sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str,
    )
    return salted_hmac("ketenzicht.api.idempotency", canonical, algorithm="sha256").hexdigest()


def _key_from(request: Request, required: bool) -> str | None:
    key = request.headers.get(IDEMPOTENCY_HEADER)
    if key is None or not key.strip():
        if required:
            raise MissingIdempotencyKey(
                _("Geef een unieke Idempotency-Key mee, zodat een herhaald verzoek niets dubbel doet."),
                code="required",
            )
        return None
    key = key.strip()
    if len(key) > MAX_KEY_LENGTH or not key.isprintable() or not key.isascii():
        raise MissingIdempotencyKey(
            _("Een Idempotency-Key is hoogstens 255 leesbare ASCII-tekens lang."), code="invalid"
        )
    return key


def _replay(record: IdempotencyRecord) -> Response:
    headers = {REPLAYED_HEADER: "true", **record.response_headers}
    content_type = headers.pop("Content-Type", None)
    return Response(
        record.response_body, status=record.response_status, headers=headers, content_type=content_type
    )


def _claim(token: ApiToken, key: str, print_: str) -> IdempotencyRecord | Response:
    """Our new record, or the answer for a key already used."""
    IdempotencyRecord.objects.filter(
        organisation=token.organisation, key=key, created_at__lt=timezone.now() - retention()
    ).delete()
    try:
        with transaction.atomic():
            return IdempotencyRecord.objects.create(
                organisation=token.organisation, key=key, fingerprint=print_
            )
    except IntegrityError:
        # Someone used the key first. On PostgreSQL the insert waited for their transaction,
        # so under READ COMMITTED their answer is visible now.
        existing = IdempotencyRecord.objects.filter(organisation=token.organisation, key=key).first()
    if existing is None:  # they rolled back between our insert and this read: a rare retry case
        raise IdempotencyInProgress()
    if existing.fingerprint != print_:
        raise IdempotencyKeyReused()
    if existing.response_status is None:
        raise IdempotencyInProgress()
    return _replay(existing)


def _remember(record: IdempotencyRecord, response: Response) -> None:
    record.response_status = response.status_code
    # Store what the client will see, serialised the way the renderer does it.
    record.response_body = json.loads(JSONRenderer().render(response.data) or b"null")
    headers = {name: response[name] for name in STORED_HEADERS if response.has_header(name)}
    if response.content_type:  # e.g. a problem+json answer returned (not raised) by the view
        headers["Content-Type"] = response.content_type
    record.response_headers = headers
    record.save(update_fields=["response_status", "response_body", "response_headers"])


Handler = Callable[..., Response]


def idempotent(handler: Handler | None = None, *, required: bool = True) -> Any:
    """Decorate a view's write handler (``post``/``put``/``patch``/``delete``)."""

    def decorate(handler: Handler) -> Handler:
        @functools.wraps(handler)
        def wrapper(view: Any, request: Request, *args: Any, **kwargs: Any) -> Response:
            key = _key_from(request, required)
            if key is None:
                return handler(view, request, *args, **kwargs)
            claimed = _claim(request.auth, key, fingerprint(request))
            if isinstance(claimed, Response):
                return claimed
            try:
                response = handler(view, request, *args, **kwargs)
            except BaseException:
                claimed.delete()  # the work is undone, so a retry must be able to run it
                raise
            if response.status_code >= 500:
                claimed.delete()
            else:
                _remember(claimed, response)
            return response

        wrapper.idempotency = {"required": required}  # type: ignore[attr-defined]  # read by the schema
        return wrapper

    return decorate(handler) if handler is not None else decorate
