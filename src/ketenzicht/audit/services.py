"""Writing and verifying the audit trail.

``record`` appends in the caller's transaction, so an action and its audit row commit or roll
back together. The chain head row is locked for the append: concurrent writers queue on it for
the few milliseconds until their transaction ends.
"""

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.db import transaction
from django.db.models import Max, Min, Subquery
from django.utils import timezone

from .models import AuditEvent, ChainHead, EventType, Outcome

GENESIS = "0" * 64
HASHED_FIELDS = (
    "sequence", "occurred_at", "event_type", "outcome", "user_id", "user_name", "organisation",
    "role", "on_behalf_of", "access_point", "client_pseudonym", "object_type", "object_id",
    "purpose", "detail",
)


@dataclass(frozen=True)
class Actor:
    """Who acts: the NEN 7513 'user' fields, captured once per request."""

    user_id: str = ""
    user_name: str = ""
    organisation: str = ""
    role: str = ""
    on_behalf_of: str = ""
    access_point: str = ""


SYSTEM = Actor(user_id="system", user_name="Ketenzicht", organisation="ketenzicht")


@dataclass(frozen=True)
class Subject:
    """What the event is about: the client pseudonym (a person's uuid) and the object."""

    client_pseudonym: str = ""
    object_type: str = ""
    object_id: str = ""
    detail: dict = field(default_factory=dict)


def _canonical(values: dict) -> bytes:
    payload = {name: values[name] for name in HASHED_FIELDS}
    payload["occurred_at"] = values["occurred_at"].astimezone(UTC).isoformat()
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), default=str).encode()


def compute_hash(previous_hash: str, values: dict) -> str:
    return hashlib.sha256(previous_hash.encode() + b"|" + _canonical(values)).hexdigest()


def record(
    actor: Actor,
    event_type: EventType | str,
    subject: Subject,
    *,
    outcome: Outcome | str = Outcome.SUCCESS,
    purpose: str = "",
) -> AuditEvent:
    """Append one event to the chain, inside the caller's transaction."""
    with transaction.atomic():
        head, _created = ChainHead.objects.select_for_update().get_or_create(id=1)
        values = {
            "sequence": head.sequence + 1,
            "occurred_at": timezone.now(),
            "event_type": str(event_type),
            "outcome": str(outcome),
            "user_id": actor.user_id,
            "user_name": actor.user_name,
            "organisation": actor.organisation,
            "role": actor.role,
            "on_behalf_of": actor.on_behalf_of,
            "access_point": actor.access_point,
            "client_pseudonym": subject.client_pseudonym,
            "object_type": subject.object_type,
            "object_id": subject.object_id,
            "purpose": purpose,
            "detail": subject.detail,
        }
        digest = compute_hash(head.hash, values)
        event = AuditEvent.objects.create(previous_hash=head.hash, hash=digest, **values)
        head.sequence, head.hash = event.sequence, digest
        head.save(update_fields=["sequence", "hash"])
    return event


@dataclass(frozen=True)
class ChainProblem:
    sequence: int
    problem: str


