"""The population register brings the whole household into view, not only the child asked for."""

import datetime

import pytest
from django.core.exceptions import ImproperlyConfigured, ValidationError

from ketenzicht.audit.models import AuditEvent
from ketenzicht.audit.services import Actor
from ketenzicht.demo.bsns import synthetic_bsns
from ketenzicht.demo.loader import load_districts
from ketenzicht.demo.register import DemoRegister
from ketenzicht.people.models import Household, HouseholdMembership, Person, Relation
from ketenzicht.people.register import PersonNotInRegister, get_register
from ketenzicht.people.register.haal_centraal import HaalCentraalRegister
from ketenzicht.people.register.sync import bring_household_into_view
from ketenzicht.people.services import current_household, find_person_by_bsn

from .brp_stub import brp_person
from .factories import HouseholdFactory, MembershipFactory, PersonFactory

DAAN, EMMA, ANJA, MARCO = "999990019", "999990020", "999990032", "999990044"
ACTOR = Actor(user_id="prof-1", user_name="Bart Lubbers", organisation="cjg-de-monden",
              role="professional", access_point="127.0.0.1")


def _relations(bsn: str) -> set[tuple[str, str]]:
    person = find_person_by_bsn(bsn)
    return {
        (r.relative.given_names, r.kind)
        for r in Relation.objects.filter(person=person).select_related("relative")
    }


def _members(household: Household) -> dict[str, str]:
    return {
        m.person.given_names: m.role
        for m in household.memberships.filter(until__isnull=True).select_related("person")
    }


def _stub_de_vries(brp) -> None:
    """The De Vries family in the BRP stub: Marco has moved out after a divorce."""
    home = {"officieleStraatnaam": "Hoofdkanaal Oost", "huisnummer": 112, "postcode": "7881AG",
            "woonplaats": "Emmer-Compascuum"}
    elsewhere = {"officieleStraatnaam": "Langestraat", "huisnummer": 3, "huisletter": "a",
                 "postcode": "7891AB", "woonplaats": "Klazienaveen"}
    brp.add(
        brp_person(DAAN, "Daan", "Vries", "2017-05-12", voorvoegsel="de", adres=home,
                   object_id="0114010000112000", ouders=[ANJA, MARCO]),
        brp_person(EMMA, "Emma", "Vries", "2012-02-03", voorvoegsel="de", adres=home,
                   object_id="0114010000112000", ouders=[ANJA, MARCO]),
        brp_person(ANJA, "Anja", "Vries", "1985-09-21", voorvoegsel="de", adres=home,
                   object_id="0114010000112000", kinderen=[DAAN, EMMA],
                   partners=[{"burgerservicenummer": MARCO, "ontbindingHuwelijkPartnerschap": {
                       "datum": {"type": "Datum", "datum": "2023-01-01"}}}]),
        brp_person(MARCO, "Marco", "Vries", "1983-01-30", voorvoegsel="de", adres=elsewhere,
                   object_id="0114010000003001", kinderen=[DAAN, EMMA]),
    )


def test_register_brings_whole_household_into_view_from_demo_register(db):
    load_districts()
    household = bring_household_into_view(DAAN, ACTOR, register=DemoRegister(households=0))
    assert (household.name, household.district.slug) == ("De Vries", "de-monden")
    assert household.postcode == "7881AG"
    assert _members(household) == {"Daan": "kind", "Emma": "kind", "Anja": "ouder", "Marco": "ouder"}
    assert _relations(DAAN) == {("Anja", "ouder"), ("Marco", "ouder"), ("Emma", "broer-zus")}
    assert _relations(ANJA) == {("Daan", "kind"), ("Emma", "kind"), ("Marco", "partner")}

    # Idempotent: asking again changes nothing.
    counts = (Person.objects.count(), Household.objects.count(), HouseholdMembership.objects.count(),
              Relation.objects.count())
    assert bring_household_into_view(DAAN, ACTOR, register=DemoRegister(households=0)) == household
    assert counts == (Person.objects.count(), Household.objects.count(),
                      HouseholdMembership.objects.count(), Relation.objects.count())


