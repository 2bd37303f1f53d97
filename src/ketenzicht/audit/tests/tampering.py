"""Tampering with the trail in tests, as an attacker with database access would.

On PostgreSQL the append-only trigger refuses UPDATE and DELETE, so these helpers disable it
for the statement (as the table owner could) and enable it again; the test's transaction rolls
the whole thing back. On SQLite there is no trigger to get past.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection

from ketenzicht.audit.models import AuditEvent, ChainHead
from ketenzicht.audit.services import SYSTEM, Subject, record

TABLE = "audit_auditevent"
TRIGGER = "audit_auditevent_append_only"


@contextmanager
def trigger_disabled() -> Iterator[None]:
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute(f"ALTER TABLE {TABLE} DISABLE TRIGGER {TRIGGER}")
        try:
            yield
        finally:
            cursor.execute(f"ALTER TABLE {TABLE} ENABLE TRIGGER {TRIGGER}")


def change(sequence: int, **values) -> None:
    with trigger_disabled():
        AuditEvent.objects.filter(sequence=sequence).update(**values)


def remove(*sequences: int) -> None:
    with trigger_disabled():
        AuditEvent.objects.filter(sequence__in=sequences).delete()


def write_events(count: int, client_pseudonym: str = "cliënt-a") -> list[AuditEvent]:
    return [
        record(SYSTEM, "read", Subject(client_pseudonym=client_pseudonym, object_type="persoon"))
        for _ in range(count)
    ]


def head() -> ChainHead:
    return ChainHead.objects.get(id=1)
