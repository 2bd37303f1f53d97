"""A match stays open while one of its registrations is active, and closes with the last."""

from datetime import date

import pytest

from ketenzicht.audit.models import AuditEvent
from ketenzicht.verwijsindex.lifecycle import end_registration
from ketenzicht.verwijsindex.models import EndReason, Match

from .conftest import DAAN
from .lifetimes import acting, jobs_on, on, registered_on

pytestmark = pytest.mark.usefixtures("emmen")


def test_match_closes_when_last_registration_ends():
    school = registered_on(date(2025, 3, 10), "leerkracht", DAAN)
    nurse = registered_on(date(2025, 3, 10), "jgz", DAAN)
    match = Match.objects.get(kind="client")

    with on(date(2025, 5, 1)):
        end_registration(*acting("leerkracht"), school.uuid, EndReason.RISK_GONE)
    match.refresh_from_db()
    assert match.status == "nieuw" and match.closed_at is None

    with on(date(2025, 6, 1)):
        end_registration(*acting("jgz"), nurse.uuid, EndReason.RISK_GONE)
    match.refresh_from_db()
    assert match.status == "gesloten"
    assert match.closed_at.date() == date(2025, 6, 1)
    assert match.participations.count() == 2  # the archive still knows who took part
    closed = AuditEvent.objects.get(object_type="verwijsindex-match", event_type="update",
                                    detail__status="gesloten")
    assert closed.user_id == str(acting("jgz")[0].uuid)


def test_match_closes_when_its_registrations_expire():
    registered_on(date(2025, 3, 10), "leerkracht", DAAN)
    registered_on(date(2025, 3, 12), "jgz", DAAN)
    match = Match.objects.get(kind="client")

    assert jobs_on(date(2026, 3, 11))["matches_closed"] == 0  # the nurse's is still active
    assert jobs_on(date(2026, 3, 13))["matches_closed"] == 1
    match.refresh_from_db()
    assert match.status == "gesloten"


def test_a_new_registration_after_the_match_closed_opens_a_new_match():
    registered_on(date(2025, 3, 10), "leerkracht", DAAN)
    registered_on(date(2025, 3, 10), "jgz", DAAN)
    jobs_on(date(2026, 3, 11))
    registered_on(date(2026, 4, 1), "leerkracht", DAAN)
    registered_on(date(2026, 4, 1), "jgz", DAAN)
    assert list(Match.objects.order_by("id").values_list("status", flat=True)) == ["gesloten", "nieuw"]
