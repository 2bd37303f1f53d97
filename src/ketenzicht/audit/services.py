"""Writing and verifying the audit trail.

``record`` appends in the caller's transaction, so an action and its audit row commit or roll
back together. The trail is ``KETENZICHT_AUDIT_CHAINS`` independent hash chains. An append locks
the head row of its chain until the caller's transaction ends, which with ``ATOMIC_REQUESTS`` is
the end of the request: only requests on the same chain queue behind it, not the whole country.

Which chain (``chain_for``): a stable hash of the actor's user id and access point, except that a
transaction that has already appended stays on the chain it holds.

- Stable per actor, not per connection or at random: one professional's events, from one place,
  form one ordered chain, so their sequence numbers read as their order of work, and a
  professional's concurrent requests (two tabs) queue only behind each other. Different
  professionals collide only when they hash to the same chain (1 in N per pair).
- Sticky per transaction: one request's events are consecutive links of one chain, and a
  transaction never holds two head locks, so two requests that record for the same two actors
  in opposite order cannot deadlock. The price: an event recorded in a transaction that first
  recorded for someone else goes to that other chain. Across chains, and so for one person in
  general, the order is ``occurred_at`` then ``id``.
"""

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.models import Max, Min, QuerySet, Subquery
from django.utils import timezone

from ketenzicht.runtime.context import current_id

from .models import AuditEvent, ChainHead, EventType, Outcome

GENESIS = "0" * 64
DEFAULT_CHAINS = 16
#: Hashed in every chain. The chain number and the request id are hashed too, except for chain 0
#: and an empty id: see ``_canonical``.
HASHED_FIELDS = (
    "sequence", "occurred_at", "event_type", "outcome", "user_id", "user_name", "organisation",
    "role", "on_behalf_of", "access_point", "client_pseudonym", "object_type", "object_id",
    "purpose", "detail",
)
#: Hashed only when set, so rows from before they existed verify unchanged.
HASHED_IF_SET = ("chain", "request_id")


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
    """The hashed form of a row.

    Chain 0 is hashed without its number, exactly as the single chain before sharding: its
    existing rows stay verifiable without being rewritten (which the append-only trigger rightly
    refuses, and which would destroy the evidence). Every other chain hashes its number, so a
    row cannot be moved to another chain unnoticed: moving a row into or out of chain 0 adds or
    drops the number, and between other chains changes it.

    The request id follows the same pattern: hashed when there is one, left out when empty, as
    on every row written before it existed (and on rows written outside a request or job run).
    So those rows verify unchanged, and an id added to, changed in or removed from a row shows.
    """
    payload = {name: values[name] for name in HASHED_FIELDS}
    payload["occurred_at"] = values["occurred_at"].astimezone(UTC).isoformat()
    payload |= {name: values[name] for name in HASHED_IF_SET if values.get(name)}
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), default=str).encode()


def compute_hash(previous_hash: str, values: dict) -> str:
    return hashlib.sha256(previous_hash.encode() + b"|" + _canonical(values)).hexdigest()


def chain_count() -> int:
    count = getattr(settings, "KETENZICHT_AUDIT_CHAINS", DEFAULT_CHAINS)
    if count < 1:
        raise ImproperlyConfigured("KETENZICHT_AUDIT_CHAINS moet minstens 1 zijn.")
    return count


def chain_for(actor: Actor, chains: int | None = None) -> int:
    """The chain an actor's events go to when their transaction holds none yet.

    SHA-256 rather than ``hash()``, which differs per process: every worker must pick the same
    chain for the same actor. The access point spreads actors without a user id (failed
    logins) and shared system accounts over the chains.
    """
    key = f"{actor.user_id}\x1f{actor.access_point}".encode()
    digest = hashlib.sha256(key).digest()
    return int.from_bytes(digest[:8], "big") % (chains or chain_count())


class _HeldChain:
    """A do-nothing on-commit hook that marks "this transaction holds the head of ``chain``".

    Django drops on-commit hooks exactly when the database drops the row lock: at commit, at
    rollback, and at the rollback of a savepoint the append happened in (PostgreSQL releases a
    subtransaction's row locks with it). So the hook list tells what this transaction holds,
    with no bookkeeping of our own to get out of step.
    """

    __slots__ = ("chain",)

    def __init__(self, chain: int) -> None:
        self.chain = chain

    def __call__(self) -> None:
        return None


