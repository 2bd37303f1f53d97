"""Each action on the route page (Aannemen, Triage / Veiligheidsbeoordeling vastleggen, Hulp is
gestart, Route beëindigen) changes the route's state, says so, and tells the signaller; the page
shows what the signaller was told. A refusal of the service is shown in Dutch."""

import pytest
import time_machine

from ketenzicht.signals.models import Feedback, FeedbackMoment, RouteStatus
from ketenzicht.signals.tests.conftest import OFFICE_HOURS, emmen  # noqa: F401 (the fixture)

from .desk_support import report_to_veilig_thuis, shared_signal
from .vir_login import logged_in

pytestmark = pytest.mark.usefixtures("emmen")


def _moments(route) -> list[str]:
    return list(Feedback.objects.filter(route=route).order_by("id").values_list("moment", flat=True))


def test_accept_triage_help_and_end_each_change_state_and_give_feedback():
    route = shared_signal()
    client = logged_in("cjg-demonden")
    url = f"/loket/{route.uuid}/"

    page = client.post(f"{url}aannemen/", follow=True).content.decode()
    assert "U heeft het signaal aangenomen." in page and "Status: <strong>Aangenomen</strong>" in page
    assert "Teruggekoppeld aan de melder" in page and "Het loket heeft uw signaal aangenomen" in page
    assert _moments(route) == [FeedbackMoment.ACCEPTED]
    # The local team triages: its own outcomes, not Veilig Thuis's investigation.
    assert 'value="eigen-hulp"' in page and 'value="onderzoek"' not in page
    assert "Route beëindigen" not in page  # not before help has started

    page = client.post(f"{url}beoordelen/", {
        "uitkomst": "eigen-hulp", "melder_houdt_rol": "on",
        "veiligheidsvoorwaarden": "School meldt elke dag dat Daan zonder ontbijt komt.",
    }, follow=True).content.decode()
    assert "De triage is vastgelegd." in page and "Status: <strong>Beoordeeld</strong>" in page
    assert "Afgesproken veiligheidsvoorwaarden: School meldt elke dag" in page
    assert _moments(route) == [FeedbackMoment.ACCEPTED, FeedbackMoment.ASSESSED]
    assert "Route beëindigen" not in page

    page = client.post(f"{url}hulp-gestart/", {"hulp_door": "jeugdhulp-zuidoost-drenthe"},
                       follow=True).content.decode()
    route.refresh_from_db()
    assert route.help_with.slug == "jeugdhulp-zuidoost-drenthe"
    assert f"Vastgelegd dat de hulp is gestart door {route.help_with.name}." in page
    assert "Status: <strong>Hulp gestart</strong>" in page
    assert _moments(route)[-1] == FeedbackMoment.HELP_STARTED
    assert "Route beëindigen" in page

    page = client.post(f"{url}beeindigen/", follow=True).content.decode()
    assert "De route is beëindigd." in page and "Status: <strong>Beëindigd</strong>" in page
    assert _moments(route)[-1] == FeedbackMoment.ENDED
    assert 'action="/loket/' not in page  # no actions left
    assert f'href="{url}"' not in logged_in("cjg-demonden").get("/loket/").content.decode()


def test_help_started_by_the_desk_itself_when_no_other_organisation_is_chosen():
    route = shared_signal()
    client = logged_in("cjg-demonden")
    client.post(f"/loket/{route.uuid}/aannemen/")
    page = client.post(f"/loket/{route.uuid}/hulp-gestart/", {"hulp_door": ""},
                       follow=True).content.decode()
    assert "Vastgelegd dat de hulp is gestart door CJG-Jeugdteam De Monden." in page


def test_refusals_are_shown_in_dutch_and_change_nothing():
    route = shared_signal()
    client = logged_in("cjg-demonden")
    client.post(f"/loket/{route.uuid}/aannemen/")

    again = client.post(f"/loket/{route.uuid}/aannemen/", follow=True).content.decode()
    assert "Dit kan niet meer: de route is aangenomen." in again

    page = client.post(f"/loket/{route.uuid}/beoordelen/", {
        "uitkomst": "eigen-hulp", "melder_houdt_rol": "on"}).content.decode()
    assert "De melder houdt een rol: leg de afgesproken veiligheidsvoorwaarden vast." in page
    assert 'id="id_veiligheidsvoorwaarden_fout"' in page
    missing = client.post(f"/loket/{route.uuid}/beoordelen/", {}).content.decode()
    assert "Kies de uitkomst van de beoordeling." in missing
    too_early = client.post(f"/loket/{route.uuid}/beeindigen/", follow=True).content.decode()
    assert "Een route eindigt pas als de hulp is gestart." in too_early
    route.refresh_from_db()
    assert route.status == RouteStatus.ACCEPTED
    assert _moments(route) == [FeedbackMoment.ACCEPTED]


def test_veilig_thuis_hands_over_to_the_local_team_and_stays_responsible_until_it_accepts():
    report = report_to_veilig_thuis()
    with time_machine.travel(OFFICE_HOURS, tick=False):
        vt = logged_in("veiligthuis")
        vt.post(f"/loket/{report.uuid}/aannemen/")
        page = vt.get(f"/loket/{report.uuid}/").content.decode()
        assert "Veiligheidsbeoordeling vastleggen" in page
        assert 'value="onderzoek"' in page and 'value="eigen-hulp"' not in page
        assert ('<label class="utrecht-form-label" for="id_overdragen_aan">Overdragen aan</label>'
                in page)

        page = vt.post(f"/loket/{report.uuid}/beoordelen/", {
            "uitkomst": "lokaal-team", "overdragen_aan": "cjg-de-monden"},
            follow=True).content.decode()

    assert "De veiligheidsbeoordeling is vastgelegd." in page
    assert "De overdracht aan CJG-Jeugdteam De Monden wacht op aanname" in page
    # Warm handover: Veilig Thuis stays responsible until the team accepts, by 12:00 the next
    # working day (OFFICE_HOURS is a Wednesday).
    assert "Status: <strong>Beoordeeld</strong>" in page
    assert ("Overdracht aan <strong>CJG-Jeugdteam De Monden</strong> uiterlijk 26 november 2026 "
            "12:00.") in page
    assert "Het team heeft de overdracht nog niet aangenomen" in page
    assert "Route beëindigen" not in page
    assert "Er is een route gestart met CJG-Jeugdteam De Monden" in page
    handover = report.signal.routes.get(desk__slug="cjg-de-monden")
    team = logged_in("cjg-demonden")
    assert f'href="/loket/{handover.uuid}/"' in team.get("/loket/").content.decode()

    accepted = team.post(f"/loket/{handover.uuid}/aannemen/", follow=True).content.decode()
    assert "Overdracht van <strong>Veilig Thuis Drenthe</strong>" in accepted
    after = logged_in("veiligthuis").get(f"/loket/{report.uuid}/").content.decode()
    assert "Status: <strong>Overgedragen</strong>" in after
    assert "Het team heeft de overdracht aangenomen." in after
    assert _moments(report)[-1] == FeedbackMoment.HANDED_OVER
