"""Ended registrations leave the history archive after 5 years (domain.md §2)."""

from datetime import date

import pytest

from ketenzicht.audit.models import AuditEvent
from ketenzicht.verwijsindex.lifecycle import end_registration
from ketenzicht.verwijsindex.models import EndReason, Match

from .conftest import DAAN
from .lifetimes import acting, exists, jobs_on, on, registered_on

pytestmark = pytest.mark.usefixtures("emmen")


def test_archive_destroyed_after_5_years():
    school = registered_on(date(2025, 3, 10), "leerkracht", DAAN)
    nurse = registered_on(date(2025, 3, 10), "jgz", DAAN)
    with on(date(2025, 4, 1)):
        end_registration(*acting("leerkracht"), school.uuid, EndReason.RISK_GONE)
        end_registration(*acting("jgz"), nurse.uuid, EndReason.RISK_GONE)
    match = Match.objects.get(kind="client")
    assert match.status == "gesloten"  # kept: its registrations are in the archive

    assert jobs_on(date(2030, 4, 1))["archive_destroyed"] == 0  # the last day in the archive
    assert exists(school) and exists(nurse)

    counts = jobs_on(date(2030, 4, 2))
    assert (counts["archive_destroyed"], counts["matches_deleted"]) == (2, 1)
    assert not exists(school) and not exists(nurse)
    assert not Match.objects.filter(pk=match.pk).exists()
    assert AuditEvent.objects.filter(event_type="delete", object_id=str(school.uuid),
                                     user_id="system").exists()
