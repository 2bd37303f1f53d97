"""A case waits first for contact with the family (5 working days after it opened), then for the
intake (20 working days after it opened, the Treeknorm's four weeks); a deadline that passes is
told once to whoever holds the case and to the team's teamleiders. Per municipality, in working
days, Dutch public holidays respected."""

from datetime import date, datetime, timedelta

import time_machine

from ketenzicht.notify.models import Notice
from ketenzicht.plans import cases
from ketenzicht.plans.deadlines import OVERDUE, flag_overdue_cases
from ketenzicht.plans.models import CaseSettings, Milestone

from .conftest import AMSTERDAM, WEDNESDAY, acting, professional
from .support import application


def _flag(moment: datetime) -> int:
    with time_machine.travel(moment, tick=False):
        return flag_overdue_cases()


def test_first_contact_is_due_5_working_days_after_opening_and_told_once(emmen):
    case = application()  # Wednesday 25 November 2026
    assert (case.next_milestone, case.next_due) == (Milestone.FIRST_CONTACT, date(2026, 12, 2))
    assert _flag(datetime(2026, 12, 2, 23, 0, tzinfo=AMSTERDAM)) == 0
    assert _flag(datetime(2026, 12, 3, 8, 0, tzinfo=AMSTERDAM)) == 1
    assert _flag(datetime(2026, 12, 4, 8, 0, tzinfo=AMSTERDAM)) == 0
    told = Notice.objects.filter(kind=OVERDUE)
    assert {n.recipient.user.username for n in told} == {"teamleider-demonden"}
    assert told.get().title == "Casus: eerste contact met het gezin is te laat"


def test_after_first_contact_the_intake_is_due_20_working_days_after_opening(emmen):
    case = application()
    case = cases.record_first_contact(*acting("cjg-demonden"), case, WEDNESDAY + timedelta(days=1))
    assert (case.next_milestone, case.next_due) == (Milestone.INTAKE, date(2026, 12, 23))
    assert _flag(datetime(2026, 12, 24, 8, 0, tzinfo=AMSTERDAM)) == 1
    holder_and_lead = {n.recipient.user.username for n in Notice.objects.filter(kind=OVERDUE)}
    assert holder_and_lead == {"teamleider-demonden"}


def test_the_holder_and_the_teamleider_are_both_told(emmen):
    case = application()
    handover = cases.hand_over(*acting("teamleider-demonden"), case, professional("cjg-demonden"))
    cases.accept_handover(*acting("cjg-demonden"), handover)
    _flag(datetime(2026, 12, 3, 8, 0, tzinfo=AMSTERDAM))
    told = {n.recipient.user.username for n in Notice.objects.filter(kind=OVERDUE)}
    assert told == {"cjg-demonden", "teamleider-demonden"}


def test_a_municipality_sets_its_own_terms(emmen):
    team = professional("cjg-demonden").organisation
    CaseSettings.objects.create(municipality=team.municipality, first_contact_working_days=2)
    case = application()
    assert case.next_due == date(2026, 11, 27)


def test_every_review_deadline_that_passes_is_told_again(emmen):
    """Reviews repeat: each one's passed deadline is told once, the second as well as the first."""
    case = application()
    cases.plan_agreed(case.household, date(2026, 12, 1))
    assert _flag(datetime(2026, 12, 2, 8, 0, tzinfo=AMSTERDAM)) == 1
    cases.plan_agreed(case.household, date(2027, 3, 1))
    assert _flag(datetime(2027, 3, 2, 8, 0, tzinfo=AMSTERDAM)) == 1
    told = Notice.objects.filter(kind=OVERDUE, recipient__user__username="teamleider-demonden")
    titles = [notice.title for notice in told]
    assert titles == ["Casus: evaluatie van het gezinsplan is te laat"] * 2
