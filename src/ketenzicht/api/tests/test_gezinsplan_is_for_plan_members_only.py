"""GET /api/v1/huishoudens/{uuid}/plan: the plan for a plan member's organisation (camelCase,
Dutch names), and the same 404 problem+json as for an unknown household for every other
organisation — an involved one that is no member included. Every read is audited."""

import uuid

import pytest

from ketenzicht.audit.models import AuditEvent, Outcome
from ketenzicht.plans.tests.conftest import (
    de_vries,
    emmen,  # noqa: F401 (the fixture)
    professional,
)
from ketenzicht.plans.tests.plan_support import action_for, agreed_plan, involved

from .conftest import without_instance

pytestmark = pytest.mark.usefixtures("emmen")


def _url(household_uuid) -> str:
    return f"/api/v1/huishoudens/{household_uuid}/plan"


def test_a_member_organisation_reads_the_plan(api_for):
    plan = agreed_plan()
    action_for(plan, "ggz", what="Behandeling moeder", is_help=True)
    response = api_for(professional("ggz")).get(_url(de_vries().uuid))
    assert response.status_code == 200
    body = response.json()
    assert body["huishouden"] == str(de_vries().uuid) and body["status"] == "vastgesteld"
    assert body["vraagVanHetGezin"] == "Wij willen dat Daan weer graag naar school gaat."
    assert body["regisseur"]["naam"] == "Bart Lubbers" and body["regisseur"]["organisatie"] == "cjg-de-monden"
    [action] = body["acties"]
    assert (action["wat"], action["organisatie"], action["isHulp"], action["hulpGestartOp"]) == (
        "Behandeling moeder", "ggz-drenthe", True, None)
    assert {m["organisatie"] for m in body["deelnemers"]} == {"cjg-de-monden", "ggz-drenthe"}
    assert body["volgendeEvaluatie"] == "2027-02-25"
    read = AuditEvent.objects.filter(object_type="gezinsplan", user_id=str(professional("ggz").uuid),
                                     event_type="read")
    assert read.count() == 4 and set(read.values_list("outcome", flat=True)) == {Outcome.SUCCESS}


@pytest.mark.parametrize("username", ["sgt-demonden", "jgz"])
def test_every_other_organisation_gets_the_404_of_an_unknown_household(api_for, username):
    agreed_plan()
    involved("sgt-demonden")
    client = api_for(professional(username))
    not_member = client.get(_url(de_vries().uuid))
    missing = client.get(_url(uuid.uuid4()))
    assert not_member.status_code == missing.status_code == 404
    assert not_member["Content-Type"] == "application/problem+json"
    assert without_instance(not_member.json()) == without_instance(missing.json())
    denied = AuditEvent.objects.filter(object_type="gezinsplan", user_id=str(professional(username).uuid),
                                       outcome=Outcome.DENIED)
    assert denied.count() == 5  # four members of the household, and the unknown household
