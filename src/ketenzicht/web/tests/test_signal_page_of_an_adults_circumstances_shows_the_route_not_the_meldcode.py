"""A signal only about an adult's own circumstances (here: debts) starts no Meldcode: its page
says so and shows no steps, no deadline and no step form, but proposes the sociaal gebiedsteam of
the residence district and lets the signaller share it there."""

import pytest

from ketenzicht.signals.tests.conftest import ANJA, emmen, signal_as  # noqa: F401 (the fixture)

from .vir_login import logged_in

pytestmark = pytest.mark.usefixtures("emmen")


def _debts():
    return signal_as("ggz", ANJA, categories=("schulden",), facts="Mevrouw heeft grote schulden.")


def test_the_page_shows_no_meldcode_and_the_route_to_the_sociaal_gebiedsteam():
    signal = _debts()
    page = logged_in("ggz").get(f"/signalen/{signal.uuid}/").content.decode()
    assert "Geen meldcode" in page
    assert "nu aan de beurt" not in page and "Stap 2 vastleggen" not in page
    assert "Advies vragen aan Veilig Thuis" not in page
    assert "Voorgesteld loket nu: <strong>Sociaal gebiedsteam De Monden</strong>" in page
    assert "Signaal delen" in page


def test_sharing_with_the_sociaal_gebiedsteam_works_from_the_page():
    signal = _debts()
    page = logged_in("ggz").post(f"/signalen/{signal.uuid}/delen/", {
        "loket": "sgt-de-monden", "toestemming": "toestemming", "gegeven_door": "client"},
        follow=True).content.decode()
    assert "Het signaal is gedeeld met Sociaal gebiedsteam De Monden" in page
