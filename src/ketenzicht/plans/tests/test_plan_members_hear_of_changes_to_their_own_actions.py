"""A plan member hears of a new or changed action that is their own — and of nobody else's (here the
regisseur changes them). The notice names no family (titles are e-mailed) and links to the plan
page."""

from datetime import timedelta

from ketenzicht.plans import household_plan

from .conftest import WEDNESDAY, acting, de_vries
from .plan_support import action_for, choose_regisseur, draft_plan, notices_of


def test_the_holder_hears_of_their_own_action_and_others_do_not(emmen):
    plan = draft_plan()
    choose_regisseur(plan)  # Bart (CJG) is the regisseur: he may change the others' actions
    own = action_for(plan, "ggz", what="Moeder behandelen voor haar angst")  # GGZ joins the plan
    action_for(plan, "cjg-demonden", what="Huisbezoek")
    [new] = notices_of("ggz", "gezinsplan-actie")
    assert new.title == "Nieuwe actie voor u in een gezinsplan"
    assert new.link == f"/huishoudens/{de_vries().uuid}/plan/"
    assert "Vries" not in new.title + new.body
    assert notices_of("cjg-demonden", "gezinsplan-actie") == []  # the changer needs no notice

    household_plan.update_action(*acting("cjg-demonden"), own, what=own.what,
                                 due_on=own.due_on + timedelta(days=7), done_on=None, help_started_on=None,
                                 is_help=False, now=WEDNESDAY)
    titles = [n.title for n in notices_of("ggz", "gezinsplan-actie")]
    assert titles == ["Nieuwe actie voor u in een gezinsplan", "Uw actie in een gezinsplan is gewijzigd"]
    plan.refresh_from_db()
    assert plan.versions.last().summary == "Actie gewijzigd (de datum): “Moeder behandelen voor haar angst”."


def test_a_change_to_someone_elses_action_tells_only_its_holder(emmen):
    plan = draft_plan()
    choose_regisseur(plan)
    action_for(plan, "ggz")
    other = action_for(plan, "sgt-demonden", what="Schuldhulp aanvragen")
    household_plan.update_action(*acting("cjg-demonden"), other, what=other.what, due_on=other.due_on,
                                 done_on=WEDNESDAY.date(), help_started_on=None, is_help=False, now=WEDNESDAY)
    assert [n.title for n in notices_of("ggz", "gezinsplan-actie")] == [
        "Nieuwe actie voor u in een gezinsplan"]
    assert [n.title for n in notices_of("sgt-demonden", "gezinsplan-actie")][-1] == \
        "Uw actie in een gezinsplan is gewijzigd"
