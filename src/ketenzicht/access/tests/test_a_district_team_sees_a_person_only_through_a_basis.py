"""Need-to-know for district teams: a CJG-Jeugdteam sees a resident of its district only through a
basis (a case, an application, a signal, a coordinated match, …), never for living there — the
same rule as for everyone else (data minimisation, domain.md §5)."""

from ketenzicht.access.audited import actor_for, open_household, open_person
from ketenzicht.access.models import BasisKind
from ketenzicht.access.services import (
    basis_for,
    end_basis,
    grant_basis,
    visible_household,
    visible_households,
    visible_persons,
)
from ketenzicht.audit.models import AuditEvent, Outcome
from ketenzicht.audit.services import SYSTEM


def test_without_a_basis_the_district_team_sees_no_resident_and_the_attempt_is_audited(parties):
    team = parties.district_team
    assert basis_for(team, parties.child) is None
    assert not visible_persons(team).exists() and not visible_households(team).exists()

    assert open_person(team, actor_for(team), parties.child.uuid) is None
    event = AuditEvent.objects.get()
    assert (event.outcome, event.client_pseudonym, event.organisation) == (
        Outcome.DENIED, str(parties.child.uuid), "cjg-de-monden")


def test_a_case_gives_the_district_team_the_household(parties):
    team = parties.district_team
    grant_basis(team.organisation, parties.child, BasisKind.CASE, "casus-1", actor=SYSTEM)

    assert open_person(team, actor_for(team), parties.parent.uuid) == parties.parent
    assert open_household(team, actor_for(team), parties.household.uuid) == parties.household
    assert set(visible_persons(team)) == {parties.child, parties.parent}
    assert AuditEvent.objects.filter(object_type="persoon").get().purpose == (
        "Betrokken bij een lid van het huishouden")


def test_the_view_ends_with_the_basis(parties):
    team = parties.district_team
    grant_basis(team.organisation, parties.child, BasisKind.CASE, "casus-1", actor=SYSTEM)
    end_basis(team.organisation, parties.child, BasisKind.CASE, "casus-1", actor=SYSTEM)
    assert visible_household(team, parties.household.uuid) is None
    assert open_person(team, actor_for(team), parties.child.uuid) is None


def test_the_school_with_its_basis_still_sees_what_the_district_team_does_not(parties):
    assert open_person(parties.involved, actor_for(parties.involved), parties.child.uuid) \
        == parties.child
    assert open_person(parties.district_team, actor_for(parties.district_team),
                       parties.child.uuid) is None
