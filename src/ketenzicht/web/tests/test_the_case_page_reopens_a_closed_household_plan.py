"""When the problems return, a team whose household plan was closed reopens it from its case page
(**Gezinsplan heropenen**): the plan is a draft again and the team takes part in it."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from ketenzicht.plans import household_plan
from ketenzicht.plans.models import HouseholdPlan, PlanCloseReason, PlanStatus
from ketenzicht.plans.tests.conftest import (
    WEDNESDAY,
    acting,
    de_vries,
    emmen,  # noqa: F401 (the fixture)
)
from ketenzicht.plans.tests.plan_support import agreed_plan
from ketenzicht.plans.tests.support import application

from .vir_login import logged_in

pytestmark = pytest.mark.usefixtures("emmen")
LATER = datetime(2027, 3, 3, 9, tzinfo=ZoneInfo("Europe/Amsterdam"))


def test_a_team_reopens_the_closed_plan_from_its_case_page():
    plan = agreed_plan()
    household_plan.close_plan(*acting("cjg-demonden"), plan, reason=PlanCloseReason.SOLVED,
                              explanation="Het gaat goed.", now=WEDNESDAY + timedelta(days=1))
    case = application("cjg-demonden", LATER)  # the family applies again
    with time_machine.travel(LATER, tick=False):
        client = logged_in("cjg-demonden")
        page = client.get(f"/casussen/{case.uuid}/").content.decode()
        assert "Gezinsplan heropenen" in page and "Het gezinsplan is gesloten." in page
        response = client.post(f"/huishoudens/{de_vries().uuid}/plan/openen/")
    assert response.status_code == 302 and response["Location"] == f"/huishoudens/{de_vries().uuid}/plan/"
    plan = HouseholdPlan.objects.get(pk=plan.pk)
    assert plan.status == PlanStatus.DRAFT and plan.versions.last().summary.startswith("Heropend")
    with time_machine.travel(LATER, tick=False):
        page = client.get(f"/casussen/{case.uuid}/").content.decode()
    assert "Gezinsplan heropenen" not in page and "Naar het gezinsplan" in page