class ChainVerifier:
    """Recompute the chain row by row; ``checked`` counts the rows seen so far.

    Rows are read in keyset pages (``sequence > last``) rather than with one server-side cursor:
    memory stays flat for tens of millions of rows, no transaction or cursor is held open for
    the whole run, and it works behind a transaction-pooling connection pooler.

    The run checks the chain up to the head as it was when the run began. Writers keep
    appending meanwhile; their rows are left for the next run instead of being mistaken for a
    mismatch with a head read later. (Appends commit in sequence order, because the head stays
    locked until the writer's transaction ends, so no row below that head can still appear.)

    The chain shows a changed, inserted or removed row; the chain head shows removal of the
    newest rows. Someone able to rewrite both the rows and the head can forge a consistent
    chain: publishing the head hash elsewhere now and then (e.g. in the operations log) closes
    that gap.
    """

    def __init__(self, batch_size: int = 5000) -> None:
        self.batch_size = batch_size
        self.checked = 0

    def problems(self) -> Iterator[ChainProblem]:
        head = ChainHead.objects.filter(id=1).first()
        up_to = head.sequence if head is not None else None
        expected_previous, expected_sequence = GENESIS, 1
        for row in self._rows(up_to):
            self.checked += 1
            sequence = row["sequence"]
            if sequence != expected_sequence:
                yield ChainProblem(expected_sequence, _missing(expected_sequence, sequence - 1))
            elif row["previous_hash"] != expected_previous:
                # After a gap the link is broken by definition; report it only without one.
                yield ChainProblem(sequence, "schakel naar de vorige rij klopt niet")
            if compute_hash(row["previous_hash"], row) != row["hash"]:
                yield ChainProblem(sequence, "inhoud is gewijzigd")
            expected_previous, expected_sequence = row["hash"], sequence + 1
        if head is None:
            yield from self._check_missing_head(expected_sequence - 1)
        else:
            yield from self._check_head(head, expected_sequence - 1, expected_previous)
        yield from self._check_rows_beyond_head()

    def _rows(self, up_to: int | None) -> Iterator[dict]:
        columns = (*HASHED_FIELDS, "previous_hash", "hash")
        rows = AuditEvent.objects.order_by("sequence")
        if up_to is not None:
            rows = rows.filter(sequence__lte=up_to)
        last = 0
        while True:
            page = list(rows.filter(sequence__gt=last).values(*columns)[: self.batch_size])
            yield from page
            if len(page) < self.batch_size:
                return
            last = page[-1]["sequence"]

    @staticmethod
    def _check_head(head: ChainHead, last_sequence: int, last_hash: str) -> Iterator[ChainProblem]:
        if head.sequence > last_sequence:
            yield ChainProblem(last_sequence + 1, _missing(last_sequence + 1, head.sequence) +
                               " (einde van de keten)")
        elif head.hash != last_hash:
            yield ChainProblem(head.sequence, "laatste rij klopt niet met de kop van de keten")

    @staticmethod
    def _check_missing_head(last_sequence: int) -> Iterator[ChainProblem]:
        # Re-read: the very first append ever may have created the head during the run.
        if last_sequence and not ChainHead.objects.filter(id=1).exists():
            yield ChainProblem(last_sequence, "kop van de keten ontbreekt")

    @staticmethod
    def _check_rows_beyond_head() -> Iterator[ChainProblem]:
        """Rows numbered past the head: one statement, so one snapshot of rows and head.

        A writer moves the head in the same transaction as its row, so in any one snapshot a
        row past the head was put there by someone else.
        """
        head_sequence = ChainHead.objects.filter(id=1).values("sequence")[:1]
        beyond = AuditEvent.objects.filter(sequence__gt=Subquery(head_sequence)).aggregate(
            first=Min("sequence"), last=Max("sequence")
        )
        if beyond["first"] is not None:
            yield ChainProblem(beyond["first"], _rows(beyond["first"], beyond["last"], "staat", "staan")
                               + " na de kop van de keten")


def _missing(first: int, last: int) -> str:
    return _rows(first, last, "ontbreekt", "ontbreken")


def _rows(first: int, last: int, singular_verb: str, plural_verb: str) -> str:
    if first == last:
        return f"rij {first} {singular_verb}"
    return f"rijen {first}–{last} {plural_verb}"


def verify_chain(batch_size: int = 5000) -> Iterator[ChainProblem]:
    """Every changed, inserted or removed row of the chain, streamed (see ``ChainVerifier``)."""
    return ChainVerifier(batch_size).problems()


def events_for_client(client_pseudonym: str, start: datetime, end: datetime):
    """Every event about one client in a period: the basis of 'wie heeft mijn gegevens ingezien'."""
    return AuditEvent.objects.filter(
        client_pseudonym=client_pseudonym, occurred_at__gte=start, occurred_at__lt=end
    ).order_by("occurred_at", "sequence")
