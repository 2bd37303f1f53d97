"""A case is the team's own record: its professionals and its teamleider open the case page; a
professional of another team, the school that signalled and a policy officer get the same 404 as
for a case that does not exist, and the refused attempt is in each household member's access
report."""

import uuid

import pytest
import time_machine

from ketenzicht.audit.models import AuditEvent, Outcome
from ketenzicht.plans.tests.conftest import WEDNESDAY, emmen  # noqa: F401 (the fixture)

from .case_support import application_case
from .conftest import events_since, last_event_id, without_csrf
from .vir_login import logged_in

pytestmark = pytest.mark.usefixtures("emmen")


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(WEDNESDAY, tick=False):
        yield


@pytest.mark.parametrize("username", ["cjg-demonden", "teamleider-demonden"])
def test_the_teams_professionals_open_the_case_and_each_member_read_is_audited(username):
    case = application_case()
    client = logged_in(username)
    mark = last_event_id()

    page = client.get(f"/casussen/{case.uuid}/")

    assert page.status_code == 200
    assert "Huishouden De Vries" in page.content.decode()
    reads = [e for e in events_since(mark) if e.object_type == "casus" and e.object_id == str(case.uuid)]
    assert len(reads) == 4 and {e.outcome for e in reads} == {Outcome.SUCCESS}  # Daan, Emma, Anja, Marco


@pytest.mark.parametrize("username", ["cjg-emmenzuid", "sgt-demonden", "leerkracht", "beleid"])
def test_anyone_else_gets_the_404_of_a_missing_case_and_the_attempt_is_audited(username):
    case = application_case()
    client = logged_in(username)
    mark = last_event_id()

    refused = client.get(f"/casussen/{case.uuid}/")
    missing = client.get(f"/casussen/{uuid.uuid4()}/")

    assert refused.status_code == missing.status_code == 404
    assert without_csrf(refused.content) == without_csrf(missing.content)
    denied = [e for e in events_since(mark) if e.object_id == str(case.uuid)]
    assert len(denied) == 4 and {e.outcome for e in denied} == {Outcome.DENIED}
    # Nor can they act on it.
    assert client.post(f"/casussen/{case.uuid}/eerste-contact/").status_code == 404
    assert client.post(f"/casussen/{case.uuid}/sluiten/", {
        "reden": "geen-zorgen", "toelichting": "Weg ermee."}).status_code == 404
    case.refresh_from_db()
    assert case.status == "open" and case.next_milestone == "eerste-contact"
    assert AuditEvent.objects.filter(object_id=str(case.uuid), outcome=Outcome.DENIED,
                                     event_type="update").count() == 8
