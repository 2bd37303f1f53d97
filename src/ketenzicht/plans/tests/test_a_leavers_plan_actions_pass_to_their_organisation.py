"""When a plan member's account is deactivated, nothing in an open household plan stays in their
name: their open actions pass to their organisation (done ones keep who did them), their plan
membership stays with the organisation without a named professional, one version records it, and
the organisation's teamleider is told. A call to account they had to answer stays open for their
organisation (the teamleider told); one they asked as regisseur is followed up by the new
regisseur, their teamleider, who may call members to account from then on."""

from datetime import date, timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model

from ketenzicht.notify.models import Notice
from ketenzicht.organisations.accounts import deactivate
from ketenzicht.organisations.models import Organisation, Role
from ketenzicht.organisations.tests.factories import ProfessionalFactory
from ketenzicht.plans import accountability, household_plan
from ketenzicht.plans.models import ActionHolder, HouseholdPlan, PlanAction, PlanMember
from ketenzicht.refusals import Refused

from .conftest import WEDNESDAY, acting, de_vries, professional
from .plan_support import action_for, choose_regisseur, draft_plan, fill, involved, notices_of

#: Friday of the same week: the moment the account is deactivated.
FRIDAY = WEDNESDAY + timedelta(days=2)
DUE = date(2026, 11, 30)


def _deactivate(username: str) -> None:
    with time_machine.travel(FRIDAY, tick=False):
        deactivate(professional(username), by=professional("beheer"))


def _colleague():
    return ProfessionalFactory(organisation=Organisation.objects.get(slug="cjg-de-monden"),
                               role=Role.PROFESSIONAL, user__username="cjg-collega")


@pytest.fixture
def plan(emmen) -> HouseholdPlan:
    """Egbert (sociaal gebiedsteam) is the regisseur; Bart (CJG De Monden, teamleider Hilde) opened
    the plan (CJG's named member) and holds actions in it."""
    involved("sgt-demonden")
    plan = fill(draft_plan())
    choose_regisseur(plan, regisseur="sgt-demonden")
    return plan


def test_their_open_actions_pass_to_their_organisation_and_done_ones_keep_them(plan):
    open_one = action_for(plan, "cjg-demonden", what="Aanmelding opvoedondersteuning doen")
    done_one = action_for(plan, "cjg-demonden", what="Huisbezoek")
    household_plan.update_action(*acting("cjg-demonden"), done_one, what="Huisbezoek",
                                 due_on=done_one.due_on, done_on=WEDNESDAY.date(), help_started_on=None,
                                 is_help=False, now=WEDNESDAY)

    _deactivate("cjg-demonden")

    open_one.refresh_from_db()
    done_one.refresh_from_db()
    cjg = professional("cjg-demonden").organisation
    assert (open_one.holder_kind, open_one.organisation, open_one.professional) == (
        ActionHolder.ORGANISATION, cjg, None)
    assert (done_one.holder_kind, done_one.professional) == (
        ActionHolder.PROFESSIONAL, professional("cjg-demonden"))
    version = HouseholdPlan.objects.get(pk=plan.pk).versions.last()
    assert version.summary == (f"Bart Lubbers is niet meer actief: 1 actie ligt nu bij {cjg.name} en "
                               f"{cjg.name} blijft deelnemer, zonder genoemde professional.")
    assert version.changed_by == professional("beheer") and version.changed_at == FRIDAY
    holders = [a["holder"] for a in version.snapshot["actions"] if a["what"].startswith("Aanmelding")]
    assert holders == [cjg.name]


def test_a_colleague_carries_the_action_out_and_the_teamleider_is_told(plan):
    action = action_for(plan, "cjg-demonden", what="Aanmelding opvoedondersteuning doen")
    colleague = _colleague()

    _deactivate("cjg-demonden")

    [told] = [n for n in notices_of("teamleider-demonden", "gezinsplan-actie")
              if n.title == "Acties van een vertrokken collega liggen nu bij uw organisatie"]
    assert "Bart Lubbers is niet meer actief" in told.body and "ligt 1 actie" in told.body
    assert told.link == f"/huishoudens/{de_vries().uuid}/plan/" and "Vries" not in told.title + told.body
    assert not Notice.objects.filter(recipient=colleague, kind="gezinsplan-actie").exists()
    action.refresh_from_db()
    assert household_plan.may_edit_action(colleague, action)
    household_plan.update_action(colleague, acting("teamleider-demonden")[1], action, what=action.what,
                                 due_on=action.due_on, done_on=FRIDAY.date(), help_started_on=None,
                                 is_help=False, now=FRIDAY)
    assert PlanAction.objects.get(pk=action.pk).done_on == FRIDAY.date()


