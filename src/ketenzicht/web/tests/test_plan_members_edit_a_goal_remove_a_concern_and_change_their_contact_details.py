"""Plan members change a goal (its words, how progress is seen, the day it was achieved) and
remove a concern, each on its own page linked from the plan, every change a version; a member
changes its own contact details (the regisseur may too), another member gets 403; a stranger and an
involved non-member get the 404 of a missing household, audited."""

import uuid
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from ketenzicht.audit.models import AuditEvent, Outcome
from ketenzicht.plans import household_plan
from ketenzicht.plans.models import PlanConcern, PlanGoal, PlanMember, PlanVersion
from ketenzicht.plans.tests.conftest import (
    acting,
    de_vries,
    emmen,  # noqa: F401 (the fixture)
    professional,
)
from ketenzicht.plans.tests.plan_support import agreed_plan, involved, join

from .conftest import without_csrf
from .vir_login import logged_in

pytestmark = pytest.mark.usefixtures("emmen")


@pytest.fixture(autouse=True)
def _thursday():
    """Every clock on the day after the plan was agreed."""
    with time_machine.travel(datetime(2026, 11, 26, 9, tzinfo=ZoneInfo("Europe/Amsterdam")), tick=False):
        yield


def _base() -> str:
    return f"/huishoudens/{de_vries().uuid}/plan"


def test_a_member_marks_a_goal_achieved_and_the_change_is_a_version():
    plan = agreed_plan()
    join(plan, "ggz")  # any member, not only the regisseur
    goal = PlanGoal.objects.get(plan=plan)
    url = f"{_base()}/doelen/{goal.uuid}/"
    client = logged_in("ggz")
    assert url in client.get(f"{_base()}/").content.decode()
    page = client.get(url)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Gezinsplan van huishouden De Vries" in text and "Rust in huis" in text
    wrong = client.post(url, {"goal": "", "progress_sign": "", "achieved_on": "2026-11-30"})
    text = wrong.content.decode()
    assert wrong.status_code == 200
    assert "Beschrijf het doel." in text
    assert "Beschrijf waaraan het gezin en u zien dat het beter gaat." in text
    assert "Een doel kan niet in de toekomst bereikt zijn." in text
    versions = PlanVersion.objects.filter(plan=plan).count()
    data = {"goal": "Rust in huis", "progress_sign": "Daan slaapt door.", "achieved_on": "2026-11-26",
            "formulier": str(uuid.uuid4())}
    first = client.post(url, data)
    second = client.post(url, data)  # sent twice: one change
    assert first.status_code == second.status_code == 302 and second.url == first.url
    goal.refresh_from_db()
    assert (goal.progress_sign, goal.achieved_on.isoformat()) == ("Daan slaapt door.", "2026-11-26")
    assert PlanVersion.objects.filter(plan=plan).count() == versions + 1
    latest = PlanVersion.objects.filter(plan=plan).latest("number")
    assert latest.summary == "Doel bereikt." and latest.changed_by == professional("ggz")
    assert latest.snapshot["goals"][0]["achieved_on"] == "2026-11-26"
    assert "bereikt op 26 november 2026" in client.get(f"{_base()}/").content.decode()
    assert "Doel bereikt." in client.get(f"{_base()}/versies/").content.decode()


def test_a_member_removes_a_concern_and_the_removal_is_a_version():
    plan = agreed_plan()
    concern = household_plan.add_concern(*acting("cjg-demonden"), plan, "inkomen", "Schulden bij de energie.")
    url = f"{_base()}/zorgen/{concern.pk}/verwijderen/"
    client = logged_in("cjg-demonden")
    assert url in client.get(f"{_base()}/").content.decode()
    page = client.get(url).content.decode()
    assert "Schulden bij de energie." in page and "Gezinsplan van huishouden De Vries" in page
    response = client.post(url, {"formulier": str(uuid.uuid4())})
    assert response.status_code == 302 and response.url == f"{_base()}/"
    assert not PlanConcern.objects.filter(plan=plan).exists()
    assert PlanVersion.objects.filter(plan=plan).latest("number").summary == "Zorg bij inkomen verwijderd."
    assert "Schulden bij de energie." not in client.get(f"{_base()}/").content.decode()


