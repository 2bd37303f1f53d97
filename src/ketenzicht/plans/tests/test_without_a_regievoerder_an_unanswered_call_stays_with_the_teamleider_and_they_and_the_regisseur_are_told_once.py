"""Doorzettingsmacht without a regievoerder: when the municipality has no active regievoerder, an
aanspreken whose teamleider's term passed unanswered stays with the teamleider (it is not marked
as escalated to nobody), and the teamleider and the regisseur are told — once — that no
regievoerder is configured. Once the municipality has one, the job escalates it to them. An
organisation without a teamleider keeps the call with the member and the regisseur is told."""

from datetime import date, datetime, timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model

from ketenzicht.plans import accountability
from ketenzicht.plans.jobs import accountability_escalations
from ketenzicht.plans.models import Accountability, AccountabilityStage

from .conftest import AMSTERDAM, WEDNESDAY, acting
from .plan_support import action_for, choose_regisseur, draft_plan, fill, involved, notices_of

DUE = date(2026, 11, 30)  # the Monday after
TEAM_LEAD_DUE = date(2026, 12, 8)  # 5 working days after Tuesday 1 December
TITLE = "Aanspreken kan niet verder: er is geen regievoerder ingesteld"


def _morning(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 8, 0, tzinfo=AMSTERDAM)


def _regievoerder(active: bool) -> None:
    get_user_model().objects.filter(username="regievoerder").update(is_active=active)


def _call(holder: str) -> Accountability:
    """Egbert (sociaal gebiedsteam) is the regisseur and calls ``holder`` to account."""
    involved("sgt-demonden")
    plan = fill(draft_plan())
    choose_regisseur(plan, regisseur="sgt-demonden")
    action = action_for(plan, holder, what="Aanmelding opvoedondersteuning doen")
    return accountability.call_to_account(*acting("sgt-demonden"), action,
                                          question="Is de aanmelding gedaan?", due_on=DUE, now=WEDNESDAY)


@pytest.fixture
def called(emmen):
    """Bart (CJG De Monden, teamleider Hilde) holds the action; the municipality has no regievoerder."""
    _regievoerder(active=False)
    return _call("cjg-demonden")


def test_the_call_stays_with_the_teamleider_who_and_the_regisseur_are_told_once(called):
    with time_machine.travel(_morning(DUE + timedelta(days=1)), tick=False):
        assert accountability_escalations() == {"escalated": 1}  # to the teamleider, as always
    with time_machine.travel(_morning(TEAM_LEAD_DUE + timedelta(days=1)), tick=False):
        assert accountability_escalations() == {"escalated": 1}
        assert accountability_escalations() == {"escalated": 0}
    with time_machine.travel(_morning(TEAM_LEAD_DUE + timedelta(days=8)), tick=False):
        assert accountability_escalations() == {"escalated": 0}
    item = Accountability.objects.get(pk=called.pk)
    assert item.stage == AccountabilityStage.TEAM_LEAD and item.due_on == TEAM_LEAD_DUE
    for username in ("teamleider-demonden", "sgt-demonden"):
        told = [n for n in notices_of(username, "aanspreken") if n.title == TITLE]
        assert len(told) == 1, username
        assert "geen actieve regievoerder" in told[0].body and "Vries" not in told[0].body
        assert told[0].link == f"/aanspreken/{called.uuid}/"
    # The regisseur heard of the teamleider stage only, never of an escalation to nobody.
    assert [n.title for n in notices_of("sgt-demonden", "aanspreken")] == [
        "Uw aanspreken is opgeschaald", TITLE]
    regievoerder = acting("regievoerder")[0]
    assert list(accountability.escalated_to_director(regievoerder)) == []


def test_once_there_is_a_regievoerder_the_call_goes_to_them(called):
    with time_machine.travel(_morning(DUE + timedelta(days=1)), tick=False):
        accountability_escalations()
    with time_machine.travel(_morning(TEAM_LEAD_DUE + timedelta(days=1)), tick=False):
        accountability_escalations()
    _regievoerder(active=True)
    with time_machine.travel(_morning(TEAM_LEAD_DUE + timedelta(days=2)), tick=False):
        assert accountability_escalations() == {"escalated": 1}
    assert Accountability.objects.get(pk=called.pk).stage == AccountabilityStage.CHAIN_DIRECTOR
    assert [n.title for n in notices_of("regievoerder", "aanspreken")] == [
        "Doorzettingsmacht: aanspreken niet beantwoord"]


def test_without_teamleider_or_regievoerder_the_call_stays_with_the_member_and_the_regisseur_is_told(emmen):
    _regievoerder(active=False)
    item = _call("jgz")  # the GGD's JGZ has no teamleider
    with time_machine.travel(_morning(DUE + timedelta(days=1)), tick=False):
        assert accountability_escalations() == {"escalated": 1}
        assert accountability_escalations() == {"escalated": 0}
    assert Accountability.objects.get(pk=item.pk).stage == AccountabilityStage.MEMBER
    assert [n.title for n in notices_of("sgt-demonden", "aanspreken")] == [TITLE]
