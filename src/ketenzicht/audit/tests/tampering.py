"""Tampering with the trail in tests, as an attacker with database access would.

On PostgreSQL the append-only trigger refuses UPDATE and DELETE, so these helpers disable it
for the statement (as the table owner could) and enable it again; the test's transaction rolls
the whole thing back. On SQLite there is no trigger to get past.

``write_events`` writes as ``SYSTEM``, so in one test's transaction the rows are on one chain,
``system_chain()``; the helpers address that chain unless told another.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection

from ketenzicht.audit.models import AuditEvent, ChainHead
from ketenzicht.audit.services import SYSTEM, Actor, Subject, chain_for, record

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


def system_chain() -> int:
    return chain_for(SYSTEM)


def change(sequence: int, chain: int | None = None, **values) -> None:
    with trigger_disabled():
        AuditEvent.objects.filter(chain=_chain(chain), sequence=sequence).update(**values)


def remove(*sequences: int, chain: int | None = None) -> None:
    with trigger_disabled():
        AuditEvent.objects.filter(chain=_chain(chain), sequence__in=sequences).delete()


def write_events(
    count: int, client_pseudonym: str = "cliënt-a", actor: Actor = SYSTEM
) -> list[AuditEvent]:
    return [
        record(actor, "read", Subject(client_pseudonym=client_pseudonym, object_type="persoon"))
        for _ in range(count)
    ]


def head(chain: int | None = None) -> ChainHead:
    return ChainHead.objects.get(chain=_chain(chain))


def actors_on_different_chains(count: int) -> list[Actor]:
    """``count`` professionals whose events go to ``count`` different chains."""
    actors: dict[int, Actor] = {}
    number = 0
    while len(actors) < count:
        actor = Actor(user_id=f"professional-{number}", user_name=f"Professional {number}",
                      organisation="kristalla")
        actors.setdefault(chain_for(actor), actor)
        number += 1
    return list(actors.values())


def _chain(chain: int | None) -> int:
    return system_chain() if chain is None else chain
