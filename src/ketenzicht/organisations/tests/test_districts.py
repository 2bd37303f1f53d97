"""Domain rule §1: the competent team is that of the youth's residence; moving moves the case."""

import datetime

import pytest

from ketenzicht.organisations.services import district_for_postcode, normalise_postcode
from ketenzicht.organisations.tests.factories import DistrictFactory, PostcodeAreaFactory
from ketenzicht.people.services import AddressData, create_household, district_of, move_into
from ketenzicht.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_postcode_places_an_address_in_its_district():
    monden = DistrictFactory(slug="de-monden")
    PostcodeAreaFactory(district=monden, prefix="7881")
    assert district_for_postcode("7881 AB") == monden
    assert district_for_postcode("9999ZZ") is None


def test_longest_postcode_prefix_wins_where_a_pc4_area_is_split():
    noord, oost = DistrictFactory(slug="emmen-noord"), DistrictFactory(slug="emmen-oost")
    PostcodeAreaFactory(district=noord, prefix="7812")
    PostcodeAreaFactory(district=oost, prefix="7812T")
    assert district_for_postcode("7812AB") == noord
    assert district_for_postcode("7812TX") == oost


def test_postcodes_are_normalised():
    assert normalise_postcode(" 7881 ab ") == "7881AB"


def test_competent_district_follows_residence_not_school():
    monden, zuid = DistrictFactory(slug="de-monden"), DistrictFactory(slug="emmen-zuid")
    PostcodeAreaFactory(district=monden, prefix="7881")
    PostcodeAreaFactory(district=zuid, prefix="7824")
    home = create_household("De Vries", AddressData("Hoofdweg", 12, "7881AB", "Emmer-Compascuum"))
    daan = PersonFactory()
    move_into(daan, home, "kind", datetime.date(2017, 5, 12))
    # Daan's school is in Emmen Zuid, but only his address decides the district.
    assert district_of(daan) == monden


def test_moving_house_moves_the_case():
    monden, velden = DistrictFactory(slug="de-monden"), DistrictFactory(slug="de-velden")
    PostcodeAreaFactory(district=monden, prefix="7881")
    PostcodeAreaFactory(district=velden, prefix="7833")
    old = create_household("Jansen", AddressData("Kanaalweg", 3, "7881AA", "Emmer-Compascuum"))
    new = create_household("Jansen", AddressData("Dorpsstraat", 8, "7833AB", "Nieuw-Amsterdam"))
    sanne = PersonFactory()
    move_into(sanne, old, "kind", datetime.date(2010, 6, 18))
    move_into(sanne, new, "kind", datetime.date(2026, 1, 1))
    assert district_of(sanne) == velden
    assert sanne.memberships.filter(until__isnull=True).count() == 1
