"""The intake page shows the risk questions of the current version when the case has none answered
(a route brought it in), and no intake is saved without them: every problem at once. After an
application with answers the page shows those answers instead."""

import pytest
import time_machine

from ketenzicht.plans.models import Intake, ScreeningMoment
from ketenzicht.web.tests.vir_login import logged_in

from .conftest import WEDNESDAY
from .intake_support import ALL_NO, apply
from .pages_support import intake_form
from .support import application as route_like_arrival

pytestmark = pytest.mark.usefixtures("emmen", "on_wednesday")


@pytest.fixture
def on_wednesday():
    with time_machine.travel(WEDNESDAY, tick=False):
        yield


def test_without_answers_the_page_asks_them_and_refuses_the_intake():
    case = route_like_arrival()
    client = logged_in("cjg-demonden")
    page = client.get(f"/casussen/{case.uuid}/intake/").content.decode()
    assert "De risicovragen zijn nog niet gesteld" in page and 'name="risicovraag_3"' in page
    response = client.post(f"/casussen/{case.uuid}/intake/", intake_form(onderbouwing=""))
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count("(ja, nee of onbekend)") >= 3 and "Onderbouw waarom" in page
    assert not Intake.objects.exists()
    answered = intake_form(versie="1", risicovraag_1="nee", risicovraag_2="nee", risicovraag_3="onbekend")
    assert client.post(f"/casussen/{case.uuid}/intake/", answered).status_code == 302
    assert Intake.objects.get(case=case).screening.moment == ScreeningMoment.INTAKE


def test_after_an_application_the_page_shows_its_answers():
    case = apply(ALL_NO)
    client = logged_in("cjg-demonden")
    page = client.get(f"/casussen/{case.uuid}/intake/").content.decode()
    assert "De risicovragen zijn beantwoord" in page and 'name="risicovraag_1"' not in page
    assert client.post(f"/casussen/{case.uuid}/intake/", intake_form()).status_code == 302
    assert Intake.objects.get(case=case).parents_regie == "zelf"
