"""The plan's forms never list every organisation with some basis on the family (the adult
mental-health care of a parent): an action and the regisseur are offered from the plan's members,
the own organisation and the municipality's case-holding teams; adding a member offers every
organisation of the municipality, with the basis for sharing asked on the form."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from ketenzicht.access.models import BasisKind
from ketenzicht.access.services import grant_basis
from ketenzicht.audit.services import SYSTEM
from ketenzicht.people.services import find_person_by_bsn
from ketenzicht.plans.tests.conftest import (
    de_vries,
    emmen,  # noqa: F401 (the fixture)
    professional,
)
from ketenzicht.plans.tests.meeting_support import ANJA
from ketenzicht.plans.tests.plan_support import agreed_plan

from .vir_login import logged_in

pytestmark = pytest.mark.usefixtures("emmen")


@pytest.fixture(autouse=True)
def _thursday():
    """Every clock on the day after the plan was agreed."""
    with time_machine.travel(datetime(2026, 11, 26, 9, tzinfo=ZoneInfo("Europe/Amsterdam")), tick=False):
        yield


def _mother_in_adult_care() -> None:
    grant_basis(professional("ggz").organisation, find_person_by_bsn(ANJA), BasisKind.CLIENT, "client",
                actor=SYSTEM)


def _page(part: str) -> str:
    response = logged_in("cjg-demonden").get(f"/huishoudens/{de_vries().uuid}/plan/{part}/")
    assert response.status_code == 200
    return response.content.decode()


def test_an_action_and_the_regisseur_are_not_offered_from_the_mothers_adult_care():
    agreed_plan()
    _mother_in_adult_care()
    action = _page("actie")
    assert "Sociaal gebiedsteam De Monden" in action and "CJG-Jeugdteam De Monden" in action
    assert "GGZ Drenthe" not in action and "Wim Mulder" not in action
    regisseur = _page("regisseur")
    assert "Sociaal gebiedsteam De Monden" in regisseur and "GGZ Drenthe" not in regisseur
    change = logged_in("cjg-demonden").get(f"/huishoudens/{de_vries().uuid}/regisseur/").content.decode()
    assert "Regisseur wisselen voor huishouden De Vries" in change and "GGZ Drenthe" not in change


def test_adding_a_member_offers_the_municipality_and_asks_the_basis_for_sharing_with_every_error_at_once():
    agreed_plan()
    page = _page("deelnemer")
    assert "GGZ Drenthe" in page and "Grondslag om het plan te delen" in page
    assert "Emma de Vries (14)" in page and 'name="formulier"' in page
    response = logged_in("cjg-demonden").post(f"/huishoudens/{de_vries().uuid}/plan/deelnemer/", {
        "organisation": "ggz-drenthe", "email": "geen-adres", "sharing_basis": "veiligheid"})
    text = response.content.decode()
    assert response.status_code == 200
    assert "Vul een geldig e-mailadres in." in text
    assert ("Leg vast waarom de veiligheid vraagt om het plan met GGZ Drenthe te delen zonder "
            "toestemming.") in text
    response = logged_in("cjg-demonden").post(f"/huishoudens/{de_vries().uuid}/plan/deelnemer/", {
        "organisation": "ggz-drenthe", "sharing_basis": "toestemming",
        "consent_given_by": [str(find_person_by_bsn(bsn).uuid) for bsn in ("999990020", ANJA, "999990044")]})
    assert response.status_code == 302
    assert "GGZ Drenthe" in _page("actie")  # a member now
