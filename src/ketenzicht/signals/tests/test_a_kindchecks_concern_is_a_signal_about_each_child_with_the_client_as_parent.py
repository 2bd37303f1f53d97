"""A kindcheck's concern is a signal about the child — one per child the professional names —
with the adult client recorded as the parent the concern is about, not a signal about the adult.
Routing, consent and the desk's basis follow each child; without any child known to Ketenzicht
(a pregnancy) the signal is about the client, as a concern about a child."""

from datetime import date

import pytest

from ketenzicht.access.models import AccessBasis
from ketenzicht.audit.models import AuditEvent, Outcome
from ketenzicht.organisations.models import District, Organisation
from ketenzicht.people.models import RelationKind
from ketenzicht.people.services import current_household, relate, reveal_bsn
from ketenzicht.people.tests.factories import HouseholdFactory, MembershipFactory, PersonFactory
from ketenzicht.refusals import Refused
from ketenzicht.signals.childcheck import (
    ChildCheckAnswers,
    Concern,
    child_check_use,
    children_in_view,
    record_child_check,
)
from ketenzicht.signals.models import ChildCheck, MeldcodeStep, Signal, Source
from ketenzicht.signals.services import consent_givers, proposal_for

from .conftest import DAAN, LINDA, NOAH, OFFICE_HOURS, acting
from .support import fresh, involve, person, share

CHILDREN_AT_HOME = ChildCheckAnswers(True, False, False, False, concerns=True)
PREGNANT = ChildCheckAnswers(False, False, False, True, concerns=True)
FACTS = "Moeder is psychotisch; de kinderen zijn vaak alleen thuis."


def _check(client_bsn: str = LINDA, answers: ChildCheckAnswers = CHILDREN_AT_HOME, *children,
           username: str = "ggz") -> ChildCheck:
    return record_child_check(*acting(username), person(client_bsn), answers,
                              Concern(facts=FACTS, children=tuple(children)), OFFICE_HOURS)


@pytest.fixture
def sem(emmen):
    """Noah's brother of 14 at home with Linda, a pupil of the secondary school Esdal College."""
    linda = person(LINDA)
    brother = PersonFactory(given_names="Sem", surname="Bakker", date_of_birth=date(2012, 5, 1))
    MembershipFactory(household=current_household(linda), person=brother)
    relate(linda, brother, RelationKind.CHILD)
    involve("esdal-college", reveal_bsn(brother))
    return brother


def test_the_signal_is_about_noah_with_linda_as_the_parent_it_concerns(emmen):
    check = _check(LINDA, CHILDREN_AT_HOME, person(NOAH))

    signal = check.signals.get()
    assert (signal.person, signal.concerns_parent) == (person(NOAH), person(LINDA))
    assert (signal.source, signal.child_concern) == (Source.CHILD_CHECK, True)
    assert signal.proposed_desk.slug == "cjg-emmen-oost"  # the CJG where Noah lives
    assert fresh(signal).next_step == MeldcodeStep.CONSULTATION  # his Meldcode guide starts
    assert not Signal.objects.filter(person=person(LINDA)).exists()


def test_sharing_gives_the_desk_its_basis_on_the_child(emmen):
    signal = _check(LINDA, CHILDREN_AT_HOME, person(NOAH)).signals.get()
    share(signal, "ggz")
    cjg = Organisation.objects.get(slug="cjg-emmen-oost")
    assert list(AccessBasis.objects.filter(organisation=cjg, kind="signaal").values_list(
        "person", flat=True)) == [person(NOAH).pk]


def test_several_children_get_one_signal_each_routed_by_their_own_facts(sem):
    noah = person(NOAH)
    assert children_in_view(acting("ggz")[0], person(LINDA), OFFICE_HOURS.date()) == [noah, sem]

    check = _check(LINDA, CHILDREN_AT_HOME, noah, sem)

    signals = {s.person: s for s in check.signals.all()}
    assert set(signals) == {noah, sem}
    assert {s.concerns_parent for s in signals.values()} == {person(LINDA)}
    assert {s.facts for s in signals.values()} == {FACTS}
    # Routing per child: the CJG 12+ team is offered for the secondary-school pupil only.
    assert [d.slug for d in proposal_for(signals[sem], OFFICE_HOURS).alternatives] == ["cjg-12plus"]
    assert proposal_for(signals[noah], OFFICE_HOURS).alternatives == ()
    # Consent per child: the parents for Noah (4), Sem and his parents for Sem (14).
    assert consent_givers(4) != consent_givers(14)
    # Each child has a Meldcode of its own; the check counts once in the figures.
    assert all(fresh(s).next_step == MeldcodeStep.CONSULTATION for s in signals.values())
    [row] = [r for r in child_check_use() if r["organisation__slug"] == "ggz-drenthe"]
    assert (row["checks"], row["positive"], row["signals"]) == (1, 1, 1)


def test_the_children_are_named_and_only_the_clients_own(emmen):
    with pytest.raises(Refused) as refused:
        _check(LINDA, CHILDREN_AT_HOME)  # Noah is known: the professional names him
    assert (refused.value.code, refused.value.field) == ("kind-ontbreekt", "kinderen")
    with pytest.raises(Refused) as refused:
        _check(LINDA, CHILDREN_AT_HOME, person(DAAN))  # someone else's child
    assert refused.value.code == "kind-onbekend"
    assert not ChildCheck.objects.exists() and not Signal.objects.exists()
    assert set(AuditEvent.objects.filter(object_type="kindcheck").values_list(
        "outcome", flat=True)) == {Outcome.DENIED}


def test_a_child_living_elsewhere_whom_the_professional_cannot_see_is_not_offered(emmen):
    linda = person(LINDA)
    elsewhere = PersonFactory(given_names="Lotte", surname="Bakker", date_of_birth=date(2019, 1, 1))
    MembershipFactory(household=HouseholdFactory(name="Kuipers"), person=elsewhere)
    relate(linda, elsewhere, RelationKind.CHILD)
    assert children_in_view(acting("ggz")[0], linda, OFFICE_HOURS.date()) == [person(NOAH)]


def test_without_a_known_child_the_signal_is_about_the_client_as_a_concern_about_a_child(emmen):
    mother = PersonFactory(given_names="Iris", surname="Wolters", date_of_birth=date(1998, 3, 3))
    MembershipFactory(household=HouseholdFactory(
        name="Wolters", postcode="7881AB", district=District.objects.get(slug="de-monden")),
        person=mother, role="ouder")
    involve("ggz-drenthe", reveal_bsn(mother))

    signal = _check(reveal_bsn(mother), PREGNANT).signals.get()

    assert (signal.person, signal.concerns_parent, signal.child_concern) == (mother, None, True)
    assert signal.proposed_desk.slug == "cjg-de-monden"  # a concern about a child: the CJG
