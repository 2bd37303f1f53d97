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


def verify_chain(batch_size: int = 5000) -> Iterator[ChainProblem]:
    """Recompute the chain; yield every changed, inserted or removed row (streamed in batches)."""
    expected_previous, expected_sequence = GENESIS, 1
    queryset = AuditEvent.objects.order_by("sequence").values(*HASHED_FIELDS, "previous_hash", "hash")
    for row in queryset.iterator(chunk_size=batch_size):
        if row["sequence"] != expected_sequence:
            missing = f"{expected_sequence}–{row['sequence'] - 1}"
            yield ChainProblem(expected_sequence, f"rijen {missing} ontbreken")
        if row["previous_hash"] != expected_previous:
            yield ChainProblem(row["sequence"], "schakel naar vorige rij klopt niet")
        if compute_hash(row["previous_hash"], row) != row["hash"]:
            yield ChainProblem(row["sequence"], "inhoud is gewijzigd")
        expected_previous, expected_sequence = row["hash"], row["sequence"] + 1
    head = ChainHead.objects.filter(id=1).first()
    if head is not None and head.sequence != expected_sequence - 1:
        yield ChainProblem(expected_sequence, f"laatste rijen tot {head.sequence} ontbreken")
    elif head is not None and head.hash != expected_previous:
        yield ChainProblem(head.sequence, "laatste schakel klopt niet met de kop van de keten")


def events_for_client(client_pseudonym: str, start: datetime, end: datetime):
    """Every event about one client in a period: the basis of 'wie heeft mijn gegevens ingezien'."""
    return AuditEvent.objects.filter(
        client_pseudonym=client_pseudonym, occurred_at__gte=start, occurred_at__lt=end
    ).order_by("occurred_at", "sequence")