def test_register_moves_a_known_youth_into_the_household_at_the_register_address(db):
    load_districts()
    old = HouseholdFactory(name="Oud adres", postcode="7811AA")
    daan = PersonFactory(bsn=DAAN, given_names="D.", surname="Vries")
    MembershipFactory(household=old, person=daan)
    household = bring_household_into_view(DAAN, ACTOR, register=DemoRegister(households=0))
    daan.refresh_from_db()
    assert daan.given_names == "Daan"  # the register's name wins
    assert current_household(daan) == household != old
    assert old.memberships.get(person=daan).until is not None


def test_register_brings_whole_household_into_view_over_http(db, brp):
    load_districts()
    _stub_de_vries(brp)
    register = HaalCentraalRegister(url=brp.url, api_key="geheim", timeout=5)
    household = bring_household_into_view(EMMA, ACTOR, register=register)
    assert (household.name, household.district.slug) == ("De Vries", "de-monden")
    assert (household.street, household.house_number) == ("Hoofdkanaal Oost", 112)
    # Marco lives elsewhere: he is in view as the children's parent, not as a resident.
    assert _members(household) == {"Daan": "kind", "Emma": "kind", "Anja": "ouder"}
    assert _relations(EMMA) == {("Anja", "ouder"), ("Marco", "ouder"), ("Daan", "broer-zus")}
    # A dissolved marriage is not a partner relation.
    assert ("Marco", "partner") not in _relations(ANJA)
    assert current_household(find_person_by_bsn(MARCO)) is None
    membership = household.memberships.get(person__given_names="Anja")
    assert membership.since == datetime.date(2019, 4, 1)
    kinds = [r.json["type"] for r in brp.requests]
    assert kinds[:2] == ["RaadpleegMetBurgerservicenummer", "ZoekMetAdresseerbaarObjectIdentificatie"]

    bring_household_into_view(EMMA, ACTOR, register=register)
    assert Person.objects.count() == 4 and Household.objects.count() == 1


def test_unknown_or_invalid_bsn_is_refused_in_dutch(db):
    load_districts()
    with pytest.raises(PersonNotInRegister, match="komt niet voor"):
        bring_household_into_view(next(synthetic_bsns(0)), ACTOR, register=DemoRegister(households=0))
    with pytest.raises(ValidationError):
        bring_household_into_view("123456789", ACTOR, register=DemoRegister(households=0))
    assert not Person.objects.exists()


def test_get_register_follows_settings(settings):
    settings.KETENZICHT_POPULATION_REGISTER = "demo"
    assert isinstance(get_register(), DemoRegister)
    settings.KETENZICHT_POPULATION_REGISTER = "haal-centraal"
    settings.KETENZICHT_BRP_API_URL = "https://brp.example/haalcentraal/api/brp"
    register = get_register()
    assert isinstance(register, HaalCentraalRegister)
    assert register.url == "https://brp.example/haalcentraal/api/brp/personen"
    settings.KETENZICHT_POPULATION_REGISTER = "gba"
    with pytest.raises(ImproperlyConfigured):
        get_register()


@pytest.mark.django_db
def test_bringing_a_household_into_view_is_audited_per_person():
    load_districts()
    bring_household_into_view(DAAN, ACTOR, register=DemoRegister(households=0))
    persons = {str(p.uuid) for p in Person.objects.all()}
    created = AuditEvent.objects.filter(event_type="create", user_id="prof-1")
    assert {e.client_pseudonym for e in created} == persons
    assert all(e.organisation == "cjg-de-monden" for e in created)

    bring_household_into_view(DAAN, ACTOR, register=DemoRegister(households=0))
    updated = AuditEvent.objects.filter(event_type="update")
    assert {e.client_pseudonym for e in updated} == persons
    assert DAAN not in str(list(AuditEvent.objects.values()))
