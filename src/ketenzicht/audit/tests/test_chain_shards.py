"""The trail is several independent chains: how an event finds its chain, and that all are checked."""

import hashlib
import json
from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.test import override_settings

from ketenzicht.audit.models import AuditEvent, ChainHead
from ketenzicht.audit.services import (
    GENESIS,
    SYSTEM,
    Actor,
    ChainVerifier,
    Subject,
    chain_for,
    held_chain,
    record,
    verify_chain,
)

from .tampering import actors_on_different_chains, change, remove, write_events

pytestmark = pytest.mark.django_db

# The hashed fields and canonical form before the trail had chains: a frozen copy, so this test
# notices when the current code stops verifying rows written by the old code.
OLD_HASHED_FIELDS = (
    "sequence", "occurred_at", "event_type", "outcome", "user_id", "user_name", "organisation",
    "role", "on_behalf_of", "access_point", "client_pseudonym", "object_type", "object_id",
    "purpose", "detail",
)


def old_hash(previous_hash: str, values: dict) -> str:
    payload = {name: values[name] for name in OLD_HASHED_FIELDS}
    payload["occurred_at"] = values["occurred_at"].astimezone(UTC).isoformat()
    canonical = json.dumps(payload, sort_keys=True, separators=(",", ":"), default=str).encode()
    return hashlib.sha256(previous_hash.encode() + b"|" + canonical).hexdigest()


def old_rows(count: int) -> list[dict]:
    """A single chain as the code before sharding wrote it: values, previous hash and hash."""
    rows, previous = [], GENESIS
    for sequence in range(1, count + 1):
        values = {
            "sequence": sequence, "occurred_at": datetime(2026, 1, 5, 9, sequence, tzinfo=UTC),
            "event_type": "read", "outcome": "success", "user_id": f"u-{sequence % 2}",
            "user_name": "Juf Ans", "organisation": "kristalla", "role": "professional",
            "on_behalf_of": "", "access_point": "10.0.0.1", "client_pseudonym": "cliënt-a",
            "object_type": "persoon", "object_id": "", "purpose": "cliënt van de organisatie",
            "detail": {"stap": sequence},
        }
        digest = old_hash(previous, values)
        rows.append({**values, "previous_hash": previous, "hash": digest})
        previous = digest
    return rows


def test_chain_choice_is_stable_per_actor_and_spreads_actors():
    professional = Actor(user_id="9f1c0a8e-2b4d-4e6f-8a1b-3c5d7e9f1a2b", access_point="10.1.2.3")
    # Fixed, not merely repeatable: every worker process must agree, so no per-process hash().
    assert chain_for(professional, 16) == 10
    assert chain_for(professional, 16) == chain_for(Actor(**vars(professional)), 16)
    chains = {chain_for(Actor(user_id=f"professional-{n}"), 16) for n in range(200)}
    assert chains == set(range(16))


def test_one_transaction_stays_on_one_chain():
    """A request's events are consecutive links of one chain, whoever they are recorded for."""
    first, second = actors_on_different_chains(2)
    with transaction.atomic():
        a = record(first, "read", Subject(object_type="persoon"))
        b = record(second, "read", Subject(object_type="persoon"))
        assert held_chain() == chain_for(first)
    assert (b.chain, b.sequence) == (a.chain, a.sequence + 1) == (chain_for(first), 2)
    assert list(verify_chain()) == []


def test_rolled_back_append_no_longer_holds_its_chain():
    first, second = actors_on_different_chains(2)
    with pytest.raises(RuntimeError), transaction.atomic():
        record(first, "read", Subject())
        raise RuntimeError("de handeling mislukt")
    assert held_chain() is None
    assert record(second, "read", Subject()).chain == chain_for(second)


@pytest.mark.django_db(transaction=True)  # each append its own transaction, so its own chain
def test_every_chain_is_verified():
    actors = actors_on_different_chains(3)
    for count, actor in enumerate(actors, start=2):
        write_events(count, actor=actor)
    chains = [chain_for(actor) for actor in actors]
    verifier = ChainVerifier(batch_size=2)
    assert list(verifier.problems()) == []
    assert {chain: n for chain, n in verifier.checked_per_chain.items() if n} == dict(
        zip(chains, [2, 3, 4], strict=True))

    change(2, chain=chains[1], purpose="verzonnen")
    remove(4, chain=chains[2])

    found = [(p.chain, p.sequence, p.problem) for p in verify_chain(batch_size=2)]
    assert sorted(found) == sorted([
        (chains[1], 2, "inhoud is gewijzigd"),
        (chains[2], 4, "rij 4 ontbreekt (einde van de keten)"),
    ])
    assert str(verify_chain().__next__()).startswith("Keten ")


