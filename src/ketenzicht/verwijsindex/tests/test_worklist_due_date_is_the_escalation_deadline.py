"""The date the matchregisseur sees on the worklist is the deadline the escalation job keeps."""

from datetime import date, timedelta

import pytest

from ketenzicht.verwijsindex.listings import escalation_due, settings_by_municipality

from .match_helpers import client_match_on, deadline_jobs_at

pytestmark = pytest.mark.usefixtures("emmen")


def test_worklist_due_date_is_the_escalation_deadline():
    match = client_match_on(date(2025, 12, 18))  # Christmas and New Year fall inside the term
    due = escalation_due(match, settings_by_municipality())
    assert due == date(2026, 1, 6)  # Thu 18 Dec + 10 working days, without 25, 26 Dec and 1 Jan
    assert deadline_jobs_at(due)["escalated"] == 0
    assert deadline_jobs_at(due + timedelta(days=1))["escalated"] == 1
