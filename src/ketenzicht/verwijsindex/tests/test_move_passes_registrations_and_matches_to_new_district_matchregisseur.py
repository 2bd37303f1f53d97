"""Moving house moves the case: registrations and matches follow the youth (domain.md §1, §2)."""

from datetime import date

import pytest

from ketenzicht.audit.models import AuditEvent
from ketenzicht.audit.services import SYSTEM
from ketenzicht.people.models import HouseholdMembership
from ketenzicht.people.register.base import RegisterAddress, RegisterHousehold, RegisterPerson
from ketenzicht.people.register.sync import bring_household_into_view
from ketenzicht.people.services import current_household, find_person_by_bsn, move_into
from ketenzicht.verwijsindex.models import IndexRegistration, Match
from ketenzicht.verwijsindex.moves import follow_moves

from .conftest import DAAN, EMMA, KEVIN
from .lifetimes import on, registered_on
from .match_helpers import client_match_on, deadline_jobs_at, notices_to

pytestmark = pytest.mark.usefixtures("emmen")

MILA = "999990123"  # the Yilmaz household, Emmen Zuid


def _daan_moves_to_emmen_zuid(day: date) -> None:
    with on(day):
        move_into(find_person_by_bsn(DAAN), current_household(find_person_by_bsn(MILA)), "kind", day)


def test_move_passes_registrations_and_matches_to_new_district_matchregisseur():
    match = client_match_on(date(2025, 9, 1))
    assert (match.match_coordinator.slug, match.district.slug) == ("cjg-de-monden", "de-monden")

    _daan_moves_to_emmen_zuid(date(2025, 10, 1))  # person_moved: followed at once

    assert set(IndexRegistration.objects.values_list("district__slug", flat=True)) == {"emmen-zuid"}
    match.refresh_from_db()
    assert (match.match_coordinator.slug, match.district.slug) == ("cjg-emmen-zuid", "emmen-zuid")
    (told,) = notices_to("cjg-emmenzuid", "verwijsindex-verhuizing")
    assert told.link == f"/verwijsindex/matches/{match.uuid}/"
    assert "CJG-Jeugdteam De Monden" in told.body  # who had it before
    assert len(notices_to("leerkracht", "verwijsindex-matchregisseur")) == 1
    assert AuditEvent.objects.filter(object_type="verwijsindex-match", object_id=str(match.uuid),
                                     detail__matchregisseur="cjg-emmen-zuid").count() == 1

    assert follow_moves(SYSTEM) == 0  # nothing left to follow
    assert deadline_jobs_at(date(2025, 10, 2))["moves_followed"] == 0


def test_a_registration_without_match_passes_to_the_new_district_team():
    registration = registered_on(date(2025, 9, 1), "jgz", DAAN)
    _daan_moves_to_emmen_zuid(date(2025, 10, 1))
    registration.refresh_from_db()
    assert registration.district.slug == "emmen-zuid"
    (told,) = notices_to("cjg-emmenzuid", "verwijsindex-verhuizing")
    assert told.link == f"/personen/{registration.person.uuid}/"
    assert "GGD Drenthe" in told.body


def test_the_deadline_job_follows_moves_the_signal_did_not_carry():
    match = client_match_on(date(2025, 9, 1))
    daan = find_person_by_bsn(DAAN)
    # A move written without move_into (a data fix, an import): no signal was sent.
    HouseholdMembership.objects.filter(person=daan, until__isnull=True).update(
        household=current_household(find_person_by_bsn(MILA)))

    assert deadline_jobs_at(date(2025, 10, 1))["moves_followed"] == 2
    assert Match.objects.get(pk=match.pk).match_coordinator.slug == "cjg-emmen-zuid"
    assert deadline_jobs_at(date(2025, 10, 1))["moves_followed"] == 0


def test_youths_who_did_not_move_stay_where_they_are():
    client_match_on(date(2025, 9, 1))
    registered_on(date(2025, 9, 1), "jgz", KEVIN)
    before = dict(IndexRegistration.objects.values_list("id", "district_id"))
    assert deadline_jobs_at(date(2025, 10, 1))["moves_followed"] == 0
    assert dict(IndexRegistration.objects.values_list("id", "district_id")) == before


def test_a_family_match_follows_when_the_whole_family_has_moved():
    registered_on(date(2025, 9, 1), "leerkracht", DAAN)
    registered_on(date(2025, 9, 1), "jgz", EMMA)
    family = Match.objects.get(kind="gezin")
    zuid = current_household(find_person_by_bsn(MILA))

    _daan_moves_to_emmen_zuid(date(2025, 10, 1))
    family.refresh_from_db()
    assert family.match_coordinator.slug == "cjg-de-monden"  # Emma still lives in De Monden

    with on(date(2025, 10, 2)):
        move_into(find_person_by_bsn(EMMA), zuid, "kind", date(2025, 10, 2))
    family.refresh_from_db()
    assert (family.match_coordinator.slug, family.district.slug) == ("cjg-emmen-zuid", "emmen-zuid")


class _Register:
    """A population register that knows one household: Daan, now living in Emmen Zuid."""

    def __init__(self, household: RegisterHousehold) -> None:
        self._household = household

    def household(self, bsn: str) -> RegisterHousehold:
        return self._household

    def lookup(self, bsn: str) -> RegisterPerson:
        return self._household.person


def test_a_move_seen_in_the_population_register_is_followed():
    match = client_match_on(date(2025, 9, 1))
    zuid = current_household(find_person_by_bsn(MILA))
    address = RegisterAddress(street="Statenweg", house_number=zuid.house_number + 100,
                              postcode=zuid.postcode, city=zuid.city)
    daan = RegisterPerson(bsn=DAAN, given_names="Daan", surname_prefix="de", surname="Vries",
                          date_of_birth=date(2017, 5, 12), address=address,
                          living_since=date(2025, 10, 1))
    with on(date(2025, 10, 1)):
        bring_household_into_view(DAAN, SYSTEM, _Register(RegisterHousehold(
            person=daan, address=address, residents=(daan,))))
    match.refresh_from_db()
    assert (match.match_coordinator.slug, match.district.slug) == ("cjg-emmen-zuid", "emmen-zuid")
