"""A match without contact escalates to the municipality's regievoerder after 10 working days."""

from datetime import date

import pytest

from ketenzicht.verwijsindex.match_actions import record_contact
from ketenzicht.verwijsindex.models import IndexSettings, Match

from .conftest import EMMA
from .lifetimes import acting, on
from .match_helpers import client_match_on, deadline_jobs_at, notices_to

pytestmark = pytest.mark.usefixtures("emmen")


def test_match_without_contact_escalates_after_10_working_days():
    match = client_match_on(date(2025, 9, 1))  # a Monday; the 10th working day is Monday 15th

    assert deadline_jobs_at(date(2025, 9, 15))["escalated"] == 0
    match.refresh_from_db()
    assert match.escalated_at is None

    assert deadline_jobs_at(date(2025, 9, 16))["escalated"] == 1
    match.refresh_from_db()
    assert match.escalated_at.date() == date(2025, 9, 16)
    assert match.status == "nieuw"  # escalation informs; it does not change the state
    (notice,) = notices_to("regievoerder", "verwijsindex-opgeschaald")
    assert notice.link == f"/verwijsindex/matches/{match.uuid}/"
    assert "CJG-Jeugdteam De Monden" in notice.body
    assert not notices_to("beleid", "verwijsindex-opgeschaald")  # only the regievoerder


def test_a_match_with_contact_does_not_escalate():
    match = client_match_on(date(2025, 9, 1))
    with on(date(2025, 9, 12)):
        record_contact(*acting("cjg-demonden"), match.uuid)
    assert deadline_jobs_at(date(2025, 10, 1))["escalated"] == 0
    match.refresh_from_db()
    assert match.escalated_at is None


def test_the_municipality_chooses_the_escalation_term():
    IndexSettings.objects.update(escalation_working_days=3)
    client_match_on(date(2025, 9, 1), bsn=EMMA)
    assert deadline_jobs_at(date(2025, 9, 4))["escalated"] == 0
    assert deadline_jobs_at(date(2025, 9, 5))["escalated"] == 1
    assert Match.objects.get().escalated_at is not None
