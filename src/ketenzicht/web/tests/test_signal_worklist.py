"""The signal flow on the worklist: the signaller's next Meldcode step with its deadline, and a
desk's routes to accept or to assess and crisis handovers to take over, each with its deadline
and marked when overdue. Items name no person and no BSN, and the list costs a fixed number of
queries whatever its length."""

from datetime import datetime

import pytest
import time_machine

from ketenzicht.signals import desks
from ketenzicht.signals.tests.conftest import (  # noqa: F401 (the fixture)
    AMSTERDAM,
    ANJA,
    DAAN,
    EMMA,
    OFFICE_HOURS,
    acting,
    emmen,
    signal_as,
)
from ketenzicht.web.signals.worklist import signal_work

from .desk_support import FOR_SAFETY, crisis_desk_professional, report_to_veilig_thuis, shared_signal
from .vir_login import logged_in, professional

pytestmark = pytest.mark.usefixtures("emmen")

NAMES_AND_NUMBERS = ("Daan", "Vries", "Emma", "Anja", DAAN, EMMA, ANJA)


def at(*moment: int) -> time_machine.travel:
    return time_machine.travel(datetime(*moment, tzinfo=AMSTERDAM), tick=False)


def _items(username: str) -> list:
    return list(signal_work(professional(username)))


def _assert_anonymous(items) -> None:
    for item in items:
        text = f"{item.title} {item.detail} {item.url}"
        for part in NAMES_AND_NUMBERS:
            assert part not in text, (part, text)


def test_signaller_sees_the_next_meldcode_step_with_its_deadline():
    signal = signal_as("leerkracht")
    with at(2026, 11, 26, 9, 0):
        [item] = _items("leerkracht")
        page = logged_in("leerkracht").get("/").content.decode()
    assert item.title == "Meldcode: stap 2: collegiale consultatie en advies"
    assert item.url == f"/signalen/{signal.uuid}/"
    assert item.due.isoformat() == "2026-12-02"
    assert "verstreken" not in item.detail
    assert f'href="/signalen/{signal.uuid}/"' in page and "uiterlijk 2 december 2026" in page
    _assert_anonymous([item])


def test_a_meldcode_step_left_lying_is_marked_overdue():
    signal_as("leerkracht")
    with at(2026, 12, 3, 9, 0):
        [item] = _items("leerkracht")
        page = logged_in("leerkracht").get("/").content.decode()
    assert "De termijn is verstreken." in item.detail
    assert "De termijn is verstreken." in page


def test_a_shared_signal_leaves_the_meldcode_list_and_enters_the_desks():
    route = shared_signal()
    assert [i for i in _items("leerkracht") if i.url.startswith("/signalen/")] == []
    [item] = _items("cjg-demonden")
    assert item.title == "Nieuw signaal aannemen" and item.url == f"/loket/{route.uuid}/"
    assert item.due.isoformat() == "2026-11-27"  # the team's 2 working days to accept
    desks.accept(*acting("cjg-demonden"), route, now=OFFICE_HOURS)
    [item] = _items("cjg-demonden")
    assert item.title == "Triage vastleggen"
    _assert_anonymous([item])


def test_veilig_thuis_sees_reports_to_accept_and_assess_with_the_5_day_deadline():
    route = report_to_veilig_thuis()
    with at(2026, 11, 26, 9, 0):
        [item] = _items("veiligthuis")
    assert item.title == "Nieuwe melding aannemen"
    assert item.due.isoformat() == "2026-12-02" and "Termijn verstreken" not in item.detail
    desks.accept(*acting("veiligthuis"), route, now=OFFICE_HOURS)
    with at(2026, 12, 2, 17, 1):
        [item] = _items("veiligthuis")
        page = logged_in("veiligthuis").get("/").content.decode()
    assert item.title == "Veiligheidsbeoordeling vastleggen"
    assert "Termijn verstreken: uiterlijk 02-12-2026 17:00." in item.detail
    assert "Termijn verstreken" in page
    desks.record_assessment(*acting("veiligthuis"), route, "onderzoek", now=OFFICE_HOURS)
    assert _items("veiligthuis") == []
    _assert_anonymous([item])


def test_crisis_handover_to_take_over_by_noon_on_the_next_working_day():
    crisis_desk_professional("spoed")
    spoed_route = shared_signal(now=datetime(2026, 11, 28, 22, 0, tzinfo=AMSTERDAM),
                                share=FOR_SAFETY, categories=("crisis-jeugdige",), urgency="acuut")
    [item] = _items("cjg-demonden")
    assert item.title == "Overdracht van Spoed4Jeugd aannemen"
    assert item.url == f"/loket/{spoed_route.handed_over_to.uuid}/"
    assert item.due.isoformat() == "2026-11-30"
    [own] = _items("spoed")
    assert own.title == "Crisis aannemen" and own.url == f"/loket/{spoed_route.uuid}/"


def test_not_for_roles_without_client_work():
    shared_signal()
    assert _items("beleid") == []


def test_worklist_is_a_fixed_number_of_queries(django_assert_max_num_queries):
    def fill(bsns):
        for bsn in bsns:
            signal_as("cjg-demonden", bsn)  # the team's own Meldcode
            shared_signal(bsn=bsn, share=FOR_SAFETY)  # a signal to the team
            report_to_veilig_thuis(bsn=bsn, share=FOR_SAFETY)

    fill([DAAN])
    cjg = professional("cjg-demonden")
    with django_assert_max_num_queries(2) as one:
        assert len(list(signal_work(cjg))) == 2
    fill([EMMA, ANJA])
    with django_assert_max_num_queries(2) as three:
        assert len(list(signal_work(cjg))) == 6
    assert len(one.captured_queries) == len(three.captured_queries)
    client = logged_in("veiligthuis")
    with django_assert_max_num_queries(25):
        assert client.get("/").status_code == 200
