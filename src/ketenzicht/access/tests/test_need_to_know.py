"""Deny by default: a person exists for a professional only through a recorded basis."""

from ketenzicht.access.services import basis_for, end_basis, visible_household, visible_person


def test_professional_with_basis_sees_the_child(parties):
    assert visible_person(parties.involved, parties.child.uuid) == parties.child


def test_basis_on_a_child_brings_the_whole_household_in_view(parties):
    assert visible_person(parties.involved, parties.parent.uuid) == parties.parent
    assert visible_household(parties.involved, parties.household.uuid) == parties.household


def test_district_team_sees_residents_of_its_district(parties):
    assert visible_person(parties.district_team, parties.child.uuid) == parties.child
    assert basis_for(parties.district_team, parties.child).kind == "gebiedsteam"


def test_stranger_without_basis_sees_nothing(parties):
    assert visible_person(parties.stranger, parties.child.uuid) is None
    assert visible_household(parties.stranger, parties.household.uuid) is None
    assert basis_for(parties.stranger, parties.child) is None


def test_ended_basis_ends_access(parties):
    end_basis(parties.involved_organisation, parties.child, "client")
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


def test_denied_household_read_is_audited_without_client(parties):
    from ketenzicht.access.audited import actor_for, open_household
    from ketenzicht.audit.models import AuditEvent

    assert open_household(parties.stranger, actor_for(parties.stranger), parties.household.uuid) is None
    event = AuditEvent.objects.get()
    assert (event.outcome, event.client_pseudonym) == ("denied", "")
