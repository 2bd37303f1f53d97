"""Every periodic job of every app is declared in one registry that ``ketenzicht worker`` runs:
nobody schedules a command per app. A deployment may shorten an interval by a setting."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from ketenzicht.runtime.registry import REGISTRY

DECLARED = {
    "berichten-email": timedelta(minutes=1),
    "casussen-termijnen": timedelta(minutes=1),
    "formulieren-opschonen": timedelta(hours=1),
    "gezinsplan-aanspreken": timedelta(minutes=5),
    "idempotentie-opschonen": timedelta(hours=1),
    "sessies-opschonen": timedelta(hours=1),
    "signalen-termijnen": timedelta(minutes=1),
    "verwijsindex-levensduur": timedelta(minutes=1),
    "verwijsindex-termijnen": timedelta(minutes=1),
}


def test_every_app_declares_its_jobs_with_the_one_runner():
    assert {job.name: job.interval for job in REGISTRY.all()} == DECLARED


def test_a_setting_shortens_one_interval_or_all(settings):
    settings.KETENZICHT_JOB_INTERVALS = {"signalen-termijnen": 2}
    assert REGISTRY.get("signalen-termijnen").interval == timedelta(seconds=2)
    assert REGISTRY.get("verwijsindex-termijnen").interval == timedelta(minutes=1)
    settings.KETENZICHT_JOB_INTERVALS = {"*": 5, "sessies-opschonen": 60}
    assert REGISTRY.get("verwijsindex-termijnen").interval == timedelta(seconds=5)
    assert REGISTRY.get("sessies-opschonen").interval == timedelta(minutes=1)


@pytest.mark.django_db
def test_the_worker_lists_the_jobs_and_their_last_run_in_dutch():
    call_command("worker", "--run", "sessies-opschonen", stdout=StringIO())
    out = StringIO()
    call_command("worker", "--list", stdout=out)
    listing = out.getvalue()
    for name in DECLARED:
        assert name in listing
    assert "nog nooit uitgevoerd" in listing  # the jobs not run yet
    assert "laatst geslaagd: " in listing  # sessies-opschonen


@pytest.mark.django_db
def test_running_an_unknown_job_names_the_known_ones():
    with pytest.raises(CommandError, match=r"Onbekende taak 'signalen'\. Bekende taken: berichten-email, "):
        call_command("worker", "--run", "signalen")


@pytest.mark.django_db
def test_every_declared_job_runs_on_an_empty_database():
    out = StringIO()
    call_command("worker", "--once", stdout=out)
    assert sorted(line.split(":")[0] for line in out.getvalue().splitlines()) == sorted(DECLARED)
