"""First contact is a step of the case: only a case that waits for it records it. A family's own
application with a *ja* on a risk question makes the assessment the next step at once (the family
came to the team themselves); the case page then offers no first contact, and a page opened
before (a stale button) is told which step the case waits for instead of "al vastgelegd"."""

import pytest
import time_machine

from ketenzicht.plans import cases
from ketenzicht.plans.models import Milestone
from ketenzicht.refusals import RefusalKind, Refused
from ketenzicht.web.tests.vir_login import logged_in

from .conftest import WEDNESDAY, acting
from .intake_support import YES, apply

pytestmark = pytest.mark.usefixtures("emmen", "on_wednesday")


@pytest.fixture
def on_wednesday():
    with time_machine.travel(WEDNESDAY, tick=False):
        yield


def test_a_case_waiting_for_its_assessment_names_that_step_and_keeps_it():
    case = apply((YES, "nee", "nee"))
    due = case.next_due
    assert case.next_milestone == Milestone.ASSESSMENT

    with pytest.raises(Refused) as refused:
        cases.record_first_contact(*acting("cjg-demonden"), case)

    assert (refused.value.code, refused.value.kind) == ("voorbij-eerste-contact", RefusalKind.CONFLICT)
    assert refused.value.message == ("Deze casus wacht niet meer op het eerste contact: de volgende stap "
                                     f"is: risicotaxatie (uiterlijk {due:%d-%m-%Y}).")
    case.refresh_from_db()
    assert (case.next_milestone, case.next_due) == (Milestone.ASSESSMENT, due)


def test_the_case_page_offers_no_first_contact_and_a_stale_button_tells_the_next_step():
    case = apply((YES, "nee", "nee"))
    client = logged_in("cjg-demonden")
    assert "Eerste contact vastleggen" not in client.get(f"/casussen/{case.uuid}/").content.decode()

    page = client.post(f"/casussen/{case.uuid}/eerste-contact/", follow=True).content.decode()

    assert f"de volgende stap is: risicotaxatie (uiterlijk {case.next_due:%d-%m-%Y})" in page
    assert "al vastgelegd" not in page


def test_a_case_that_recorded_its_first_contact_says_so():
    case = apply(None)  # no risk questions at the application: the case waits for first contact
    assert case.next_milestone == Milestone.FIRST_CONTACT
    client = logged_in("cjg-demonden")
    assert "Eerste contact vastleggen" in client.get(f"/casussen/{case.uuid}/").content.decode()
    cases.record_first_contact(*acting("cjg-demonden"), case)

    with pytest.raises(Refused) as refused:
        cases.record_first_contact(*acting("cjg-demonden"), case)

    assert refused.value.code == "al-vastgelegd"
    assert refused.value.message == "Het eerste contact is al vastgelegd."
