"""The demo population: the example households of demo.md and the generated ones."""

import hashlib
import os
import subprocess
import sys

import pytest
from django.db import transaction
from stdnum.nl import bsn as stdnum_bsn

from ketenzicht.access.services import basis_for, visible_person
from ketenzicht.demo.dataset import EXAMPLE_BSNS, FIXED_BSN_FLOOR, generate
from ketenzicht.demo.loader import DemoAlreadyLoaded, load_demo
from ketenzicht.organisations.models import Professional
from ketenzicht.organisations.services import district_for_postcode
from ketenzicht.people.models import Household, Person, Relation
from ketenzicht.people.services import current_household, find_person_by_bsn, reveal_bsn

EXAMPLES = {
    # key: (given name, prefix, surname, date of birth, district slug, household)
    "daan": ("Daan", "de", "Vries", "2017-05-12", "de-monden", "De Vries"),
    "emma": ("Emma", "de", "Vries", "2012-02-03", "de-monden", "De Vries"),
    "anja": ("Anja", "de", "Vries", "1985-09-21", "de-monden", "De Vries"),
    "marco": ("Marco", "de", "Vries", "1983-01-30", "de-monden", "De Vries"),
    "noah": ("Noah", "", "Bakker", "2022-08-14", "emmen-oost", "Bakker"),
    "linda": ("Linda", "", "Bakker", "1996-04-02", "emmen-oost", "Bakker"),
    "sanne": ("Sanne", "", "Jansen", "2010-06-18", "de-velden", "Jansen"),
    "lucas": ("Lucas", "", "Jansen", "2015-11-07", "de-velden", "Jansen"),
    "peter": ("Peter", "", "Jansen", "1978-12-11", "de-velden", "Jansen"),
    "mila": ("Mila", "", "Yilmaz", "2024-03-09", "emmen-zuid", "Yilmaz"),
    "elif": ("Elif", "", "Yilmaz", "1999-07-25", "emmen-zuid", "Yilmaz"),
    "emre": ("Emre", "", "Yilmaz", "1997-10-05", "emmen-zuid", "Yilmaz"),
    "kevin": ("Kevin", "", "Smit", "2004-01-15", "emmen-noord", "Smit"),
    "jeroen": ("Jeroen", "", "Smit", "2002-03-03", "de-blokken", "Smit"),
}
FIXED = {
    "daan": "999990019", "emma": "999990020", "anja": "999990032", "marco": "999990044",
    "noah": "999990056", "linda": "999990068", "sanne": "999990081", "lucas": "999990093",
    "peter": "999990111", "mila": "999990123", "elif": "999990135", "emre": "999990147",
    "kevin": "999990159", "jeroen": "999990160",
}


def _person(key: str) -> Person:
    return find_person_by_bsn(FIXED[key])


def _relatives(key: str) -> set[tuple[str, str]]:
    return {
        (r.relative.given_names, r.kind)
        for r in Relation.objects.filter(person=_person(key)).select_related("relative")
    }


def test_example_households_have_fixed_bsns_and_relations(demo):
    assert EXAMPLE_BSNS == FIXED
    for key, (given, prefix, surname, born, district, household) in EXAMPLES.items():
        person = _person(key)
        assert person is not None, key
        assert (person.given_names, person.surname_prefix, person.surname) == (given, prefix, surname)
        assert person.date_of_birth.isoformat() == born
        assert reveal_bsn(person) == FIXED[key]
        home = current_household(person)
        assert (home.name, home.district.slug) == (household, district), key
        assert district_for_postcode(home.postcode) == home.district

    assert _relatives("daan") == {("Anja", "ouder"), ("Marco", "ouder"), ("Emma", "broer-zus")}
    assert _relatives("anja") == {("Daan", "kind"), ("Emma", "kind"), ("Marco", "partner")}
    assert _relatives("noah") == {("Linda", "ouder")}
    assert _relatives("lucas") == {("Peter", "ouder"), ("Sanne", "broer-zus")}
    assert _relatives("mila") == {("Elif", "ouder"), ("Emre", "ouder")}
    assert _relatives("elif") == {("Mila", "kind"), ("Emre", "partner")}
    # Kevin lives alone; his brother Jeroen lives in another district.
    assert _relatives("kevin") == {("Jeroen", "broer-zus")}
    kevin_home, jeroen_home = current_household(_person("kevin")), current_household(_person("jeroen"))
    assert kevin_home != jeroen_home
    assert kevin_home.memberships.count() == 1 and jeroen_home.memberships.count() == 1


