"""A regisseur (or named back-up) whose organisation has no other active teamleider to take the
regie cannot be deactivated: refused in Dutch, nothing changes and the account stays active — no
household is ever left with a regisseur who left. Without any regie anyone may leave."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model

from ketenzicht.leads.models import HouseholdLead
from ketenzicht.leads.services import LeadChoice, Source, accept_change, appoint, current_lead, propose_change
from ketenzicht.notify.models import Notice
from ketenzicht.organisations.accounts import deactivate
from ketenzicht.refusals import RefusalKind, Refused

from .conftest import WEDNESDAY, acting, de_vries, professional

FRIDAY = WEDNESDAY + timedelta(days=2)


def _appoint_self(username: str, **choice):
    by, actor = acting(username)
    choice.setdefault("family_preference", "Het gezin wil dit aanspreekpunt.")
    return appoint(by, actor, de_vries(), LeadChoice(professional=by, **choice), Source("gezinsplan"),
                   now=WEDNESDAY)


def _refused(username: str) -> Refused:
    with time_machine.travel(FRIDAY, tick=False), pytest.raises(Refused) as refused:
        deactivate(professional(username), by=professional("beheer"))
    return refused.value


def _is_active(username: str) -> bool:
    return get_user_model().objects.get(username=username).is_active


def test_the_only_teamleider_who_is_regisseur_cannot_be_deactivated(emmen):
    lead = _appoint_self("teamleider-demonden")
    before = Notice.objects.count()

    refusal = _refused("teamleider-demonden")

    assert (refusal.kind, refusal.code) == (RefusalKind.CONFLICT, "geen-teamleider-voor-regie")
    assert refusal.message.startswith("Hilde Boelens kan niet worden gedeactiveerd")
    assert "geen andere actieve teamleider" in refusal.message and "1 huishouden" in refusal.message
    assert _is_active("teamleider-demonden")
    assert current_lead(de_vries()) == lead
    assert HouseholdLead.objects.filter(household=de_vries()).count() == 1
    assert Notice.objects.count() == before


def test_a_back_up_of_an_organisation_without_a_teamleider_cannot_be_deactivated(emmen):
    """The GGD's JGZ has no teamleider: nobody there takes the regie."""
    lead = _appoint_self("jgz", parents_keep_regie=True, agreements="Vader belt de jeugdverpleegkundige.",
                         family_preference="")

    refusal = _refused("jgz")

    assert refusal.code == "geen-teamleider-voor-regie" and "GGD Drenthe" in refusal.message
    assert _is_active("jgz") and current_lead(de_vries()) == lead


def test_once_the_regie_is_handed_over_warmly_the_deactivation_goes_through(emmen):
    _appoint_self("jgz")
    _refused("jgz")
    handover = propose_change(*acting("jgz"), de_vries(), LeadChoice(
        professional=professional("sgt-demonden"), family_preference="Moeder wil Egbert."),
        Source("gezinsplan"), now=WEDNESDAY)
    accept_change(*acting("sgt-demonden"), handover, now=WEDNESDAY)

    with time_machine.travel(FRIDAY, tick=False):
        deactivate(professional("jgz"), by=professional("beheer"))

    assert not _is_active("jgz") and current_lead(de_vries()).professional == professional("sgt-demonden")


def test_without_any_regie_a_professional_without_a_teamleider_may_leave(emmen):
    _appoint_self("jgz")

    with time_machine.travel(FRIDAY, tick=False):
        deactivate(professional("leerkracht"), by=professional("beheer"))

    assert not _is_active("leerkracht")
