"""The family's preference for the regisseur is shown with the regisseur on the plan page, to
plan members; the regisseur section everyone involved sees (household, person, signal pages)
shows who the regisseur is and how to reach them, never the family's preference."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from ketenzicht.people.services import find_person_by_bsn
from ketenzicht.plans.tests.conftest import (
    DAAN,
    de_vries,
    emmen,  # noqa: F401 (the fixture)
    professional,
)
from ketenzicht.plans.tests.plan_support import agreed_plan, join

from .vir_login import logged_in

pytestmark = pytest.mark.usefixtures("emmen")

PREFERENCE = "Vader wil Bart als vast aanspreekpunt."


@pytest.fixture(autouse=True)
def _thursday():
    with time_machine.travel(datetime(2026, 11, 26, 9, tzinfo=ZoneInfo("Europe/Amsterdam")), tick=False):
        yield


def _page(username: str, url: str) -> str:
    response = logged_in(username).get(url)
    assert response.status_code == 200, (username, url)
    return response.content.decode()


def test_plan_members_see_the_familys_preference_on_the_plan_page():
    join(agreed_plan(), "ggz")
    for username in ("cjg-demonden", "ggz"):
        page = _page(username, f"/huishoudens/{de_vries().uuid}/plan/")
        assert "Voorkeur van het gezin voor de regisseur" in page and PREFERENCE in page


def test_the_public_regisseur_section_never_shows_it():
    agreed_plan()
    regisseur = professional("cjg-demonden").display_name
    for username, url in [("cjg-demonden", f"/huishoudens/{de_vries().uuid}/"),
                          ("leerkracht", f"/huishoudens/{de_vries().uuid}/"),
                          ("leerkracht", f"/personen/{find_person_by_bsn(DAAN).uuid}/")]:
        page = _page(username, url)
        assert regisseur in page and PREFERENCE not in page, (username, url)
    assert logged_in("leerkracht").get(f"/huishoudens/{de_vries().uuid}/plan/").status_code == 404