def test_daans_school_and_lindas_mental_health_care_are_involved(demo):
    """Kristalla (Emmen Zuid) sees Daan (De Monden) by its client basis, not by district."""
    daan, linda = _person("daan"), _person("linda")
    teacher = Professional.objects.get(user__username="leerkracht")
    assert visible_person(teacher, daan.uuid) == daan
    assert basis_for(teacher, daan).kind == "client"
    ggz = Professional.objects.get(user__username="ggz")
    assert basis_for(ggz, linda).kind == "client"
    # The whole household is in view for an involved organisation: Noah too.
    assert visible_person(ggz, _person("noah").uuid) is not None
    # The CJG-Jeugdteam of Daan's district starts without a basis (need-to-know): the walkthrough
    # brings the family in through an application.
    assert basis_for(Professional.objects.get(user__username="cjg-demonden"), daan) is None
    assert basis_for(Professional.objects.get(user__username="cjg-emmenzuid"), daan) is None


class _Rollback(Exception):
    pass


def _snapshot() -> list[tuple]:
    return sorted(
        (reveal_bsn(p), p.given_names, p.surname_prefix, p.surname, p.date_of_birth.isoformat(),
         str(p.uuid), current_household(p).address)
        for p in Person.objects.all()
    )


def test_demo_is_deterministic(db):
    with pytest.raises(_Rollback), transaction.atomic():
        load_demo(households=20)
        first = _snapshot()
        raise _Rollback
    assert not Person.objects.exists()
    load_demo(households=20)
    assert _snapshot() == first


def _digest_in_fresh_interpreter(hash_seed: str) -> str:
    code = (
        "import django, hashlib; django.setup();"
        "from ketenzicht.demo.dataset import generate;"
        "print(hashlib.sha256(repr(generate(50)).encode()).hexdigest())"
    )
    env = {**os.environ, "PYTHONHASHSEED": hash_seed, "DJANGO_SETTINGS_MODULE": "ketenzicht.conf.test"}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                            check=True, timeout=60)
    return result.stdout.strip()


def test_demo_is_the_same_on_every_machine():
    """Another interpreter with another hash seed generates exactly the same population."""
    here = hashlib.sha256(repr(generate(50)).encode()).hexdigest()
    assert _digest_in_fresh_interpreter("1") == here
    assert _digest_in_fresh_interpreter("4242") == here


def test_generated_bsns_pass_elfproef_and_avoid_fixed_range():
    dataset = generate(2000)
    bsns = [p.bsn for p in dataset.persons()]
    assert len(bsns) == len(set(bsns))
    generated = [b for b in bsns if b not in set(FIXED.values())]
    assert len(generated) == len(bsns) - len(FIXED)
    for value in generated:
        assert stdnum_bsn.is_valid(value), value
        assert value.startswith("999")
        assert value < FIXED_BSN_FLOOR
        # The test factories use the upper half of the range (serial 50,000 and up).
        assert value < "999500000"


def test_generated_households_are_realistic():
    dataset = generate(300)
    generated = dataset.households[6:]
    districts = {h.district_slug for h in generated}
    assert len(districts) == 6
    addresses = [(h.postcode, h.house_number, h.house_number_suffix) for h in dataset.households]
    assert len(addresses) == len(set(addresses))
    sizes = {len(h.members) for h in generated}
    assert {1, 2, 3, 4, 5} <= sizes
    assert any(p.surname_prefix for p in dataset.persons())
    assert any(
        len(h.members) == 1 and h.members[0].person.date_of_birth.year >= 2002 for h in generated
    )


def test_bulk_loaded_population_equals_what_people_services_make(demo):
    assert demo.households == Household.objects.count() == 26
    for household in Household.objects.all():
        assert household.district == district_for_postcode(household.postcode)
        assert household.memberships.filter(until__isnull=True).exists()
    for person in Person.objects.all()[:50]:
        assert find_person_by_bsn(reveal_bsn(person)) == person
        assert person.bsn_key_version == 1 and person.created_at and person.updated_at


def test_loading_twice_is_refused_in_dutch(demo):
    with pytest.raises(DemoAlreadyLoaded, match="bevat al gegevens"):
        load_demo(households=1)
