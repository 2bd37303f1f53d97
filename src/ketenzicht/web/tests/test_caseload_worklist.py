"""The caseload on the worklist: whoever holds a case sees its next step with its deadline
(overdue marked), the teamleider sees the cases still to assign, the receiver of a handover sees
it to accept or decline. Items name no family (the worklist is no audited read)."""

from datetime import timedelta

import pytest
import time_machine

from ketenzicht.plans import cases
from ketenzicht.plans.tests.conftest import WEDNESDAY, acting, emmen  # noqa: F401 (the fixture)
from ketenzicht.web.plans.worklist import caseload_work

from .case_support import application_case, assign
from .vir_login import logged_in

pytestmark = pytest.mark.usefixtures("emmen")


def _items(username: str, at=WEDNESDAY):
    with time_machine.travel(at, tick=False):
        return list(caseload_work(acting(username)[0]))


def test_the_holder_sees_the_next_step_with_its_deadline_and_a_passed_one_marked():
    case = assign(application_case())

    [item] = _items("cjg-demonden")
    assert (item.title, item.url, str(item.due)) == (
        "Casus: eerste contact met het gezin", f"/casussen/{case.uuid}/", "2026-12-02")
    assert item.detail == "Casus geopend op 25-11-2026."
    [late] = _items("cjg-demonden", at=WEDNESDAY + timedelta(days=9))
    assert late.detail == "Casus geopend op 25-11-2026. De termijn is verstreken."
    cases.record_first_contact(*acting("cjg-demonden"), case, WEDNESDAY)
    [intake] = _items("cjg-demonden")
    assert (intake.title, str(intake.due)) == ("Casus: intake", "2026-12-23")


def test_the_teamleider_sees_the_cases_still_to_assign():
    case = application_case()

    [item] = _items("teamleider-demonden")
    assert item.title == "Casus toewijzen aan een professional van het team"
    assert item.url == f"/casussen/{case.uuid}/"
    assert "Volgende stap: eerste contact met het gezin." in item.detail
    assert _items("cjg-demonden") == []


def test_the_receiver_sees_the_handover_to_answer_until_answered():
    case = application_case()
    handover = cases.hand_over(*acting("teamleider-demonden"), case, acting("cjg-demonden")[0], WEDNESDAY)

    [item] = _items("cjg-demonden")
    assert item.title == "Overdracht van een casus aannemen of weigeren"
    assert item.detail.startswith("Van Hilde Boelens, gevraagd op 25-11-2026 10:00.")
    cases.accept_handover(*acting("cjg-demonden"), handover, WEDNESDAY)
    assert [i.title for i in _items("cjg-demonden")] == ["Casus: eerste contact met het gezin"]


def test_items_name_no_family_and_reach_the_worklist_page():
    assign(application_case())
    for item in _items("cjg-demonden"):
        assert "Vries" not in item.title + item.detail
    with time_machine.travel(WEDNESDAY, tick=False):
        page = logged_in("cjg-demonden").get("/").content.decode()
    assert "Casus: eerste contact met het gezin" in page
