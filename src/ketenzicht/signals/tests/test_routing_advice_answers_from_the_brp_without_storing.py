"""Routeringsadvies stores nothing and does not reveal whether the chain knows someone: a person
Ketenzicht does not know is routed by their BRP address, and the look-up is audited."""

import pytest

from ketenzicht.audit.models import AuditEvent, EventType
from ketenzicht.demo.dataset import generate
from ketenzicht.people.models import Person
from ketenzicht.refusals import Refused
from ketenzicht.signals.models import Signal
from ketenzicht.signals.services import advise_route

from .conftest import OFFICE_HOURS, acting


def youth_only_in_the_brp():
    """A child of a generated household beyond the three the test demo loaded."""
    for household in reversed(generate(20).households):
        for member in household.members:
            if member.role == "kind":
                return member.person.bsn, household.district_slug
    raise AssertionError("the generated households have no child")


def test_routing_advice_for_a_person_only_in_the_brp_stores_nothing(emmen):
    bsn, district = youth_only_in_the_brp()
    persons = Person.objects.count()

    proposal = advise_route(*acting("leerkracht"), bsn, ("schoolverzuim",), "regulier", OFFICE_HOURS)

    assert proposal.desk.slug == f"cjg-{district}"
    assert Person.objects.count() == persons and not Signal.objects.exists()
    event = AuditEvent.objects.filter(object_type="routeringsadvies").get()
    assert (event.event_type, event.outcome, event.client_pseudonym) == (
        EventType.SEARCH, "success", "")


def test_routing_advice_for_a_bsn_nobody_has_is_refused_as_unknown_in_the_brp(emmen):
    with pytest.raises(Refused) as refused:
        advise_route(*acting("leerkracht"), "123456782", ("schoolverzuim",), "regulier",
                     OFFICE_HOURS)
    assert refused.value.code == "persoon-onbekend"
    assert "basisregistratie personen" in refused.value.message


def test_routing_advice_never_shows_an_involvement_of_the_chain(emmen):
    """Emma is a client of a secondary school in the demo: a proposal for a signal offers the
    CJG 12+ team, but the routing advice asked by another organisation does not, or its answer
    would tell that the chain knows her (and that a school has her as a pupil)."""
    from .conftest import EMMA

    advice = advise_route(*acting("leerkracht"), EMMA, ("schoolverzuim",), "regulier", OFFICE_HOURS)
    assert [desk.slug for desk in advice.alternatives] == []
