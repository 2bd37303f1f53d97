"""Concurrent requests append to one chain: no two events share a predecessor or a number."""

import threading

import pytest
from django.db import connection, transaction

from ketenzicht.audit.models import AuditEvent
from ketenzicht.audit.services import Actor, Subject, record, verify_chain

WRITERS = 8
EVENTS_PER_WRITER = 15


def write(writer: int, errors: list[BaseException], start: threading.Barrier) -> None:
    """One 'request': its own connection, one transaction per event, as ATOMIC_REQUESTS does."""
    actor = Actor(user_id=f"schrijver-{writer}", user_name=f"Schrijver {writer}")
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


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_parallel_writers_keep_one_unforked_chain():
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
    total = WRITERS * EVENTS_PER_WRITER
    sequences = list(AuditEvent.objects.values_list("sequence", flat=True))
    assert sequences == list(range(1, total + 1))
    predecessors = list(AuditEvent.objects.values_list("previous_hash", flat=True))
    assert len(set(predecessors)) == total  # a fork would show as two rows with one predecessor
    assert list(verify_chain()) == []