def test_their_membership_stays_with_the_organisation_without_a_named_professional(plan):
    member = PlanMember.objects.get(plan=plan, organisation=professional("cjg-demonden").organisation)
    household_plan.update_member_contact(*acting("cjg-demonden"), member, role="Jeugdprofessional",
                                         phone="0591-123456", email="b.lubbers@example.org", now=WEDNESDAY)
    get_user_model().objects.filter(username="cjg-demonden").update(email="b.lubbers@example.org")

    _deactivate("cjg-demonden")

    member.refresh_from_db()
    assert member.ended_at is None and member.professional is None
    # The organisation's phone stays; Bart's own e-mail goes.
    assert (member.role, member.phone, member.email) == ("Jeugdprofessional", "0591-123456", "")
    assert household_plan.is_member(professional("teamleider-demonden"), plan)


def test_a_call_to_account_they_must_answer_is_their_organisations_and_the_teamleider_is_told(plan):
    action = action_for(plan, "cjg-demonden", what="Aanmelding opvoedondersteuning doen")
    called = accountability.call_to_account(*acting("sgt-demonden"), action,
                                            question="Is de aanmelding gedaan?", due_on=DUE, now=WEDNESDAY)
    colleague = _colleague()

    _deactivate("cjg-demonden")

    [told] = [n for n in notices_of("teamleider-demonden", "aanspreken")
              if n.link.endswith(f"{called.uuid}/")]
    assert told.title == "Aanspreken op een actie van een vertrokken collega" and "30-11-2026" in told.body
    called.refresh_from_db()
    assert accountability.may_answer(colleague, called)
    assert accountability.may_see(professional("teamleider-demonden"), called)
    with time_machine.travel(FRIDAY, tick=False):
        accountability.answer(colleague, acting("teamleider-demonden")[1], called, "Aangemeld op vrijdag.")
    assert [n.title for n in notices_of("sgt-demonden", "aanspreken")] == ["Antwoord op uw aanspreken"]


def test_a_call_to_account_they_asked_as_regisseur_is_followed_up_by_their_teamleider(emmen):
    involved("sgt-demonden")
    plan = fill(draft_plan())
    choose_regisseur(plan)  # Bart
    first = action_for(plan, "sgt-demonden", what="Schuldhulp aanvragen")
    second = action_for(plan, "sgt-demonden", what="Gesprek met de school")
    called = accountability.call_to_account(*acting("cjg-demonden"), first,
                                            question="Is het aangevraagd?", due_on=DUE, now=WEDNESDAY)

    _deactivate("cjg-demonden")

    hilde = professional("teamleider-demonden")
    assert accountability.regisseur(called) == hilde and accountability.may_see(hilde, called)
    with time_machine.travel(FRIDAY, tick=False):
        accountability.answer(*acting("sgt-demonden"), called, "Aangevraagd.")
        # The new regisseur may call members to account from now on.
        accountability.call_to_account(*acting("teamleider-demonden"), second, question="Wanneer?",
                                       due_on=DUE + timedelta(days=7))
    assert [n.title for n in notices_of("teamleider-demonden", "aanspreken")] == ["Antwoord op uw aanspreken"]
    assert not [n for n in notices_of("cjg-demonden", "aanspreken") if n.title == "Antwoord op uw aanspreken"]


def test_an_action_is_never_given_to_someone_who_has_left(emmen):
    """A professional whose account is inactive cannot be made the holder of a new action."""
    draft_plan()
    leaver = _colleague()  # of the plan's member organisation: only having left stands in the way
    deactivate(leaver, by=professional("beheer"))
    with pytest.raises(household_plan.PlanRefused):
        household_plan.add_actions(*acting("cjg-demonden"), de_vries(), (household_plan.ActionInput(
            holder_kind="professional", what="Huisbezoek.", due_on=WEDNESDAY.date() + timedelta(days=7),
            professional=leaver),), now=WEDNESDAY)


def test_a_leaver_whose_organisation_has_nobody_else_active_cannot_be_deactivated(plan):
    """The JGZ's only professional holds an action: it would lie with an organisation nobody
    carries it out for, so the deactivation is refused and the account stays active."""
    action = action_for(plan, "jgz", what="Wegen en meten op het consultatiebureau")
    with pytest.raises(Refused) as refused:
        _deactivate("jgz")
    assert refused.value.code == "geen-collega-voor-acties"
    assert get_user_model().objects.get(username="jgz").is_active
    action.refresh_from_db()
    assert action.professional == professional("jgz")
