"""Kindcheck: the button only for adult care and only on an adult's page; every check is recorded;
a positive check with concerns opens a signal about the child, naming the client as the parent
the concern is about, and lands on its Meldcode guide."""

import pytest

from ketenzicht.signals.models import ChildCheck, Signal
from ketenzicht.signals.tests.conftest import ANJA, LINDA, NOAH, emmen  # noqa: F401 (the fixture)

from .signal_support import error_of, page, person
from .vir_login import logged_in

pytestmark = pytest.mark.usefixtures("emmen")

NO_CHILDREN = {"children_in_home": "nee", "cares_for_children": "nee",
               "partner_has_children": "nee", "pregnant": "nee", "zorgen": "nee"}


def test_kindcheck_button_shows_for_adult_care_on_an_adult_only():
    ggz = logged_in("ggz")
    linda, noah = person(LINDA), person(NOAH)
    assert f'href="/personen/{linda.uuid}/kindcheck/">Kindcheck</a>' in page(ggz, f"/personen/{linda.uuid}/")
    assert "kindcheck/" not in page(ggz, f"/personen/{noah.uuid}/")
    # Not adult care: no kindcheck on an adult's page, and the page itself is refused.
    school = logged_in("leerkracht")  # Anja is in view through her son Daan, the school's pupil
    anja = person(ANJA)
    html = page(school, f"/personen/{anja.uuid}/")
    assert "kindcheck/" not in html and "Signaal vastleggen" in html
    assert school.get(f"/personen/{anja.uuid}/kindcheck/").status_code == 403


def test_kindcheck_page_asks_the_four_questions_in_dutch():
    html = page(logged_in("ggz"), f"/personen/{person(LINDA).uuid}/kindcheck/")
    for question in ("Wonen er kinderen (jonger dan 18) in het huishouden van de cliënt?",
                     "Zorgt de cliënt (ook) voor kinderen die elders wonen?",
                     "Heeft de partner van de cliënt kinderen?",
                     "Is de cliënt of diens partner zwanger?",
                     "Heeft u zorgen over de veiligheid of ontwikkeling van de kinderen?"):
        assert question in html
    # The category proposal of volwassen-GGZ is preselected.
    assert 'value="psychiatrie-ouder" id="id_categorieen_8" class="utrecht-checkbox ' \
           'utrecht-checkbox--html-input" checked' in html


def test_a_negative_kindcheck_is_recorded_and_returns_to_the_person():
    linda = person(LINDA)
    client = logged_in("ggz")

    response = client.post(f"/personen/{linda.uuid}/kindcheck/", NO_CHILDREN)

    assert response.status_code == 302 and response["Location"] == f"/personen/{linda.uuid}/"
    assert "Kindcheck vastgelegd" in page(client, response["Location"])
    assert not ChildCheck.objects.get().signals.exists()


def test_an_unanswered_question_is_shown_next_to_it():
    html = logged_in("ggz").post(f"/personen/{person(LINDA).uuid}/kindcheck/", {
        **NO_CHILDREN, "pregnant": ""}).content.decode()
    assert error_of(html, "id_pregnant") == "Beantwoord deze vraag met ja of nee."
    assert not ChildCheck.objects.exists()


def test_positive_with_concerns_needs_facts_and_then_opens_the_meldcode():
    linda, noah = person(LINDA), person(NOAH)
    client = logged_in("ggz")
    # Noah lives with Linda: the page offers him, ticked, as the child the concern is about.
    form = page(client, f"/personen/{linda.uuid}/kindcheck/")
    assert f'value="{noah.uuid}"' in form and "Noah Bakker (" in form
    positive = {**NO_CHILDREN, "children_in_home": "ja", "zorgen": "ja", "kinderen": [noah.uuid],
                "categorieen": ["psychiatrie-ouder"], "urgentie": "regulier"}

    html = client.post(f"/personen/{linda.uuid}/kindcheck/", positive).content.decode()
    assert error_of(html, "id_waarneming") == "Beschrijf wat u zelf heeft waargenomen (feiten)."
    assert not Signal.objects.exists()

    response = client.post(f"/personen/{linda.uuid}/kindcheck/", {
        **positive, "waarneming": "Moeder is opgenomen geweest; Noah (2) is dan bij de buren."})

    signal = Signal.objects.get()
    assert (signal.person, signal.concerns_parent) == (noah, linda)
    assert signal.child_check == ChildCheck.objects.get()
    assert response["Location"] == f"/signalen/{signal.uuid}/#meldcode"
    html = page(client, f"/signalen/{signal.uuid}/")
    assert "Signaal over Noah Bakker" in html
    assert "Kindcheck vastgelegd. Er is een signaal geopend over Noah Bakker" in html
    assert "Zorgen over de ouder" in html and "Linda Bakker (uit de kindcheck)" in html
    assert "Stap 2 vastleggen" in html
