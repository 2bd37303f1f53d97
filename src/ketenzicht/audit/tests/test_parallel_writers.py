"""Concurrent requests: no chain forks, and only writers on the same chain wait for each other."""

import threading
from collections import defaultdict
from collections.abc import Callable

import pytest
from django.db import connection, transaction

from ketenzicht.audit.models import AuditEvent
from ketenzicht.audit.services import Actor, Subject, chain_for, record, verify_chain

from .tampering import actors_on_different_chains

pytestmark = [pytest.mark.postgres_only, pytest.mark.django_db(transaction=True)]

WRITERS = 8
EVENTS_PER_WRITER = 15
#: Long enough for an append that does not wait; far shorter than a wait for a held lock.
NO_WAIT_SECONDS = 5


def write(writer: int, errors: list[BaseException], start: threading.Barrier) -> None:
    """One 'request': its own connection, one transaction per event, as ATOMIC_REQUESTS does.

    Two writers share each actor, so every chain in use has writers competing for its head.
    """
    actor = Actor(user_id=f"schrijver-{writer % (WRITERS // 2)}", user_name=f"Schrijver {writer}")
    try:
        start.wait()
        for number in range(EVENTS_PER_WRITER):
            with transaction.atomic():
                record(actor, "read", Subject(client_pseudonym=f"cliënt-{writer}",
                                              object_id=str(number)))
    except BaseException as error:  # reported to the main thread, which fails the test
        errors.append(error)
    finally:
        connection.close()  # this thread's own connection


def test_parallel_writers_keep_every_chain_unforked():
    errors: list[BaseException] = []
    start = threading.Barrier(WRITERS)
    threads = [threading.Thread(target=write, args=(n, errors, start)) for n in range(WRITERS)]
    for thread in threads:
        thread.start()
    # Verifying while writers append never reports their fresh rows as a problem.
    while any(thread.is_alive() for thread in threads):
        assert list(verify_chain(batch_size=7)) == []
    for thread in threads:
        thread.join()

    assert errors == []
    assert AuditEvent.objects.count() == WRITERS * EVENTS_PER_WRITER
    by_chain: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for chain, sequence, previous in AuditEvent.objects.order_by("chain", "sequence").values_list(
        "chain", "sequence", "previous_hash"
    ):
        by_chain[chain].append((sequence, previous))
    for links in by_chain.values():
        assert [sequence for sequence, _ in links] == list(range(1, len(links) + 1))
        # A fork would show as two rows of one chain with one predecessor.
        assert len({previous for _, previous in links}) == len(links)
    assert list(verify_chain()) == []


def record_in_other_transaction(actor: Actor, done: threading.Event,
                                errors: list[BaseException]) -> threading.Thread:
    """Start another 'request' that records for ``actor`` and commits; ``done`` when committed."""

    def run() -> None:
        try:
            with transaction.atomic():
                record(actor, "read", Subject(object_type="persoon"))
            done.set()
        except BaseException as error:  # reported to the main thread, which fails the test
            errors.append(error)
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def while_holding_a_chain(actor: Actor, then: Callable[[], None]) -> None:
    """Record for ``actor`` in an open transaction (its head stays locked) and call ``then``."""
    with transaction.atomic():
        record(actor, "read", Subject(object_type="persoon"))
        then()


def test_appends_of_different_professionals_do_not_wait_for_each_other():
    x, y = actors_on_different_chains(2)
    assert chain_for(x) != chain_for(y)
    done, errors = threading.Event(), []

    def y_records_meanwhile() -> None:
        thread = record_in_other_transaction(y, done, errors)
        thread.join(timeout=NO_WAIT_SECONDS)
        assert not thread.is_alive(), "Y wachtte op het slot van X"
        assert done.is_set()

    while_holding_a_chain(x, y_records_meanwhile)

    assert errors == []
    assert sorted(AuditEvent.objects.values_list("user_id", flat=True)) == sorted([x.user_id, y.user_id])
    assert list(verify_chain()) == []


def test_appends_on_one_chain_wait_for_each_other():
    """The counterpart: the same professional's second request queues behind the first."""
    x = actors_on_different_chains(1)[0]
    done, errors = threading.Event(), []
    threads: list[threading.Thread] = []

    def x_records_again_meanwhile() -> None:
        threads.append(record_in_other_transaction(x, done, errors))
        assert not done.wait(timeout=0.5), "de tweede schrijver wachtte niet op de kop van de keten"

    while_holding_a_chain(x, x_records_again_meanwhile)
    threads[0].join(timeout=NO_WAIT_SECONDS)

    assert errors == []
    assert done.is_set()
    assert list(AuditEvent.objects.values_list("chain", "sequence")) == [(chain_for(x), 1), (chain_for(x), 2)]
    assert list(verify_chain()) == []
