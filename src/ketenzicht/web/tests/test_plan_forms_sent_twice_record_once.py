"""A plan form that creates something — a concern, a goal, an action, a member, a review, an
aanspreken — sent twice (a double click, "back" and send again) records it once: the second submit
shows the first one's result."""

import uuid
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from ketenzicht.plans.models import Accountability, PlanAction, PlanConcern, PlanGoal, PlanMember, PlanVersion
from ketenzicht.plans.tests.conftest import (
    de_vries,
    emmen,  # noqa: F401 (the fixture)
    professional,
)
from ketenzicht.plans.tests.plan_support import action_for, agreed_plan, involved

from .vir_login import logged_in

pytestmark = pytest.mark.usefixtures("emmen")


@pytest.fixture(autouse=True)
def _thursday():
    """Every clock on the day after the plan was agreed."""
    with time_machine.travel(datetime(2026, 11, 26, 9, tzinfo=ZoneInfo("Europe/Amsterdam")), tick=False):
        yield

PARTS = {
    "zorg": ({"area": "gezin", "concern": "Veel ruzie thuis."}, PlanConcern),
    "doel": ({"member": "", "goal": "Rust in huis", "progress_sign": "Daan slaapt door."}, PlanGoal),
    "actie": ({"holder_kind": "gezinslid", "holder_name": "Anja", "what": "Belt de huisarts.",
               "due_on": "2026-12-10"}, PlanAction),
    "deelnemer": ({}, PlanMember),  # the sociaal gebiedsteam, involved with its own case
    "evaluatie": ({"held_on": "2026-11-25", "summary": "Het gaat beter."}, PlanVersion),
}


@pytest.mark.parametrize("part", PARTS)
def test_a_part_sent_twice_is_recorded_once(part):
    agreed_plan()
    involved("sgt-demonden")
    data, model = PARTS[part]
    client = logged_in("cjg-demonden")
    url = f"/huishoudens/{de_vries().uuid}/plan/{part}/"
    assert 'name="formulier"' in client.get(url).content.decode()
    if part == "deelnemer":
        data = {**data, "organisation": professional("sgt-demonden").organisation.slug}
    data = {**data, "formulier": str(uuid.uuid4())}
    before = model.objects.count()
    first = client.post(url, data)
    second = client.post(url, data)
    assert first.status_code == second.status_code == 302
    assert second.url == first.url
    assert model.objects.count() == before + 1


def test_an_aanspreken_sent_twice_is_one_call():
    plan = agreed_plan()
    action = action_for(plan, "ggz", what="Behandeling moeder")
    client = logged_in("cjg-demonden")
    url = f"/huishoudens/{de_vries().uuid}/plan/acties/{action.uuid}/aanspreken/"
    data = {"question": "Is de behandeling gestart?", "due_on": "2026-12-10", "formulier": str(uuid.uuid4())}
    first = client.post(url, data)
    second = client.post(url, data)
    assert first.status_code == second.status_code == 302 and second.url == first.url
    assert Accountability.objects.count() == 1
    assert "U had dit formulier al verstuurd" in client.get(second.url).content.decode()
