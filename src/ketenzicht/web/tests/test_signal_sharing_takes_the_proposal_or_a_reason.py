"""Delen met een loket: the proposed desk preselected, the CJG 12+ alternative for a secondary-school
pupil, another desk only with a reason, consent or the safety reason; the advice request asked
without a name; the OGGZ agenda offered only for care avoidance."""

import pytest

from ketenzicht.signals.models import Route, RouteKind
from ketenzicht.signals.tests.conftest import EMMA, emmen, signal_as  # noqa: F401 (the fixture)

from .signal_support import error_of, page, squash
from .vir_login import logged_in

pytestmark = pytest.mark.usefixtures("emmen")


def test_the_proposed_desk_is_preselected_and_shares_with_consent():
    signal = signal_as("leerkracht")
    client = logged_in("leerkracht")
    form = page(client, f"/signalen/{signal.uuid}/")
    assert 'value="cjg-de-monden" id="delen_loket_0" class="utrecht-radio-button ' \
           'utrecht-radio-button--html-input" checked' in form
    assert "CJG-Jeugdteam De Monden (voorstel)" in form

    response = client.post(f"/signalen/{signal.uuid}/delen/", {
        "loket": "cjg-de-monden", "toestemming": "toestemming", "gegeven_door": "ouders"})

    assert response.status_code == 302 and response["Location"].endswith("#routes")
    route = Route.objects.get()
    assert route.desk.slug == "cjg-de-monden" and route.deviation_reason == ""
    html = squash(page(client, f"/signalen/{signal.uuid}/"))
    assert "Het signaal is gedeeld met CJG-Jeugdteam De Monden als signaal." in html
    assert "Gedeeld met CJG-Jeugdteam De Monden als signaal op" in html
    assert "status gedeeld" in html


def test_another_desk_needs_a_reason_and_consent_needs_a_basis():
    signal = signal_as("leerkracht")
    client = logged_in("leerkracht")

    html = client.post(f"/signalen/{signal.uuid}/delen/", {
        "loket": "cjg-emmen-zuid", "toestemming": "toestemming", "gegeven_door": "ouders",
    }).content.decode()
    assert error_of(html, "delen_reden_afwijking") == (
        "U kiest een ander loket dan voorgesteld (CJG-Jeugdteam De Monden). Leg vast waarom.")

    html = client.post(f"/signalen/{signal.uuid}/delen/", {"loket": "cjg-de-monden"}).content.decode()
    assert error_of(html, "delen_toestemming") == (
        "Kies: met toestemming, of zonder toestemming vanwege de veiligheid.")
    assert not Route.objects.exists()

    client.post(f"/signalen/{signal.uuid}/delen/", {
        "loket": "cjg-emmen-zuid", "reden_afwijking": "Het gezin kent het team van de school.",
        "toestemming": "toestemming", "gegeven_door": "ouders"})
    assert Route.objects.get().deviation_reason == "Het gezin kent het team van de school."


def test_a_secondary_school_pupil_is_offered_the_cjg_12_plus_alternative():
    signal = signal_as("leerkracht", bsn=EMMA)  # 14, a pupil of Esdal College in the demo
    html = page(logged_in("leerkracht"), f"/signalen/{signal.uuid}/")
    assert "CJG 12+ team (alternatief voor jeugdigen op het voortgezet onderwijs)" in html
    assert "Jeugdige en ouders" in html and "Ouders of gezagdragers" not in html


def test_advice_is_asked_of_veilig_thuis_without_a_name():
    signal = signal_as("leerkracht")
    client = logged_in("leerkracht")
    assert "Advies vragen aan Veilig Thuis (zonder naam)" in page(client, f"/signalen/{signal.uuid}/")

    question = "Een leerling komt zonder jas en ontbijt: melden of eerst hulp?"
    response = client.post(f"/signalen/{signal.uuid}/advies/", {"adviesvraag": question})

    assert response.status_code == 302
    route = Route.objects.get()
    assert route.kind == RouteKind.ADVICE and route.consent_basis == "niet-nodig"
    assert route.question == question
    html = page(client, f"/signalen/{signal.uuid}/")
    assert "Uw adviesvraag is zonder naam gestuurd naar Veilig Thuis Drenthe." in html
    assert "Gedeeld met Veilig Thuis Drenthe als adviesvraag op" in html


def test_advice_needs_a_question_of_its_own_without_names():
    signal = signal_as("leerkracht")
    response = logged_in("leerkracht").post(f"/signalen/{signal.uuid}/advies/", {"adviesvraag": " "})

    assert response.status_code == 200
    assert "Schrijf uw vraag aan Veilig Thuis" in response.content.decode()
    assert not Route.objects.exists()


def test_the_oggz_agenda_is_offered_only_for_care_avoidance():
    client = logged_in("leerkracht")
    ordinary = signal_as("leerkracht")
    assert "Op de agenda van het OGGZ-overleg" not in page(client, f"/signalen/{ordinary.uuid}/")

    avoiding = signal_as("leerkracht", categories=("zorgmijding",))
    assert "Op de agenda van het OGGZ-overleg" in page(client, f"/signalen/{avoiding.uuid}/")
    response = client.post(f"/signalen/{avoiding.uuid}/oggz/")

    assert response.status_code == 302
    html = page(client, f"/signalen/{avoiding.uuid}/")
    assert "Het signaal staat op de agenda van het OGGZ-overleg van" in html
    assert "Staat op de agenda van het OGGZ-overleg van" in html
    assert client.post(f"/signalen/{ordinary.uuid}/oggz/").status_code == 302
    assert "het signaal noemt geen zorgmijding" in page(client, f"/signalen/{ordinary.uuid}/")
