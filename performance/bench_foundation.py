"""Benchmarks of the foundation on PostgreSQL, on a realistic generated population.

Run with ``make bench`` (``BENCH_HOUSEHOLDS`` sets the size). It recreates the database
``ketenzicht_bench``, loads the demo population, and measures what professionals feel: finding a
person by BSN, opening a person, listing a district team's residents, appending to the audit
trail and verifying it. Numbers are printed, never asserted: speed is judged by people.
"""

import os
import random
import statistics
import sys
import time
from collections.abc import Callable

import psycopg

BENCH_DB = os.environ.get("BENCH_DATABASE", "ketenzicht_bench")
SERVER = os.environ.get("BENCH_SERVER", "postgres://postgres@127.0.0.1:5432")


def recreate_database() -> None:
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{BENCH_DB}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{BENCH_DB}"')


def timed(samples: int, action: Callable[[int], object]) -> dict[str, float]:
    durations = []
    for i in range(samples):
        started = time.perf_counter()
        action(i)
        durations.append((time.perf_counter() - started) * 1000)
    durations.sort()
    return {
        "p50_ms": statistics.median(durations),
        "p95_ms": durations[int(len(durations) * 0.95) - 1],
        "max_ms": durations[-1],
    }


def report(name: str, numbers: dict[str, float]) -> None:
    cells = "  ".join(f"{key}={value:,.2f}" for key, value in numbers.items())
    print(f"{name:<48} {cells}", flush=True)


def main() -> None:
    households = int(os.environ.get("BENCH_HOUSEHOLDS", "20000"))
    recreate_database()
    os.environ["DATABASE_URL"] = f"{SERVER}/{BENCH_DB}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ketenzicht.conf.dev")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction

    from ketenzicht.access.audited import actor_for, open_person, search_by_bsn
    from ketenzicht.access.models import AccessBasis
    from ketenzicht.access.services import visible_persons
    from ketenzicht.audit.services import SYSTEM, Subject, record, verify_chain
    from ketenzicht.demo.loader import load_demo
    from ketenzicht.organisations.models import Organisation, Professional
    from ketenzicht.people import bsn as bsn_lib
    from ketenzicht.people.models import Person

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    summary = load_demo(households=households)
    seconds = time.perf_counter() - started
    report(f"load_demo({households} households)", {
        "seconds": seconds, "persons": summary.persons, "persons_per_s": summary.persons / seconds,
    })

    cjg = Professional.objects.select_related("organisation__type", "user").get(
        user__username="cjg-demonden"
    )
    school = Organisation.objects.get(slug="kristalla")
    actor = actor_for(cjg, access_point="bench")
    rng = random.Random(7)
    persons = list(Person.objects.values_list("id", "uuid", "bsn_ciphertext"))
    sample = rng.sample(persons, 500)

    # Involvement elsewhere in the chain: one basis per ~5 persons, for a realistic index.
    AccessBasis.objects.bulk_create(
        (
            AccessBasis(organisation=school, person_id=person_id, kind="client")
            for person_id, _uuid, _cipher in persons[::5]
        ),
        ignore_conflicts=True,  # the demo already records the school's involvement with Daan
    )

    bsns = [bsn_lib.reveal(cipher) for _id, _uuid, cipher in sample]
    report("search_by_bsn (CJG De Monden, audited)",
           timed(len(bsns), lambda i: search_by_bsn(cjg, actor, bsns[i])))
    report("open_person (CJG De Monden, audited)",
           timed(len(sample), lambda i: open_person(cjg, actor, sample[i][1])))
    report("visible_persons(CJG De Monden).count()",
           timed(20, lambda i: visible_persons(cjg).count()))
    report("visible_persons(CJG De Monden) page of 50",
           timed(20, lambda i: list(visible_persons(cjg).order_by("surname", "id")[:50])))

    with connection.cursor() as cursor:
        listing = visible_persons(cjg).order_by("surname", "id")[:50]
        query, params = listing.query.sql_with_params()
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + query, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    print("\nEXPLAIN ANALYZE visible_persons (CJG De Monden, first page):\n" + plan + "\n")

    def append_one(i: int) -> None:
        with transaction.atomic():
            record(SYSTEM, "read", Subject(client_pseudonym=str(sample[i % 500][1])))

    report("audit append, one transaction each", timed(2000, append_one))
    started = time.perf_counter()
    problems = list(verify_chain())
    seconds = time.perf_counter() - started
    from ketenzicht.audit.models import AuditEvent

    events = AuditEvent.objects.count()
    report("verify_chain", {"events": events, "seconds": seconds, "events_per_s": events / seconds,
                            "problems": len(problems)})
    sizes = {}
    with connection.cursor() as cursor:
        for table in ("people_person", "people_household", "access_accessbasis", "audit_auditevent"):
            cursor.execute("SELECT pg_total_relation_size(%s)", [table])
            sizes[table + "_MB"] = cursor.fetchone()[0] / 1024 / 1024
    report("table sizes incl. indexes", sizes)


if __name__ == "__main__":
    sys.exit(main())
