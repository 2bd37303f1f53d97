"""Deny by default: a person exists for a professional only through a recorded basis."""

from ketenzicht.access.services import (
    basis_for,
    end_basis,
    grant_basis,
    visible_household,
    visible_households,
    visible_person,
    visible_persons,
)
from ketenzicht.audit.models import AuditEvent
from ketenzicht.audit.services import SYSTEM
from ketenzicht.organisations.tests.factories import OrganisationFactory, ProfessionalFactory
from ketenzicht.people.tests.factories import HouseholdFactory, MembershipFactory, PersonFactory


def test_professional_with_basis_sees_the_child(parties):
    assert visible_person(parties.involved, parties.child.uuid) == parties.child


def test_basis_on_a_child_brings_the_whole_household_in_view(parties):
    assert visible_person(parties.involved, parties.parent.uuid) == parties.parent
    assert visible_household(parties.involved, parties.household.uuid) == parties.household


def test_stranger_without_basis_sees_nothing(parties):
    assert visible_person(parties.stranger, parties.child.uuid) is None
    assert visible_household(parties.stranger, parties.household.uuid) is None
    assert basis_for(parties.stranger, parties.child) is None


def test_ended_basis_ends_access(parties):
    end_basis(parties.involved_organisation, parties.child, "client", actor=SYSTEM)
    assert visible_person(parties.involved, parties.child.uuid) is None


def test_policy_officer_never_sees_individual_clients(parties):
    parties.involved.role = "beleidsmedewerker"
    assert visible_person(parties.involved, parties.child.uuid) is None


def test_household_read_is_in_every_members_access_report(parties):
    from ketenzicht.access.audited import actor_for, open_household
    from ketenzicht.audit.models import AuditEvent

    open_household(parties.involved, actor_for(parties.involved), parties.household.uuid)
    pseudonyms = set(AuditEvent.objects.values_list("client_pseudonym", flat=True))
    assert pseudonyms == {str(parties.child.uuid), str(parties.parent.uuid)}


def test_refused_household_read_is_in_every_members_access_report(parties):
    from ketenzicht.access.audited import actor_for, open_household

    assert open_household(parties.stranger, actor_for(parties.stranger), parties.household.uuid) is None
    events = AuditEvent.objects.all()
    assert {e.outcome for e in events} == {"denied"}
    assert {e.client_pseudonym for e in events} == {str(parties.child.uuid), str(parties.parent.uuid)}


def test_refused_read_of_a_missing_household_names_no_client(parties):
    import uuid

    from ketenzicht.access.audited import actor_for, open_household

    assert open_household(parties.stranger, actor_for(parties.stranger), uuid.uuid4()) is None
    event = AuditEvent.objects.get()
    assert (event.outcome, event.client_pseudonym) == ("denied", "")


def test_refused_search_of_an_existing_person_is_in_their_access_report(parties):
    from ketenzicht.access.audited import actor_for, search_by_bsn
    from ketenzicht.people.services import reveal_bsn

    result = search_by_bsn(parties.stranger, actor_for(parties.stranger), reveal_bsn(parties.child))
    assert result.person is None
    event = AuditEvent.objects.get()
    assert (event.outcome, event.client_pseudonym) == ("denied", str(parties.child.uuid))


def test_audit_purpose_is_dutch_whatever_the_users_language(parties):
    from django.utils import translation

    from ketenzicht.access.audited import actor_for, open_person

    with translation.override("en"):
        open_person(parties.involved, actor_for(parties.involved), parties.parent.uuid)
    assert AuditEvent.objects.get().purpose == "Betrokken bij een lid van het huishouden"


def test_inactive_organisation_sees_no_one(parties):
    parties.involved_organisation.is_active = False
    parties.involved_organisation.save()
    assert visible_person(parties.involved, parties.child.uuid) is None
    assert not visible_persons(parties.involved).exists()


def test_granting_and_ending_a_basis_is_audited(parties):
    domesta = parties.stranger.organisation
    grant_basis(domesta, parties.parent, "client", actor=SYSTEM)
    grant_basis(domesta, parties.parent, "client", actor=SYSTEM)  # idempotent: no second event
    end_basis(domesta, parties.parent, "client", actor=SYSTEM)
    events = AuditEvent.objects.filter(object_type="grondslag").order_by("occurred_at", "id")
    assert [(e.event_type, e.client_pseudonym) for e in events] == [
        ("create", str(parties.parent.uuid)), ("update", str(parties.parent.uuid)),
    ]


def test_visible_set_agrees_with_single_checks(parties):
    """The list query and the one-person check express the same rule."""
    elsewhere = HouseholdFactory(name="Elders")
    loner = PersonFactory()
    MembershipFactory(household=elsewhere, person=loner)
    housemate = PersonFactory()
    MembershipFactory(household=elsewhere, person=housemate, role="ouder")
    grant_basis(parties.stranger.organisation, loner, "client", actor=SYSTEM)
    everyone = [parties.child, parties.parent, loner, housemate, PersonFactory()]
    for professional in (parties.involved, parties.district_team, parties.stranger):
        listed = set(visible_persons(professional))
        single = {p for p in everyone if visible_person(professional, p.uuid)}
        assert listed == single, professional
    assert set(visible_households(parties.stranger)) == {elsewhere}


def test_professional_of_organisation_without_involvement_sees_nothing_anywhere(parties):
    outsider = ProfessionalFactory(organisation=OrganisationFactory(slug="elders"))
    assert not visible_persons(outsider).exists()
    assert not visible_households(outsider).exists()


def test_registration_basis_shows_the_youth_but_not_the_household(parties):
    """A verwijsindex registration needs no consent, so it opens only the youth's own page."""
    domesta = parties.stranger.organisation
    grant_basis(domesta, parties.child, "verwijsindex", "registratie-1", actor=SYSTEM)
    assert visible_person(parties.stranger, parties.child.uuid) == parties.child
    assert visible_person(parties.stranger, parties.parent.uuid) is None
    assert visible_household(parties.stranger, parties.household.uuid) is None
    assert set(visible_persons(parties.stranger)) == {parties.child}
