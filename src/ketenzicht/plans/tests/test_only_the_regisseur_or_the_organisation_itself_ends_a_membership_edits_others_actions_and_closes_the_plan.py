"""Roles inside the plan: a membership is ended by the organisation itself or by the regisseur; an
action is edited by its holder (the professional, or a professional of the holding organisation)
or by the regisseur; the plan is closed by the regisseur only — by the regisseur's teamleider
once the regisseur is gone. Everyone else is refused (FORBIDDEN, in Dutch)."""

from datetime import timedelta

import pytest

from ketenzicht.organisations.models import Role
from ketenzicht.plans import household_plan
from ketenzicht.plans.models import PlanCloseReason, PlanStatus
from ketenzicht.refusals import RefusalKind, Refused

from .conftest import WEDNESDAY, acting, professional
from .plan_support import action_for, agreed_plan, join

pytestmark = pytest.mark.usefixtures("emmen")
LATER = WEDNESDAY + timedelta(days=1)


def _forbidden(call) -> Refused:
    with pytest.raises(Refused) as refused:
        call()
    assert refused.value.kind == RefusalKind.FORBIDDEN
    return refused.value


def _edit(username, action, **changes):
    values = {"what": action.what, "due_on": action.due_on, "done_on": None, "help_started_on": None,
              "is_help": action.is_help, **changes}
    return household_plan.update_action(*acting(username), action, now=LATER, **values)


def test_a_member_does_not_end_another_organisations_membership():
    plan = agreed_plan()  # Bart Lubbers (CJG De Monden) is the regisseur
    ggz = join(plan, "ggz")
    sgt = join(plan, "sgt-demonden")
    refusal = _forbidden(lambda: household_plan.end_member(*acting("ggz"), sgt, now=LATER))
    assert refusal.message == ("Alleen de regisseur of Sociaal gebiedsteam De Monden zelf beëindigt de "
                               "deelname aan het plan.")
    household_plan.end_member(*acting("sgt-demonden"), sgt, now=LATER)  # itself
    household_plan.end_member(*acting("cjg-demonden"), ggz, now=LATER)  # the regisseur
    assert not plan.members.filter(ended_at__isnull=True).exclude(
        organisation=professional("cjg-demonden").organisation).exists()


def test_only_the_holder_or_the_regisseur_edits_an_action():
    plan = agreed_plan()
    action = action_for(plan, "ggz", what="Behandeling moeder")
    join(plan, "sgt-demonden")
    refusal = _forbidden(lambda: _edit("sgt-demonden", action, what="Iets anders"))
    assert refusal.message == "Alleen wie de actie uitvoert of de regisseur wijzigt een actie."
    assert _edit("ggz", action, done_on=LATER.date()).done_on == LATER.date()
    edited = _edit("cjg-demonden", action, what="Behandeling moeder afgerond")  # the regisseur
    assert edited.what == "Behandeling moeder afgerond"


def test_only_the_regisseur_closes_the_plan_and_the_teamleider_once_the_regisseur_is_gone():
    plan = agreed_plan()
    join(plan, "sgt-demonden")
    close = {"reason": PlanCloseReason.SOLVED, "explanation": "Het gaat goed.", "now": LATER}
    refusal = _forbidden(lambda: household_plan.close_plan(*acting("sgt-demonden"), plan, **close))
    assert refusal.message.startswith("Alleen de regisseur sluit het gezinsplan")
    lead = professional("teamleider-demonden")
    assert lead.role == Role.TEAM_LEAD
    _forbidden(lambda: household_plan.close_plan(*acting("teamleider-demonden"), plan, **close))
    regisseur = professional("cjg-demonden")
    regisseur.user.is_active = False  # gone
    regisseur.user.save(update_fields=["is_active"])
    _forbidden(lambda: household_plan.close_plan(*acting("sgt-demonden"), plan, **close))
    closed = household_plan.close_plan(*acting("teamleider-demonden"), plan, **close)
    assert closed.status == PlanStatus.CLOSED
