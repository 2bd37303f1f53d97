"""Veilig Thuis's safety assessment finishes within 5 working days of the report: the Postvak and
the route page show "uiterlijk <datum tijd>" and the working days left, and a clear "Termijn
verstreken" once the deadline has passed without an assessment; an advice request has no such
clock. Crisis handovers show their deadline on both sides: the crisis service's and the
receiving team's."""

from datetime import datetime

import pytest
import time_machine

from ketenzicht.signals import desks
from ketenzicht.signals.tests.conftest import (  # noqa: F401 (the fixture)
    AMSTERDAM,
    OFFICE_HOURS,
    acting,
    emmen,
)

from .desk_support import (
    FOR_SAFETY,
    advice_request,
    crisis_desk_professional,
    report_to_veilig_thuis,
    shared_signal,
)
from .vir_login import logged_in

pytestmark = pytest.mark.usefixtures("emmen")

#: OFFICE_HOURS is Wednesday 25 November 2026: 5 working days later is Wednesday 2 December,
#: the end of that office day.
DUE = "uiterlijk 2 december 2026 17:00"


def at(*moment: int) -> time_machine.travel:
    return time_machine.travel(datetime(*moment, tzinfo=AMSTERDAM), tick=False)


def _inbox(username: str) -> str:
    return logged_in(username).get("/loket/").content.decode()


def test_report_shows_its_deadline_and_the_working_days_left():
    route = report_to_veilig_thuis()
    with at(2026, 11, 26, 10, 0):
        inbox = _inbox("veiligthuis")
        page = logged_in("veiligthuis").get(f"/loket/{route.uuid}/").content.decode()
    assert f"{DUE} (nog 4 werkdagen)" in inbox
    assert f"Veiligheidsbeoordeling: {DUE} (nog 4 werkdagen)" in page
    assert "Termijn verstreken" not in inbox + page
    with at(2026, 12, 2, 16, 0):
        assert f"{DUE} (vandaag)" in _inbox("veiligthuis")


def test_report_without_assessment_after_5_working_days_is_flagged_overdue():
    route = report_to_veilig_thuis()
    with at(2026, 12, 2, 17, 1):
        inbox = _inbox("veiligthuis")
        page = logged_in("veiligthuis").get(f"/loket/{route.uuid}/").content.decode()
    assert '<strong class="kz-warning">Termijn verstreken</strong>' in inbox
    assert "Termijn verstreken" in page and "utrecht-alert--error" in page


def test_accepting_does_not_stop_the_clock_but_the_assessment_does():
    route = report_to_veilig_thuis()
    vt, vt_actor = acting("veiligthuis")
    desks.accept(vt, vt_actor, route, now=OFFICE_HOURS)
    with at(2026, 12, 3, 9, 0):
        assert "Termijn verstreken" in _inbox("veiligthuis")
    desks.record_assessment(vt, vt_actor, route, "onderzoek", now=OFFICE_HOURS)
    with at(2026, 12, 3, 9, 0):
        assert "Termijn verstreken" not in _inbox("veiligthuis")


def test_an_advice_request_has_no_clock():
    """Asked without a name: nobody to assess within 5 working days (the report's term)."""
    route = advice_request()
    with at(2027, 3, 1, 9, 0):
        inbox = _inbox("veiligthuis")
        page = logged_in("veiligthuis").get(f"/loket/{route.uuid}/").content.decode()
    assert f'href="/loket/{route.uuid}/"' in inbox
    assert "uiterlijk" not in inbox + page and "Termijn verstreken" not in inbox + page


def test_crisis_handover_deadline_on_both_sides():
    crisis_desk_professional("spoed")
    saturday_night = datetime(2026, 11, 28, 22, 0, tzinfo=AMSTERDAM)
    spoed_route = shared_signal(now=saturday_night, share=FOR_SAFETY,
                                categories=("crisis-jeugdige",), urgency="acuut")
    team_route = spoed_route.handed_over_to
    assert spoed_route.desk.slug == "spoed4jeugd" and team_route.desk.slug == "cjg-de-monden"
    handover_due = "uiterlijk 30 november 2026 12:00"

    with at(2026, 11, 29, 10, 0):
        spoed = logged_in("spoed")
        spoed_page = spoed.post(f"/loket/{spoed_route.uuid}/aannemen/", follow=True).content.decode()
        team_inbox = _inbox("cjg-demonden")
        team_page = logged_in("cjg-demonden").get(f"/loket/{team_route.uuid}/").content.decode()
    assert f"Overdracht aan <strong>CJG-Jeugdteam De Monden</strong> {handover_due}" in spoed_page
    assert "Overdracht van Spoed4Jeugd" in team_inbox and handover_due in team_inbox
    assert "Overdracht van <strong>Spoed4Jeugd</strong>" in team_page
    # Warm handover: the crisis service cannot let go before the team has accepted.
    assert "Status: <strong>Aangenomen</strong>" in spoed_page
    assert "Route beëindigen" not in spoed_page

    with at(2026, 11, 30, 12, 1):
        assert "Termijn verstreken" in _inbox("spoed")
        assert "Termijn verstreken" in _inbox("cjg-demonden")
        accepted = logged_in("cjg-demonden").post(f"/loket/{team_route.uuid}/aannemen/",
                                                   follow=True).content.decode()
        spoed_after = logged_in("spoed").get(f"/loket/{spoed_route.uuid}/").content.decode()
    assert "U heeft het signaal aangenomen." in accepted
    assert "Het team heeft de overdracht aangenomen." in spoed_after
    assert "Status: <strong>Overgedragen</strong>" in spoed_after
