"""The Meldcode guide on the signal page: each step's form advances the dossier (resumable: the
page always shows where you are), step 3 is skipped only with a reason, the afwegingskader is a
decision tree decided on the server, step 5 offers only what the outcome allows, and reporting
records consent. Overdue steps and the feedback are shown in Dutch."""

from datetime import datetime

import pytest

from ketenzicht.signals import desks
from ketenzicht.signals.models import MeldcodeStep, Route
from ketenzicht.signals.tests.conftest import (  # noqa: F401 (the fixture)
    AMSTERDAM,
    acting,
    emmen,
    signal_as,
)

from .signal_support import error_of, page, squash
from .vir_login import logged_in

pytestmark = pytest.mark.usefixtures("emmen")

CONSULTATION = {"aandachtsfunctionaris": "on", "uitkomst": "Zorgen gedeeld met Marieke.",
                "afspraken": "Juf praat met moeder.", "coordinator": "Marieke Zwiers, IB"}


def _step(client, signal, number: int, data: dict):
    return client.post(f"/signalen/{signal.uuid}/stap/{number}/", data)


def _through_step_3(client, signal) -> None:
    assert _step(client, signal, 2, CONSULTATION).status_code == 302
    assert _step(client, signal, 3, {"actie": "gesprek",
                                     "aantekeningen": "Gesprek met moeder gevoerd."}).status_code == 302


def test_step_2_is_recorded_and_the_guide_resumes_at_step_3():
    signal = signal_as("leerkracht", now=datetime.now(AMSTERDAM))
    client = logged_in("leerkracht")

    response = _step(client, signal, 2, CONSULTATION)

    assert response.status_code == 302 and response["Location"] == f"/signalen/{signal.uuid}/#meldcode"
    # Later, in a new session: the guide resumes where the dossier stands.
    html = squash(page(logged_in("leerkracht"), f"/signalen/{signal.uuid}/"))
    today = f"{datetime.now(AMSTERDAM):%d-%m-%Y}"
    assert f"Stap 2: collegiale consultatie en advies</strong> — gedaan op {today} door Ingrid " \
           "Hofstede" in html
    assert "Marieke Zwiers, IB" in html
    assert "Stap 3: gesprek met betrokkenen</strong> — <span class=\"kz-meldcode__current\">" \
           "nu aan de beurt</span>, uiterlijk" in html
    assert "Termijn verstreken" not in html
    assert "Gesprek vastleggen" in html and "Gesprek overslaan" in html
    assert "Stap 2 vastleggen" not in html


def test_step_2_without_consultation_is_refused_next_to_the_field():
    signal = signal_as("leerkracht")
    html = _step(logged_in("leerkracht"), signal, 2, {**CONSULTATION, "aandachtsfunctionaris": ""}) \
        .content.decode()
    assert error_of(html, "id_aandachtsfunctionaris") == (
        "Raadpleeg de aandachtsfunctionaris en/of vraag advies aan Veilig Thuis.")
    assert signal.dossier.count() == 1


def test_skipping_step_3_without_a_reason_is_refused_with_the_dutch_message():
    signal = signal_as("leerkracht")
    client = logged_in("leerkracht")
    _step(client, signal, 2, CONSULTATION)

    response = _step(client, signal, 3, {"actie": "overslaan", "reden_overslaan": "  "})

    html = response.content.decode()
    assert response.status_code == 200
    assert error_of(html, "id_reden_overslaan") == (
        "Stap 3 mag alleen worden overgeslagen met een reden: leg vast waarom het gesprek iemand "
        "in gevaar brengt.")
    assert not signal.dossier.filter(step=MeldcodeStep.CONVERSATION).exists()

    _step(client, signal, 3, {"actie": "overslaan", "reden_overslaan": "Vader dreigt de school."})
    html = page(client, f"/signalen/{signal.uuid}/")
    assert "Gesprek overgeslagen, reden" in html and "Vader dreigt de school." in html


