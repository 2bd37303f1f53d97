"""Adult care makes a person its client outside the demo: volwassen-GGZ, verslavingszorg, a
hospital and debt counselling register an adult by BSN (someone new is brought in from the BRP
with the household), which gives the organisation its client basis, audited; registering again
changes nothing; ending the relation ends the basis. Then the kindcheck works for that client."""

import pytest

from ketenzicht.access.models import AccessBasis, BasisKind
from ketenzicht.access.services import visible_person
from ketenzicht.audit.models import AuditEvent, EventType, Outcome
from ketenzicht.demo.dataset import generate
from ketenzicht.people.models import Person
from ketenzicht.people.services import find_person_by_bsn
from ketenzicht.refusals import RefusalKind, Refused
from ketenzicht.signals.childcheck import (
    ChildCheckAnswers,
    Concern,
    children_in_view,
    record_child_check,
)
from ketenzicht.signals.clients import NOT_A_CLIENT, end_client, register_client

from .conftest import ANJA, LINDA, NOAH, OFFICE_HOURS, acting
from .support import person


def parent_only_in_the_brp() -> tuple[str, list[str]]:
    """A parent of a generated household with children, beyond the three the test demo loaded,
    and the BSNs of the household's children."""
    for household in reversed(generate(20).households):
        parents = [m.person.bsn for m in household.members if m.role == "ouder"]
        children = [m.person.bsn for m in household.members if m.role == "kind"]
        if parents and children:
            return parents[0], children
    raise AssertionError("no generated household with a parent and a child")


def test_a_new_adult_becomes_a_client_and_the_kindcheck_works(emmen):
    bsn, children = parent_only_in_the_brp()
    assert find_person_by_bsn(bsn) is None

    registration = register_client(*acting("ggz"), bsn, OFFICE_HOURS)

    client = registration.person
    assert registration.created and client == find_person_by_bsn(bsn)
    assert AccessBasis.objects.filter(organisation__slug="ggz-drenthe", person=client,
                                      kind=BasisKind.CLIENT, ended_at=None).count() == 1
    assert AuditEvent.objects.filter(object_type="client", client_pseudonym=str(client.uuid),
                                     event_type=EventType.CREATE, outcome=Outcome.SUCCESS).exists()
    # The household came in from the BRP: the children are in view and the kindcheck asks.
    kids = children_in_view(acting("ggz")[0], client, OFFICE_HOURS.date())
    assert {find_person_by_bsn(b) for b in children} >= set(kids) and kids
    check = record_child_check(*acting("ggz"), client, ChildCheckAnswers(
        True, False, False, False, concerns=True),
        Concern(facts="Vader is in crisis opgenomen.", children=(kids[0],)), OFFICE_HOURS)
    assert check.signals.get().person == kids[0]


def test_registering_a_client_again_changes_nothing(emmen):
    again = register_client(*acting("ggz"), LINDA, OFFICE_HOURS)  # the demo's client already
    assert (again.created, again.person) == (False, person(LINDA))
    assert AccessBasis.objects.filter(organisation__slug="ggz-drenthe", person=person(LINDA),
                                      kind=BasisKind.CLIENT).count() == 1
    assert not AuditEvent.objects.filter(object_type="client").exists()


@pytest.mark.parametrize("username", ["leerkracht", "cjg-demonden", "jgz"])
def test_only_adult_care_registers_clients_and_a_refusal_is_audited(emmen, username):
    persons = Person.objects.count()
    with pytest.raises(Refused) as refused:
        register_client(*acting(username), ANJA, OFFICE_HOURS)
    assert (refused.value.code, refused.value.kind) == ("geen-volwassenenzorg", RefusalKind.FORBIDDEN)
    assert not AccessBasis.objects.filter(person=person(ANJA), kind=BasisKind.CLIENT).exists()
    assert Person.objects.count() == persons
    assert AuditEvent.objects.get(object_type="client").outcome == Outcome.DENIED


@pytest.mark.parametrize(("bsn", "code"), [
    (NOAH, "geen-volwassene"),  # a youth gets a signal, not a kindcheck
    ("123456789", "bsn-ongeldig"),
    ("123456782", "persoon-onbekend"),  # valid, but nobody's in the BRP
])
def test_only_a_living_adult_known_to_the_brp_becomes_a_client(emmen, bsn, code):
    with pytest.raises(Refused) as refused:
        register_client(*acting("ggz"), bsn, OFFICE_HOURS)
    assert (refused.value.code, refused.value.field) == (code, "bsn")


def test_ending_the_relation_ends_the_basis_and_the_view(emmen):
    linda = person(LINDA)
    ggz, actor = acting("ggz")

    end_client(ggz, actor, linda.uuid)

    assert visible_person(ggz, linda.uuid) is None and visible_person(ggz, person(NOAH).uuid) is None
    with pytest.raises(Refused) as refused:  # no longer a client: no kindcheck either
        record_child_check(ggz, actor, linda, ChildCheckAnswers(False, False, False, False))
    assert refused.value.code == "client-onbekend"
    assert AuditEvent.objects.filter(object_type="client", event_type=EventType.UPDATE,
                                     outcome=Outcome.SUCCESS).count() == 1


def test_ending_is_refused_for_anyone_not_a_client_and_the_attempt_is_audited(emmen):
    with pytest.raises(Refused) as refused:
        end_client(*acting("ggz"), person(ANJA).uuid)  # not GGZ's client
    assert refused.value.code == NOT_A_CLIENT
    with pytest.raises(Refused) as refused:
        end_client(*acting("leerkracht"), person(LINDA).uuid)  # not adult care
    assert refused.value.code == "geen-volwassenenzorg"
    assert AccessBasis.objects.filter(person=person(LINDA), kind=BasisKind.CLIENT,
                                      ended_at=None).count() == 1
    assert set(AuditEvent.objects.filter(object_type="client").values_list(
        "outcome", flat=True)) == {Outcome.DENIED}
