"""A youth who moves to another municipality brings their registrations to its regievoerder."""

from datetime import date

import pytest

from ketenzicht.organisations.models import OrganisationType, Role
from ketenzicht.organisations.tests.factories import (
    DistrictFactory,
    MunicipalityFactory,
    OrganisationFactory,
    PostcodeAreaFactory,
    ProfessionalFactory,
)
from ketenzicht.people.services import AddressData, create_household, find_person_by_bsn, move_into
from ketenzicht.verwijsindex.models import IndexRegistration, IndexSettings

from .conftest import DAAN
from .lifetimes import on, registered_on
from .match_helpers import notices_to

pytestmark = pytest.mark.usefixtures("emmen")


def coevorden():
    """A second municipality with its own CJG team and regievoerder."""
    municipality = MunicipalityFactory(slug="coevorden", name="Coevorden", cbs_code="0109")
    district = DistrictFactory(municipality=municipality, slug="coevorden-stad", name="Coevorden")
    PostcodeAreaFactory(district=district, prefix="7741")
    cjg_type = OrganisationType.objects.get(slug="cjg-jeugdteam")
    team = OrganisationFactory(slug="cjg-coevorden", name="CJG Coevorden", type=cjg_type,
                               municipality=municipality)
    team.districts.add(district)
    IndexSettings.objects.create(municipality=municipality, match_coordinator_type=cjg_type)
    gemeente = OrganisationFactory(slug="gemeente-coevorden", name="Gemeente Coevorden",
                                   type=OrganisationType.objects.get(slug="gemeente"),
                                   municipality=municipality)
    ProfessionalFactory(organisation=gemeente, role=Role.CHAIN_DIRECTOR, user__username="regie-coevorden")
    return district


def test_move_to_another_municipality_tells_its_regievoerder():
    registered_on(date(2025, 9, 1), "leerkracht", DAAN)
    district = coevorden()
    with on(date(2025, 10, 1)):
        home = create_household("De Vries", AddressData("Kerkstraat", 4, "7741AB", "Coevorden"))
        move_into(find_person_by_bsn(DAAN), home, "kind", date(2025, 10, 1))
    assert set(IndexRegistration.objects.values_list("district", flat=True)) == {district.id}
    (told,) = notices_to("regie-coevorden", "verwijsindex-verhuizing-gemeente")
    assert "Jenaplan BO Kristalla" in told.body
    assert notices_to("regievoerder", "verwijsindex-verhuizing-gemeente") == []  # not Emmen's


def test_move_within_the_municipality_does_not_trouble_the_regievoerder():
    from .test_move_passes_registrations_and_matches_to_new_district_matchregisseur import (
        _daan_moves_to_emmen_zuid,
    )

    registered_on(date(2025, 9, 1), "leerkracht", DAAN)
    _daan_moves_to_emmen_zuid(date(2025, 10, 1))
    assert notices_to("regievoerder", "verwijsindex-verhuizing-gemeente") == []
