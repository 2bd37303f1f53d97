"""The plan page names the household and is for plan members only: an involved organisation that
is no member and a stranger get exactly the 404 of a missing household, and the attempt is
audited. Each part is edited on its own page with all its errors at once; the version history
lists every change; the case page shows the plan's status, next review and regisseur."""

import uuid

import pytest

from ketenzicht.audit.models import AuditEvent, Outcome
from ketenzicht.plans.models import HouseholdPlan, PlanStatus
from ketenzicht.plans.tests.conftest import (
    de_vries,
    emmen,  # noqa: F401 (the fixture)
    professional,
)
from ketenzicht.plans.tests.plan_support import action_for, agreed_plan, draft_plan, involved

from .conftest import without_csrf
from .vir_login import logged_in

pytestmark = pytest.mark.usefixtures("emmen")


def test_a_member_sees_the_plan_with_the_household_named():
    plan = agreed_plan()
    action_for(plan, "ggz", what="Behandeling moeder")
    response = logged_in("cjg-demonden").get(f"/huishoudens/{de_vries().uuid}/plan/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Gezinsplan van huishouden De Vries" in text
    assert "Wij willen dat Daan weer graag naar school gaat." in text
    assert "Bart Lubbers" in text and "Behandeling moeder" in text and "Vastgesteld met het gezin" in text


@pytest.mark.parametrize("username", ["sgt-demonden", "ggz"])
def test_an_involved_non_member_and_a_stranger_get_the_404_of_a_missing_household(username):
    draft_plan()
    involved("sgt-demonden")
    client = logged_in(username)
    existing = client.get(f"/huishoudens/{de_vries().uuid}/plan/")
    missing = client.get(f"/huishoudens/{uuid.uuid4()}/plan/")
    assert existing.status_code == missing.status_code == 404
    assert without_csrf(existing.content) == without_csrf(missing.content)
    denied = AuditEvent.objects.filter(object_type="gezinsplan", user_id=str(professional(username).uuid),
                                       outcome=Outcome.DENIED)
    assert denied.filter(object_id=str(HouseholdPlan.objects.get().uuid)).count() == 4  # each member


def test_a_part_is_edited_on_its_own_page_with_all_errors_at_once():
    plan = draft_plan()
    client = logged_in("cjg-demonden")
    url = f"/huishoudens/{de_vries().uuid}/plan/doel/"
    response = client.post(url, {"member": "", "goal": "", "progress_sign": ""})
    assert response.status_code == 200
    text = response.content.decode()
    assert "Beschrijf het doel." in text
    assert "Beschrijf waaraan het gezin en u zien dat het beter gaat." in text
    response = client.post(url, {"member": "", "goal": "Rust in huis", "progress_sign": "Daan slaapt door."})
    assert response.status_code == 302
    assert plan.goals.get().goal == "Rust in huis"


def test_agreeing_without_a_regisseur_says_so_and_the_history_lists_each_change():
    plan = draft_plan()
    client = logged_in("cjg-demonden")
    response = client.post(f"/huishoudens/{de_vries().uuid}/plan/akkoord/",
                           {"parents_agreed_on": "2026-11-25", "youth_agreed_on": ""})
    text = response.content.decode()
    assert "Kies eerst met het gezin een regisseur" in text
    assert "Leg vast op welke datum Emma akkoord gaf" in text
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT
    client.post(f"/huishoudens/{de_vries().uuid}/plan/zorg/", {"area": "inkomen", "concern": "Schulden."})
    history = client.get(f"/huishoudens/{de_vries().uuid}/plan/versies/").content.decode()
    assert "Zorg toegevoegd bij inkomen." in history and "Gezinsplan geopend (concept)." in history


def test_the_regisseur_is_chosen_on_the_plan_page_through_leads():
    plan = draft_plan()
    client = logged_in("cjg-demonden")
    bart = professional("cjg-demonden")
    response = client.post(f"/huishoudens/{de_vries().uuid}/plan/regisseur/", {
        "regie": "professional", "professional": str(bart.uuid), "voorkeur_gezin": "Vader kiest Bart."})
    assert response.status_code == 302
    from ketenzicht.leads.services import current_lead
    assert current_lead(de_vries()).professional == bart
    plan.refresh_from_db()
    assert plan.versions.last().summary == (
        "Regisseur gekozen met het gezin: Bart Lubbers (CJG-Jeugdteam De Monden).")


def test_the_case_page_shows_the_plans_status_and_regisseur():
    from ketenzicht.plans.models import Case

    agreed_plan()
    case = Case.objects.get(household=de_vries())
    text = logged_in("cjg-demonden").get(f"/casussen/{case.uuid}/").content.decode()
    assert "Gezinsplan van huishouden De Vries" in text
    assert "Vastgesteld met het gezin" in text and "Bart Lubbers" in text
    assert f"/huishoudens/{de_vries().uuid}/plan/" in text


def test_the_worklist_shows_own_overdue_actions_and_open_aanspreken(django_assert_max_num_queries):
    from datetime import date, datetime
    from zoneinfo import ZoneInfo

    import time_machine

    from ketenzicht.plans import accountability
    from ketenzicht.plans.tests.conftest import WEDNESDAY, acting
    from ketenzicht.plans.tests.plan_support import choose_regisseur, fill
    from ketenzicht.web.plans.plan_worklist import plan_work

    involved("sgt-demonden")
    plan = fill(draft_plan())
    choose_regisseur(plan, regisseur="sgt-demonden")
    mine = action_for(plan, "cjg-demonden", what="Huisbezoek", due_on=date(2026, 11, 27))
    action_for(plan, "ggz", what="Behandeling", due_on=date(2026, 11, 27))
    accountability.call_to_account(*acting("sgt-demonden"), mine, question="Hoe staat het?",
                                   due_on=date(2026, 12, 4), now=WEDNESDAY)
    with time_machine.travel(datetime(2026, 12, 1, 9, tzinfo=ZoneInfo("Europe/Amsterdam")), tick=False):
        bart = professional("cjg-demonden")
        with django_assert_max_num_queries(4):
            items = list(plan_work(bart))
    assert [item.title for item in items] == [
        "Actie te laat in het gezinsplan van huishouden De Vries",
        "De regisseur spreekt u aan (huishouden De Vries)"]
    assert items[0].detail == "Huisbezoek"
    with time_machine.travel(datetime(2026, 12, 1, 9, tzinfo=ZoneInfo("Europe/Amsterdam")), tick=False):
        assert [i.detail for i in plan_work(professional("ggz"))] == ["Behandeling"]
        assert list(plan_work(professional("jgz"))) == []