@pytest.mark.django_db(transaction=True)
def test_rows_of_a_chain_without_head_are_verified():
    actor = actors_on_different_chains(1)[0]
    write_events(2, actor=actor)
    ChainHead.objects.filter(chain=chain_for(actor)).delete()
    assert [(p.chain, p.problem) for p in verify_chain()] == [
        (chain_for(actor), "kop van de keten ontbreekt")]


def test_old_single_chain_events_still_verify():
    """Rows hashed before sharding, now chain 0, verify without being rewritten."""
    rows = old_rows(5)
    AuditEvent.objects.bulk_create(AuditEvent(chain=0, **row) for row in rows)
    ChainHead.objects.update_or_create(chain=0, defaults={"sequence": 5, "hash": rows[-1]["hash"]})

    verifier = ChainVerifier(batch_size=2)
    assert list(verifier.problems()) == []
    assert verifier.checked_per_chain[0] == 5


def test_tampering_with_an_old_chain_is_still_detected():
    rows = old_rows(3)
    AuditEvent.objects.bulk_create(AuditEvent(chain=0, **row) for row in rows)
    ChainHead.objects.update_or_create(chain=0, defaults={"sequence": 3, "hash": rows[-1]["hash"]})
    change(2, chain=0, user_name="Iemand anders")
    assert [(p.chain, p.sequence, p.problem) for p in verify_chain()] == [(0, 2, "inhoud is gewijzigd")]


def test_new_events_on_chain_zero_hash_as_before():
    """The canonical form of chain 0 is the old one, so old and new rows of chain 0 agree."""
    with override_settings(KETENZICHT_AUDIT_CHAINS=1):
        event = record(SYSTEM, "read", Subject(client_pseudonym="cliënt-a"))
    values = {name: getattr(event, name) for name in OLD_HASHED_FIELDS}
    assert event.chain == 0
    assert event.hash == old_hash(GENESIS, values)


def test_a_row_moved_to_another_chain_is_detected():
    """The chain number is hashed (except for chain 0), so rows cannot be moved between chains."""
    rows = old_rows(1)
    AuditEvent.objects.bulk_create([AuditEvent(chain=5, **rows[0])])
    ChainHead.objects.update_or_create(chain=5, defaults={"sequence": 1, "hash": rows[0]["hash"]})
    assert [(p.chain, p.problem) for p in verify_chain()] == [(5, "inhoud is gewijzigd")]


@pytest.mark.django_db(transaction=True)
def test_migration_makes_the_single_chain_chain_zero():
    """Migrate a trail written by the old code: it becomes chain 0 and still verifies."""
    before = [("audit", "0002_append_only_trigger")]
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes("audit")
    executor.migrate(before)
    try:
        rows = old_rows(4)
        with connection.cursor() as cursor:
            for row in rows:
                cursor.execute(
                    "INSERT INTO audit_auditevent (sequence, occurred_at, event_type, outcome, user_id,"
                    " user_name, organisation, role, on_behalf_of, access_point, client_pseudonym,"
                    " object_type, object_id, purpose, detail, previous_hash, hash)"
                    " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                    [row[name] if name != "detail" else json.dumps(row[name])
                     for name in (*OLD_HASHED_FIELDS, "previous_hash", "hash")],
                )
            cursor.execute("DELETE FROM audit_chainhead")
            cursor.execute("INSERT INTO audit_chainhead (id, sequence, hash) VALUES (1, 4, %s)",
                           [rows[-1]["hash"]])
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(latest)

    assert list(AuditEvent.objects.values_list("chain", "sequence")) == [(0, n) for n in range(1, 5)]
    assert sorted(ChainHead.objects.values_list("chain", flat=True)) == list(range(16))
    assert (ChainHead.objects.get(chain=0).sequence, ChainHead.objects.get(chain=0).hash) == (
        4, rows[-1]["hash"])
    assert list(verify_chain()) == []
    # Appending continues each chain: chain 0 after its old rows, any other from 1.
    with override_settings(KETENZICHT_AUDIT_CHAINS=1):
        assert record(SYSTEM, "read", Subject()).sequence == 5
    assert list(verify_chain()) == []
    assert timedelta(0) == AuditEvent.objects.first().occurred_at.utcoffset()
