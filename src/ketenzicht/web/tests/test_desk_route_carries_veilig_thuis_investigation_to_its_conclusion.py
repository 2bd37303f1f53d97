"""After "Veilig Thuis onderzoekt zelf" the route page shows the investigation's clock (10 weeks),
offers no "Route beëindigen", and asks for the conclusion: a warm handover to the local team or
an involved care organisation, or help that has started. The teacher hears the conclusion on the
signal page."""

from datetime import datetime

import pytest
import time_machine

from ketenzicht.signals import desks
from ketenzicht.signals.models import RouteStatus
from ketenzicht.signals.tests.conftest import AMSTERDAM, OFFICE_HOURS, emmen  # noqa: F401

from .desk_support import report_to_veilig_thuis
from .vir_login import acting, logged_in

pytestmark = pytest.mark.usefixtures("emmen")


def _investigating():
    """The teacher's report, accepted by Veilig Thuis, which decides to investigate itself."""
    report = report_to_veilig_thuis()
    vt, actor = acting("veiligthuis")
    desks.accept(vt, actor, report, now=OFFICE_HOURS)
    desks.record_assessment(vt, actor, report, "onderzoek", now=OFFICE_HOURS)
    return report, logged_in("veiligthuis")


def test_the_investigation_shows_its_clock_and_asks_for_a_conclusion():
    report, _client = _investigating()
    with time_machine.travel(datetime(2026, 12, 1, 9, tzinfo=AMSTERDAM), tick=False):
        client = logged_in("veiligthuis")
        page = client.get(f"/loket/{report.uuid}/").content.decode()
        inbox = client.get("/loket/").content.decode()
    assert "Onderzoek: uiterlijk 3 februari 2027 17:00" in page
    assert "uiterlijk 3 februari 2027 17:00" in inbox
    assert "Conclusie van het onderzoek vastleggen" in page
    assert 'value="hulp-gestart"' in page and 'value="afsluiten"' not in page
    assert "Route beëindigen" not in page


def test_the_conclusion_hands_over_and_the_teacher_hears_it():
    report, client = _investigating()
    page = client.post(f"/loket/{report.uuid}/onderzoek-afronden/", {
        "conclusie": "lokaal-team", "overdragen_aan": "cjg-de-monden"}, follow=True).content.decode()
    assert "De conclusie van het onderzoek is vastgelegd." in page
    assert "De overdracht aan CJG-Jeugdteam De Monden wacht op aanname" in page
    report.refresh_from_db()
    assert (report.status, report.investigation_conclusion) == (RouteStatus.ASSESSED, "lokaal-team")
    teacher = logged_in("leerkracht").get(f"/signalen/{report.signal.uuid}/").content.decode()
    assert ("Het onderzoek van Veilig Thuis is afgerond. Er is een route gestart met "
            "CJG-Jeugdteam De Monden.") in teacher


def test_a_conclusion_to_the_school_is_refused_next_to_the_field():
    report, client = _investigating()
    page = client.post(f"/loket/{report.uuid}/onderzoek-afronden/", {
        "conclusie": "betrokken-professional", "overdragen_aan": "kristalla"}).content.decode()
    assert 'id="id_overdragen_aan_fout"' in page
    report.refresh_from_db()
    assert (report.investigation_conclusion, report.handed_over_to) == ("", None)
