"""Expired login sessions are removed by the worker (Django's clearsessions); live ones stay."""

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone


@pytest.mark.django_db
def test_expired_sessions_are_removed_by_the_worker():
    now = timezone.now()
    Session.objects.create(session_key="verlopen", session_data="", expire_date=now - timedelta(seconds=1))
    Session.objects.create(session_key="geldig", session_data="", expire_date=now + timedelta(minutes=30))
    out = StringIO()
    call_command("worker", "--run", "sessies-opschonen", stdout=out)
    assert list(Session.objects.values_list("session_key", flat=True)) == ["geldig"]
    assert out.getvalue() == "sessies-opschonen: klaar. verlopen sessies verwijderd: 1.\n"
