"""The lifetime jobs may run every minute, twice, or at the same time: nothing happens twice."""

import threading
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection, transaction

from ketenzicht.audit.models import AuditEvent
from ketenzicht.demo.loader import load_demo
from ketenzicht.people.models import Person
from ketenzicht.verwijsindex.lifecycle import JOBS_LOCK_KEY, end_registration, run_lifetime_jobs
from ketenzicht.verwijsindex.models import EndReason, IndexRegistration

from .conftest import DAAN, EMMA, KEVIN
from .lifetimes import acting, jobs_on, on, registered_on


@pytest.mark.usefixtures("emmen")
def test_lifetime_jobs_are_idempotent():
    archived = registered_on(date(2020, 1, 6), "jgz", EMMA)     # archive runs out
    with on(date(2020, 2, 3)):
        end_registration(*acting("jgz"), archived.uuid, EndReason.RISK_GONE)
    registered_on(date(2025, 3, 10), "leerkracht", DAAN)        # expires
    registered_on(date(2025, 3, 10), "jgz", DAAN)               # expires; the match closes
    registered_on(date(2026, 6, 1), "leerkracht", KEVIN)        # turns 23 on 2027-01-15

    first = jobs_on(date(2027, 1, 20))
    assert {k: v for k, v in first.items() if v} == {
        "age_limit": 1, "expired": 2, "archive_destroyed": 1, "matches_closed": 1}
    events = AuditEvent.objects.count()
    remaining = list(IndexRegistration.objects.order_by("id").values())

    assert jobs_on(date(2027, 1, 20)) == dict.fromkeys(first, 0)
    assert AuditEvent.objects.count() == events
    assert list(IndexRegistration.objects.order_by("id").values()) == remaining


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_lifetime_jobs_skip_while_another_run_holds_the_lock(settings):
    settings.DEMO_MODE = True
    load_demo(households=0)
    registered_on(date(2025, 3, 10), "leerkracht", DAAN)
    holding, release = threading.Event(), threading.Event()

    def other_run() -> None:
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [JOBS_LOCK_KEY])
                holding.set()
                release.wait(timeout=30)
        finally:
            connection.close()

    thread = threading.Thread(target=other_run)
    thread.start()
    try:
        assert holding.wait(timeout=30)
        with on(date(2026, 6, 1)):
            assert run_lifetime_jobs()["skipped"] == 1
        assert IndexRegistration.objects.get().status == "actief"
    finally:
        release.set()
        thread.join(timeout=30)
    with on(date(2026, 6, 1)):
        counts = run_lifetime_jobs()
    assert (counts["skipped"], counts["expired"]) == (0, 1)
    assert Person.objects.exists()


@pytest.mark.usefixtures("emmen")
def test_the_worker_runs_the_lifetime_job_and_reports_in_dutch():
    registered_on(date(2025, 3, 10), "leerkracht", DAAN)
    out = StringIO()
    with on(date(2026, 3, 11)):
        call_command("worker", "--run", "verwijsindex-levensduur", stdout=out)
    assert "verwijsindex-levensduur: klaar." in out.getvalue()
    assert "beëindigd: actieve termijn verstreken: 1" in out.getvalue()
    again = StringIO()
    with on(date(2026, 3, 11)):
        call_command("worker", "--run", "verwijsindex-levensduur", stdout=again)
    assert "beëindigd: actieve termijn verstreken: 0" in again.getvalue()