def held_chain(using: str = DEFAULT_DB_ALIAS) -> int | None:
    """The chain whose head the current transaction has locked by appending, if any."""
    connection = transaction.get_connection(using)
    for _savepoints, hook, _robust in getattr(connection, "run_on_commit", ()):
        if isinstance(hook, _HeldChain):
            return hook.chain
    return None


def record(
    actor: Actor,
    event_type: EventType | str,
    subject: Subject,
    *,
    outcome: Outcome | str = Outcome.SUCCESS,
    purpose: str = "",
) -> AuditEvent:
    """Append one event to a chain (see the module docstring), inside the caller's transaction."""
    [event] = record_many(actor, event_type, [subject], outcome=outcome, purpose=purpose)
    return event


def record_many(
    actor: Actor,
    event_type: EventType | str,
    subjects: list[Subject],
    *,
    outcome: Outcome | str = Outcome.SUCCESS,
    purpose: str = "",
) -> list[AuditEvent]:
    """Append one event per subject as consecutive links, with one head lock and one insert.

    A page that names fifty clients is fifty reads; written one by one that would cost four
    queries each.
    """
    if not subjects:
        return []
    with transaction.atomic():
        held = held_chain()
        chain = held if held is not None else chain_for(actor)
        head, _created = ChainHead.objects.select_for_update().get_or_create(chain=chain)
        occurred_at, previous, events = timezone.now(), head.hash, []
        for offset, subject in enumerate(subjects, start=1):
            values = _event_values(actor, event_type, subject, outcome, purpose)
            values |= {"chain": chain, "sequence": head.sequence + offset, "occurred_at": occurred_at}
            digest = compute_hash(previous, values)
            events.append(AuditEvent(previous_hash=previous, hash=digest, **values))
            previous = digest
        AuditEvent.objects.bulk_create(events)
        head.sequence, head.hash = events[-1].sequence, previous
        head.save(update_fields=["sequence", "hash"])
        if held is None:
            transaction.on_commit(_HeldChain(chain))
    return events


def _event_values(
    actor: Actor, event_type: EventType | str, subject: Subject, outcome: Outcome | str,
    purpose: str,
) -> dict:
    return {
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
        # Ketenzicht's own id (32 hex digits; never one a client sent): the cut guards other callers.
        "request_id": current_id()[:64],
    }


@dataclass(frozen=True)
class ChainProblem:
    chain: int
    sequence: int
    problem: str

    def __str__(self) -> str:
        return f"Keten {self.chain}, gebeurtenis {self.sequence}: {self.problem}"