def test_afwegingskader_asks_the_next_question_and_stops_where_the_tree_decides():
    signal = signal_as("leerkracht")
    client = logged_in("leerkracht")
    _through_step_3(client, signal)
    form = page(client, f"/signalen/{signal.uuid}/")
    assert "Vraag 1 nee: er is geen vermoeden." in form and "Vraag 2 ja:" in form
    assert "Nog niet te zeggen" in form

    html = _step(client, signal, 4, {"vraag1": "ja"}).content.decode()
    assert error_of(html, "id_vraag2") == "Beantwoord vraag 2 van het afwegingskader."

    # Q2 = ja decides: the answers to Q3–Q5 are not asked, so not kept.
    response = _step(client, signal, 4, {"vraag1": "ja", "vraag2": "ja", "vraag3": "ja"})
    assert response.status_code == 302
    entry = signal.dossier.get(step=MeldcodeStep.WEIGHING)
    assert entry.q3_can_organise_help is None
    html = page(client, f"/signalen/{signal.uuid}/")
    assert "Stap 4 is vastgelegd. Uitkomst van het afwegingskader: Melden bij Veilig Thuis." in html
    assert "Uitkomst van het afwegingskader</dt>" in html
    # Step 5 offers only what the outcome allows: reporting (with or without organising help).
    assert 'value="melden"' in html and 'value="melden-en-hulp"' in html
    assert 'value="afsluiten"' not in html and 'value="hulp-organiseren"' not in html


def test_no_suspicion_closes_the_meldcode():
    signal = signal_as("leerkracht")
    client = logged_in("leerkracht")
    _through_step_3(client, signal)
    _step(client, signal, 4, {"vraag1": "nee"})

    _step(client, signal, 5, {"besluit": "afsluiten"})

    html = page(client, f"/signalen/{signal.uuid}/")
    assert "Stap 5 is vastgelegd: afsluiten: geen vermoeden (meer)." in html
    assert "De meldcode van dit signaal is afgerond." in html
    assert "Signaal delen" not in html  # a closed signal is not shared any more


def test_reporting_needs_the_consent_part_and_then_shares_with_veilig_thuis():
    signal = signal_as("leerkracht")
    client = logged_in("leerkracht")
    _through_step_3(client, signal)
    _step(client, signal, 4, {"vraag1": "ja", "vraag2": "ja"})

    html = _step(client, signal, 5, {"besluit": "melden", "toestemming": "veiligheid"}).content.decode()
    assert error_of(html, "id_veiligheidsreden") == (
        "Leg vast waarom de veiligheid vraagt om te delen zonder toestemming.")
    assert not Route.objects.exists()
    assert "Besluit vastleggen" in html  # the step is still open

    response = _step(client, signal, 5, {"besluit": "melden", "toestemming": "toestemming",
                                         "gegeven_door": "ouders"})

    assert response.status_code == 302
    route = Route.objects.get()
    assert route.desk.slug == "veilig-thuis-drenthe" and route.consent_given_by == "ouders"
    html = page(client, f"/signalen/{signal.uuid}/")
    assert "Stap 5 is vastgelegd: u heeft gemeld bij Veilig Thuis Drenthe." in html
    assert "Gedeeld met Veilig Thuis Drenthe als melding (zorgmelding) op" in html


def test_consent_for_a_child_under_12_comes_from_the_parents():
    signal = signal_as("leerkracht")  # Daan is 9
    client = logged_in("leerkracht")
    _through_step_3(client, signal)
    _step(client, signal, 4, {"vraag1": "ja", "vraag2": "ja"})
    html = page(client, f"/signalen/{signal.uuid}/")
    assert "Ouders of gezagdragers" in html and "Jeugdige en ouders" not in html


def test_an_old_signal_left_lying_shows_the_step_as_overdue():
    signal = signal_as("leerkracht", now=datetime(2026, 1, 7, 10, 0, tzinfo=AMSTERDAM))
    html = page(logged_in("leerkracht"), f"/signalen/{signal.uuid}/")
    assert "uiterlijk 14-01-2026" in html and "Termijn verstreken" in html


def test_feedback_reaches_the_signallers_page_in_dutch_without_the_desks_file():
    signal = signal_as("leerkracht", categories=("lichamelijke-mishandeling",), urgency="acuut")
    client = logged_in("leerkracht")
    response = client.post(f"/signalen/{signal.uuid}/delen/", {
        "loket": "veilig-thuis-drenthe", "toestemming": "veiligheid",
        "veiligheidsreden": "Acuut gevaar voor Daan."})
    assert response.status_code == 302
    route = Route.objects.get()
    vt, vt_actor = acting("veiligthuis")
    desks.accept(vt, vt_actor, route)
    desks.record_assessment(vt, vt_actor, route, "lokaal-team", handed_to_slug="cjg-de-monden",
                            signaller_keeps_role=True, safety_conditions="School meldt verzuim direct.")

    html = page(client, f"/signalen/{signal.uuid}/")

    assert "Veilig Thuis Drenthe: Het loket heeft uw signaal aangenomen." in html
    assert ("Veilig Thuis Drenthe: Triage of veiligheidsbeoordeling afgerond. Er is een route "
            "gestart met CJG-Jeugdteam De Monden. Afgesproken veiligheidsvoorwaarden: School meldt "
            "verzuim direct.") in html
