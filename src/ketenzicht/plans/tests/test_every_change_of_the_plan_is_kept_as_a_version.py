"""Every change of the plan is kept as a version: who, when, a Dutch summary of what changed and
the plan as it then read; the plan's version number goes up with it."""

from datetime import timedelta

import pytest

from ketenzicht.plans import household_plan
from ketenzicht.plans.household_plan import PlanRefused
from ketenzicht.plans.models import LifeArea

from .conftest import WEDNESDAY, acting, professional
from .plan_support import action_for, draft_plan


def test_each_change_is_a_version_with_who_when_and_what(emmen):
    plan = draft_plan()
    later = WEDNESDAY + timedelta(hours=1)
    household_plan.update_texts(*acting("cjg-demonden"), plan, {
        "family_question": "Rust in huis.", "strengths": "Oma helpt elke week."}, later)
    household_plan.add_concern(*acting("cjg-demonden"), plan, LifeArea.INCOME, "Schulden bij de energie.",
                               later)
    action_for(plan, "cjg-demonden", now=later)
    plan.refresh_from_db()
    versions = list(plan.versions.all())
    assert plan.version == 4 == versions[-1].number
    assert [v.summary for v in versions[1:]] == [
        "Gewijzigd: de vraag van het gezin en de krachten.",
        "Zorg toegevoegd bij inkomen.",
        "1 actie toegevoegd.",
    ]
    assert {v.changed_by for v in versions} == {professional("cjg-demonden")}
    assert versions[1].changed_at == later
    assert versions[1].snapshot["family_question"] == "Rust in huis."
    assert versions[0].snapshot["family_question"] == ""
    assert versions[3].snapshot["actions"][0]["what"] == "Gesprek met Daan over school"


def test_no_change_writes_no_version(emmen):
    plan = draft_plan()
    household_plan.update_texts(*acting("cjg-demonden"), plan, {"strengths": ""}, WEDNESDAY)
    plan.refresh_from_db()
    assert plan.version == 1 and plan.versions.count() == 1


def test_a_goal_without_how_progress_is_seen_is_refused_with_all_its_problems(emmen):
    plan = draft_plan()
    with pytest.raises(PlanRefused) as refused:
        household_plan.add_goal(*acting("cjg-demonden"), plan, member=None, goal="", progress_sign="",
                                now=WEDNESDAY)
    assert [field for field, _message in refused.value.problems] == ["goal", "progress_sign"]
    plan.refresh_from_db()
    assert plan.version == 1
