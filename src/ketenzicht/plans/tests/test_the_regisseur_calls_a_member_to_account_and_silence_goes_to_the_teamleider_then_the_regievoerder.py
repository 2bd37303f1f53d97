"""Doorzettingsmacht: the regisseur calls a plan member to account on an action (aanspreken; the
member is told, with a date to answer by). When the date passes unanswered it goes to the
member's teamleider with a second term (the municipality's ``CaseSettings``, 5 working days by
default), and when that passes too,
to the municipality's regievoerder. The job claims rows with SKIP LOCKED and tells each once."""

from datetime import date, timedelta

import pytest
import time_machine

from ketenzicht.plans import accountability
from ketenzicht.plans.jobs import accountability_escalations
from ketenzicht.plans.models import Accountability, AccountabilityStage, CaseSettings
from ketenzicht.refusals import Refused

from .conftest import AMSTERDAM, WEDNESDAY, acting, de_vries
from .plan_support import action_for, choose_regisseur, draft_plan, fill, involved, notices_of

DUE = date(2026, 11, 30)  # the Monday after


def _stage(item) -> str:
    return Accountability.objects.get(pk=item.pk).stage


def _morning(day: date):
    from datetime import datetime
    return datetime(day.year, day.month, day.day, 8, 0, tzinfo=AMSTERDAM)


@pytest.fixture
def called(emmen):
    """Egbert (sociaal gebiedsteam) is the regisseur; Bart (CJG De Monden, teamleider Hilde) holds
    an action and is called to account on it."""
    involved("sgt-demonden")
    plan = fill(draft_plan())
    choose_regisseur(plan, regisseur="sgt-demonden")
    action = action_for(plan, "cjg-demonden", what="Aanmelding opvoedondersteuning doen")
    return accountability.call_to_account(*acting("sgt-demonden"), action,
                                          question="Is de aanmelding gedaan?",
                                          due_on=DUE, now=WEDNESDAY)


def test_only_the_regisseur_calls_a_member_to_account(emmen):
    involved("sgt-demonden")
    plan = fill(draft_plan())
    choose_regisseur(plan, regisseur="sgt-demonden")
    action = action_for(plan, "cjg-demonden")
    with pytest.raises(Refused) as refused:
        accountability.call_to_account(*acting("cjg-demonden"), action, question="?", due_on=DUE,
                                       now=WEDNESDAY)
    assert refused.value.code == "geen-regisseur"


def test_the_member_is_told_with_the_date(called):
    [notice] = notices_of("cjg-demonden", "aanspreken")
    assert notice.title == "De regisseur spreekt u aan op een actie"
    assert "30-11-2026" in notice.body and "Vries" not in notice.title + notice.body
    assert notice.link == f"/aanspreken/{called.uuid}/"


def test_an_answer_in_time_goes_to_the_regisseur_and_nothing_escalates(called):
    accountability.answer(*acting("cjg-demonden"), called, "Gedaan op maandag.", now=WEDNESDAY)
    assert [n.title for n in notices_of("sgt-demonden", "aanspreken")] == ["Antwoord op uw aanspreken"]
    with time_machine.travel(_morning(date(2026, 12, 15)), tick=False):
        assert accountability_escalations() == {"escalated": 0}
    assert _stage(called) == AccountabilityStage.MEMBER


def test_silence_goes_to_the_teamleider_then_to_the_regievoerder_each_told_once(called):
    with time_machine.travel(_morning(DUE), tick=False):  # the due day itself: still in time
        assert accountability_escalations() == {"escalated": 0}
    with time_machine.travel(_morning(DUE + timedelta(days=1)), tick=False):
        assert accountability_escalations() == {"escalated": 1}
        assert accountability_escalations() == {"escalated": 0}
    item = Accountability.objects.get(pk=called.pk)
    assert item.stage == AccountabilityStage.TEAM_LEAD
    assert item.due_on == date(2026, 12, 8)  # 5 working days after Tuesday 1 December
    [told] = notices_of("teamleider-demonden", "aanspreken")
    assert "08-12-2026" in told.body
    assert notices_of("regievoerder", "aanspreken") == []
    with time_machine.travel(_morning(date(2026, 12, 8)), tick=False):
        assert accountability_escalations() == {"escalated": 0}
    with time_machine.travel(_morning(date(2026, 12, 9)), tick=False):
        assert accountability_escalations() == {"escalated": 1}
        assert accountability_escalations() == {"escalated": 0}
    assert _stage(called) == AccountabilityStage.CHAIN_DIRECTOR
    assert [n.title for n in notices_of("regievoerder", "aanspreken")] == [
        "Doorzettingsmacht: aanspreken niet beantwoord"]
    assert len(notices_of("teamleider-demonden", "aanspreken")) == 1
    assert [n.title for n in notices_of("sgt-demonden", "aanspreken")] == [
        "Uw aanspreken is opgeschaald", "Uw aanspreken is opgeschaald"]
    regievoerder = acting("regievoerder")[0]
    assert accountability.may_see(regievoerder, Accountability.objects.get(pk=called.pk))
    assert list(accountability.escalated_to_director(regievoerder)) == [
        Accountability.objects.get(pk=called.pk)]


def test_the_second_term_is_the_municipalitys_configuration(called):
    CaseSettings.objects.update_or_create(municipality=de_vries().district.municipality,
                                          defaults={"accountability_working_days": 2})
    with time_machine.travel(_morning(DUE + timedelta(days=1)), tick=False):
        accountability_escalations()
    assert Accountability.objects.get(pk=called.pk).due_on == date(2026, 12, 3)


def test_only_the_holder_or_their_teamleider_answers(called):
    with pytest.raises(Refused) as refused:
        accountability.answer(*acting("ggz"), called, "Niet mijn actie.", now=WEDNESDAY)
    assert refused.value.code == "niet-aangesproken"
    accountability.answer(*acting("teamleider-demonden"), called, "Bart is ziek; ik regel het.",
                          now=WEDNESDAY)
    assert Accountability.objects.get(pk=called.pk).answered_at == WEDNESDAY
