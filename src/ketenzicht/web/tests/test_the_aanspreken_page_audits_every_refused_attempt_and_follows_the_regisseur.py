"""The aanspreken page audits like every other opener: an unknown call is a denied attempt; a
POST by someone who sees the call but may not answer it is a denied write (403), not a read.
After a change of regisseur the new regisseur follows the call up and the former one, who asked,
no longer sees it (404, audited)."""

import uuid
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from ketenzicht.audit.models import AuditEvent, EventType, Outcome
from ketenzicht.leads.services import accept_change, pending_change
from ketenzicht.plans import accountability
from ketenzicht.plans.tests.conftest import (
    WEDNESDAY,
    acting,
    de_vries,
    emmen,  # noqa: F401 (the fixture)
    professional,
)
from ketenzicht.plans.tests.plan_support import action_for, agreed_plan, choose_regisseur, involved

from .vir_login import logged_in

pytestmark = pytest.mark.usefixtures("emmen")


@pytest.fixture(autouse=True)
def _thursday():
    with time_machine.travel(datetime(2026, 11, 26, 9, tzinfo=ZoneInfo("Europe/Amsterdam")), tick=False):
        yield


def _events(username: str, **filters):
    return AuditEvent.objects.filter(object_type=accountability.OBJECT,
                                     user_id=str(professional(username).uuid), **filters)


def _call():
    plan = agreed_plan()
    action = action_for(plan, "ggz", what="Behandeling moeder")
    return plan, accountability.call_to_account(*acting("cjg-demonden"), action, question="Gestart?",
                                                due_on=date(2026, 12, 10), now=WEDNESDAY)


def test_an_unknown_call_is_a_denied_attempt():
    unknown = uuid.uuid4()
    assert logged_in("ggz").get(f"/aanspreken/{unknown}/").status_code == 404
    assert _events("ggz", object_id=str(unknown), outcome=Outcome.DENIED).count() == 1


def test_a_post_by_one_who_sees_but_may_not_answer_is_a_denied_write():
    _plan, item = _call()
    response = logged_in("cjg-demonden").post(f"/aanspreken/{item.uuid}/", {"answer": "Ik antwoord zelf."})
    assert response.status_code == 403
    assert not _events("cjg-demonden", event_type=EventType.READ, outcome=Outcome.SUCCESS).exists()
    assert _events("cjg-demonden", event_type=EventType.UPDATE, outcome=Outcome.DENIED).count() == 4
    item.refresh_from_db()
    assert item.answered_at is None


def test_after_a_change_of_regisseur_the_former_one_no_longer_sees_the_call():
    plan, item = _call()
    involved("sgt-demonden")
    choose_regisseur(plan, regisseur="sgt-demonden")
    accept_change(*acting("sgt-demonden"), pending_change(plan.household), now=WEDNESDAY)
    assert logged_in("sgt-demonden").get(f"/aanspreken/{item.uuid}/").status_code == 200
    assert logged_in("cjg-demonden").get(f"/aanspreken/{item.uuid}/").status_code == 404
    assert _events("cjg-demonden", outcome=Outcome.DENIED).count() == 4  # one per member of De Vries
    assert de_vries().memberships.filter(until__isnull=True).count() == 4