def test_a_member_changes_its_own_contact_details_and_not_another_members():
    plan = agreed_plan()
    ggz = join(plan, "ggz")
    cjg = PlanMember.objects.get(plan=plan, organisation=professional("cjg-demonden").organisation)
    own, other = f"{_base()}/deelnemers/{ggz.pk}/contact/", f"{_base()}/deelnemers/{cjg.pk}/contact/"
    client = logged_in("ggz")
    page = client.get(f"{_base()}/").content.decode()
    assert own in page and other not in page
    wrong = client.post(own, {"role": "Behandelaar moeder", "phone": "0592-123456", "email": "geen adres"})
    assert wrong.status_code == 200 and "Vul een geldig e-mailadres in." in wrong.content.decode()
    response = client.post(own, {"role": "Behandelaar moeder", "phone": "0592-123456",
                                 "email": "behandelaar@ggzdrenthe.example", "formulier": str(uuid.uuid4())})
    assert response.status_code == 302
    ggz.refresh_from_db()
    assert (ggz.role, ggz.phone, ggz.email) == ("Behandelaar moeder", "0592-123456",
                                                "behandelaar@ggzdrenthe.example")
    latest = PlanVersion.objects.filter(plan=plan).latest("number")
    assert latest.summary == f"Contactgegevens van {ggz.organisation.name} gewijzigd."
    assert "0592-123456" in client.get(f"{_base()}/").content.decode()
    # Another member's contact details: not offered, and 403 when asked for.
    assert client.get(other).status_code == 403
    assert client.post(other, {"role": "", "phone": "06-0", "email": ""}).status_code == 403
    cjg.refresh_from_db()
    assert cjg.phone != "06-0"
    # The regisseur may change them.
    assert own in logged_in("cjg-demonden").get(f"{_base()}/").content.decode()
    assert logged_in("cjg-demonden").get(own).status_code == 200


@pytest.mark.parametrize("username", ["jgz", "sgt-demonden"])
def test_a_stranger_and_an_involved_non_member_get_the_404_of_a_missing_household(username):
    plan = agreed_plan()
    involved("sgt-demonden")
    concern = household_plan.add_concern(*acting("cjg-demonden"), plan, "gezin", "Veel ruzie thuis.")
    goal = PlanGoal.objects.get(plan=plan)
    member = PlanMember.objects.get(plan=plan)
    client = logged_in(username)
    for tail, data in ((f"doelen/{goal.uuid}/", {"goal": "Weg", "progress_sign": "Weg", "achieved_on": ""}),
                       (f"zorgen/{concern.pk}/verwijderen/", {}),
                       (f"deelnemers/{member.pk}/contact/", {"role": "", "phone": "06-0", "email": ""})):
        existing = client.get(f"{_base()}/{tail}")
        missing = client.get(f"/huishoudens/{uuid.uuid4()}/plan/{tail}")
        assert existing.status_code == missing.status_code == 404
        assert without_csrf(existing.content) == without_csrf(missing.content)
        assert client.post(f"{_base()}/{tail}", data).status_code == 404
    goal.refresh_from_db()
    member.refresh_from_db()
    assert goal.goal == "Rust in huis" and member.phone != "06-0"
    assert PlanConcern.objects.filter(pk=concern.pk).exists()
    denied = AuditEvent.objects.filter(object_type="gezinsplan", object_id=str(plan.uuid),
                                       user_id=str(professional(username).uuid), outcome=Outcome.DENIED)
    assert denied.count() == 6 * 4  # each page read and post, for each member of the household
