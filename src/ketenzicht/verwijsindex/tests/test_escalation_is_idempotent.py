"""Escalating runs every minute: a match escalates once, with one notice per regievoerder."""

from datetime import date

import pytest

from ketenzicht.audit.models import AuditEvent
from ketenzicht.verwijsindex.models import Match

from .match_helpers import client_match_on, deadline_jobs_at, notices_to

pytestmark = pytest.mark.usefixtures("emmen")


def test_escalation_is_idempotent():
    match = client_match_on(date(2025, 9, 1))
    assert deadline_jobs_at(date(2025, 9, 16))["escalated"] == 1
    first = Match.objects.get().escalated_at

    assert deadline_jobs_at(date(2025, 9, 16))["escalated"] == 0
    assert deadline_jobs_at(date(2025, 9, 30))["escalated"] == 0
    assert Match.objects.get().escalated_at == first
    assert len(notices_to("regievoerder", "verwijsindex-opgeschaald")) == 1
    assert AuditEvent.objects.filter(object_id=str(match.uuid),
                                     purpose__startswith="opgeschaald").count() == 1
