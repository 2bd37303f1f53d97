"""Stored answers to Idempotency-Keys may name clients: the worker forgets them once the retention
(``KETENZICHT_API_IDEMPOTENCY_HOURS``) has passed, in batches, and keeps the fresh ones."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from ketenzicht.api.idempotency import forget_expired
from ketenzicht.api.models import IdempotencyRecord
from ketenzicht.organisations.tests.factories import OrganisationFactory


@pytest.fixture
def records(db):
    organisation = OrganisationFactory()
    for number in range(5):
        IdempotencyRecord.objects.create(organisation=organisation, key=f"sleutel-{number}", fingerprint="x")
    old = IdempotencyRecord.objects.filter(key__in=["sleutel-0", "sleutel-1", "sleutel-2"])
    old.update(created_at=timezone.now() - timedelta(hours=25))


def test_expired_answers_are_forgotten_and_fresh_ones_kept(records):
    assert forget_expired(batch=2) == 3
    assert sorted(IdempotencyRecord.objects.values_list("key", flat=True)) == ["sleutel-3", "sleutel-4"]


def test_the_worker_runs_the_clean_up_and_reports_in_dutch(records):
    out = StringIO()
    call_command("worker", "--run", "idempotentie-opschonen", stdout=out)
    assert out.getvalue() == "idempotentie-opschonen: klaar. bewaarde antwoorden verwijderd: 3.\n"
