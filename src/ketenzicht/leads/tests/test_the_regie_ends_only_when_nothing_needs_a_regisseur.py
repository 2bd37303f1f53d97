"""The regie ends only with a reason, never while a change waits, and never while something
still needs a regisseur (a need a chain app registered, such as an open household plan)."""

import pytest

from ketenzicht.leads import hooks
from ketenzicht.leads.services import LeadChoice, Source, current_lead, end, propose_change
from ketenzicht.refusals import Refused

from .conftest import THURSDAY, acting, appoint_cjg, de_vries, professional


@pytest.fixture
def open_plan():
    """A need as ``plans`` registers it: the household has an open plan."""
    households_with_plan: set[int] = set()

    def plan_needs_a_regisseur(household) -> str:
        return "er is een open gezinsplan" if household.pk in households_with_plan else ""

    hooks.register_need(plan_needs_a_regisseur)
    yield households_with_plan
    hooks._needs.remove(plan_needs_a_regisseur)


def test_an_open_plan_keeps_the_regisseur(emmen, open_plan):
    lead = appoint_cjg()
    open_plan.add(lead.household_id)
    with pytest.raises(Refused) as refused:
        end(*acting("cjg-demonden"), de_vries(), reason="Hulp loopt goed.")
    assert refused.value.code == "regisseur-nodig" and "open gezinsplan" in refused.value.message
    assert current_lead(de_vries()) == lead
    open_plan.clear()
    ended = end(*acting("cjg-demonden"), de_vries(), reason="Het plan is gesloten; alles loopt.",
                now=THURSDAY)
    assert ended.ended_at == THURSDAY and current_lead(de_vries()) is None


def test_a_waiting_change_or_a_missing_reason_keeps_the_regisseur(emmen):
    appoint_cjg()
    by, actor = acting("cjg-demonden")
    with pytest.raises(Refused) as refused:
        end(by, actor, de_vries(), reason=" ")
    assert refused.value.field == "reason"
    propose_change(by, actor, de_vries(), LeadChoice(professional=professional("sgt-demonden"),
                                                     family_preference="Egbert."), Source("gezinsplan"))
    with pytest.raises(Refused) as refused:
        end(by, actor, de_vries(), reason="Klaar.")
    assert refused.value.code == "wissel-loopt"
    assert current_lead(de_vries()) is not None


def test_only_the_regisseurs_organisation_ends_the_regie(emmen):
    appoint_cjg()
    with pytest.raises(Refused) as refused:
        end(*acting("leerkracht"), de_vries(), reason="Klaar.")
    assert refused.value.code == "geen-wissel-toegestaan"