class ChainVerifier:
    """Recompute every chain row by row; ``checked`` counts the rows seen so far.

    ``checked_per_chain`` holds the count per chain verified so far. Chains are the union of
    the head rows and the chain numbers found among the events (so rows of a chain whose head
    was removed are still checked), each verified on its own.

    Rows are read in keyset pages (``sequence > last`` within a chain, on the unique
    ``(chain, sequence)`` index) rather than with one server-side cursor: memory stays flat for
    tens of millions of rows, no transaction or cursor is held open for the whole run, and it
    works behind a transaction-pooling connection pooler.

    Each chain is checked up to its head as it was just before that chain's rows were read.
    Writers keep appending meanwhile; their rows are left for the next run instead of being
    mistaken for a mismatch with a head read later. (Appends to a chain commit in sequence
    order, because its head stays locked until the writer's transaction ends, so no row below
    that head can still appear.) A chain that gets its very first row during the run is left
    for the next run too.

    The chain shows a changed, inserted or removed row; the head shows removal of the newest
    rows. Someone able to rewrite both the rows and the head can forge a consistent chain:
    publishing the head hashes elsewhere now and then (e.g. in the operations log) closes that
    gap.
    """

    def __init__(self, batch_size: int = 5000) -> None:
        self.batch_size = batch_size
        self.checked = 0
        self.checked_per_chain: dict[int, int] = {}

    def problems(self) -> Iterator[ChainProblem]:
        for chain in self.chains():
            yield from self._chain_problems(chain)

    @staticmethod
    def chains() -> list[int]:
        """Every chain with a head or with rows, in order."""
        heads = set(ChainHead.objects.values_list("chain", flat=True))
        return sorted(heads | set(_chains_with_rows()))

    def _chain_problems(self, chain: int) -> Iterator[ChainProblem]:
        head = ChainHead.objects.filter(chain=chain).first()
        up_to = head.sequence if head is not None else None
        self.checked_per_chain[chain] = 0
        expected_previous, expected_sequence = GENESIS, 1
        for row in self._rows(chain, up_to):
            self.checked += 1
            self.checked_per_chain[chain] += 1
            sequence = row["sequence"]
            if sequence != expected_sequence:
                yield ChainProblem(chain, expected_sequence, _missing(expected_sequence, sequence - 1))
            elif row["previous_hash"] != expected_previous:
                # After a gap the link is broken by definition; report it only without one.
                yield ChainProblem(chain, sequence, "schakel naar de vorige rij klopt niet")
            if compute_hash(row["previous_hash"], row) != row["hash"]:
                yield ChainProblem(chain, sequence, "inhoud is gewijzigd")
            expected_previous, expected_sequence = row["hash"], sequence + 1
        if head is None:
            yield from self._check_missing_head(chain, expected_sequence - 1)
        else:
            yield from self._check_head(head, expected_sequence - 1, expected_previous)
        yield from self._check_rows_beyond_head(chain)

    def _rows(self, chain: int, up_to: int | None) -> Iterator[dict]:
        columns = (*HASHED_FIELDS, *HASHED_IF_SET, "previous_hash", "hash")
        rows = AuditEvent.objects.filter(chain=chain).order_by("sequence")
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
            yield ChainProblem(head.chain, last_sequence + 1,
                               _missing(last_sequence + 1, head.sequence) + " (einde van de keten)")
        elif head.hash != last_hash:
            yield ChainProblem(head.chain, head.sequence,
                               "laatste rij klopt niet met de kop van de keten")

    @staticmethod
    def _check_missing_head(chain: int, last_sequence: int) -> Iterator[ChainProblem]:
        # Re-read: the chain's very first append may have created the head during the run.
        if last_sequence and not ChainHead.objects.filter(chain=chain).exists():
            yield ChainProblem(chain, last_sequence, "kop van de keten ontbreekt")

    @staticmethod
    def _check_rows_beyond_head(chain: int) -> Iterator[ChainProblem]:
        """Rows numbered past the head: one statement, so one snapshot of rows and head.

        A writer moves the head in the same transaction as its row, so in any one snapshot a
        row past the head was put there by someone else.
        """
        head_sequence = ChainHead.objects.filter(chain=chain).values("sequence")[:1]
        beyond = AuditEvent.objects.filter(
            chain=chain, sequence__gt=Subquery(head_sequence)
        ).aggregate(first=Min("sequence"), last=Max("sequence"))
        if beyond["first"] is not None:
            yield ChainProblem(chain, beyond["first"],
                               _rows(beyond["first"], beyond["last"], "staat", "staan")
                               + " na de kop van de keten")


def _chains_with_rows() -> Iterator[int]:
    """The chain numbers among the events, by one index seek per chain.

    A ``DISTINCT`` would read the whole ``(chain, sequence)`` index; this "skip scan" reads one
    entry per chain.
    """
    chain = -1
    while True:
        chain = AuditEvent.objects.filter(chain__gt=chain).aggregate(next=Min("chain"))["next"]
        if chain is None:
            return
        yield chain


def _missing(first: int, last: int) -> str:
    return _rows(first, last, "ontbreekt", "ontbreken")


def _rows(first: int, last: int, singular_verb: str, plural_verb: str) -> str:
    if first == last:
        return f"rij {first} {singular_verb}"
    return f"rijen {first}–{last} {plural_verb}"


def verify_chain(batch_size: int = 5000) -> Iterator[ChainProblem]:
    """Every changed, inserted or removed row of every chain, streamed (see ``ChainVerifier``)."""
    return ChainVerifier(batch_size).problems()


def events_for_client(
    client_pseudonym: str, start: datetime, end: datetime, organisation: str | None = None
) -> QuerySet[AuditEvent]:
    """Every event about one client in a period: the basis of 'wie heeft mijn gegevens ingezien'.

    With ``organisation``, only the events by that organisation's users, filtered in the
    database. Ordered by time, then ``id``: events of different chains have no common sequence.
    """
    events = AuditEvent.objects.filter(
        client_pseudonym=client_pseudonym, occurred_at__gte=start, occurred_at__lt=end
    )
    if organisation is not None:
        events = events.filter(organisation=organisation)
    return events.order_by("occurred_at", "id")
