"""Roles on the plan's pages: a plan member who is neither the action's holder nor the regisseur
does not reach the action's page (403), nor closes the plan, nor ends another organisation's
membership; the page does not offer it. A non-member gets the 404 of a missing household."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from ketenzicht.plans.models import PlanMember, PlanStatus
from ketenzicht.plans.tests.conftest import (
    de_vries,
    emmen,  # noqa: F401 (the fixture)
    professional,
)
from ketenzicht.plans.tests.plan_support import action_for, agreed_plan, join

from .vir_login import logged_in

pytestmark = pytest.mark.usefixtures("emmen")


@pytest.fixture(autouse=True)
def _thursday():
    """Every clock on the day after the plan was agreed."""
    with time_machine.travel(datetime(2026, 11, 26, 9, tzinfo=ZoneInfo("Europe/Amsterdam")), tick=False):
        yield


def test_a_member_without_the_role_gets_403_and_a_stranger_404():
    plan = agreed_plan()
    action = action_for(plan, "ggz", what="Behandeling moeder")
    join(plan, "sgt-demonden")
    base = f"/huishoudens/{de_vries().uuid}/plan"
    member = PlanMember.objects.get(organisation=professional("ggz").organisation)
    sgt = logged_in("sgt-demonden")
    page = sgt.get(f"{base}/").content.decode()
    assert "Behandeling moeder" in page and f"{base}/acties/{action.uuid}/" not in page
    assert f"{base}/sluiten/" not in page and f"/deelnemers/{member.pk}/beeindigen/" not in page
    assert sgt.get(f"{base}/acties/{action.uuid}/").status_code == 403
    assert sgt.get(f"{base}/sluiten/").status_code == 403
    assert sgt.post(f"{base}/sluiten/", {"reason": "opgelost", "explanation": "Klaar."}).status_code == 403
    assert sgt.post(f"{base}/deelnemers/{member.pk}/beeindigen/").status_code == 403
    assert logged_in("jgz").get(f"{base}/acties/{action.uuid}/").status_code == 404
    plan.refresh_from_db()
    assert plan.status == PlanStatus.AGREED and PlanMember.objects.get(pk=member.pk).ended_at is None
    assert logged_in("ggz").get(f"{base}/acties/{action.uuid}/").status_code == 200  # the holder
    regisseur = logged_in("cjg-demonden").get(f"{base}/").content.decode()
    assert f"{base}/sluiten/" in regisseur and f"/deelnemers/{member.pk}/beeindigen/" in regisseur
