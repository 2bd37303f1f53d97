"""The household page leads on: to the household plan for an organisation that takes part in it
(also one without a case of its own, such as the GGZ added to the plan), and to the team's own
open case for that team. An involved organisation that is neither (the school) gets no link, and
no organisation is led to another team's case. One query each."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from ketenzicht.plans.access import is_plan_member_of, own_open_case
from ketenzicht.plans.models import Case
from ketenzicht.plans.tests.conftest import (
    de_vries,
    emmen,  # noqa: F401 (the fixture)
    professional,
)
from ketenzicht.plans.tests.plan_support import agreed_plan, involved, join

from .vir_login import logged_in

pytestmark = pytest.mark.usefixtures("emmen")


@pytest.fixture(autouse=True)
def _thursday():
    with time_machine.travel(datetime(2026, 11, 26, 9, tzinfo=ZoneInfo("Europe/Amsterdam")), tick=False):
        yield


def _links(username: str) -> tuple[bool, set[str]]:
    """Whether the page links the plan, and the cases it links."""
    response = logged_in(username).get(f"/huishoudens/{de_vries().uuid}/")
    assert response.status_code == 200
    page = response.content.decode()
    cases = {str(case.uuid) for case in Case.objects.all() if f"/casussen/{case.uuid}/" in page}
    return f"/huishoudens/{de_vries().uuid}/plan/" in page, cases


def test_members_reach_the_plan_and_teams_their_own_open_case():
    plan = agreed_plan()
    join(plan, "ggz")  # a plan member without a case
    involved("sgt-demonden")  # a team with its own case, no plan member
    cjg_case = Case.objects.get(team=professional("cjg-demonden").organisation)
    sgt_case = Case.objects.get(team=professional("sgt-demonden").organisation)
    assert _links("cjg-demonden") == (True, {str(cjg_case.uuid)})
    assert _links("ggz") == (True, set())
    assert _links("sgt-demonden") == (False, {str(sgt_case.uuid)})
    assert _links("leerkracht") == (False, set())  # involved with Daan, neither member nor team


def test_each_way_on_is_one_query(django_assert_num_queries):
    agreed_plan()
    cjg, school = professional("cjg-demonden"), professional("leerkracht")
    household = de_vries()
    with django_assert_num_queries(1):
        assert own_open_case(cjg, household) is not None
    with django_assert_num_queries(1):
        assert is_plan_member_of(cjg, household)
    with django_assert_num_queries(1):
        assert not is_plan_member_of(school, household)
