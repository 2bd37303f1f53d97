"""The plan's content is for its members only: membership is the organisation's basis (an access
basis of kind PLAN on every member of the household, ended with the membership), every read is
audited, and everyone else gets the same None (a 404) — an involved organisation that is no
member included."""

from ketenzicht.access.models import AccessBasis, BasisKind
from ketenzicht.access.services import basis_for
from ketenzicht.audit.models import AuditEvent, Outcome
from ketenzicht.people.services import find_person_by_bsn
from ketenzicht.plans import household_plan

from .conftest import DAAN, WEDNESDAY, acting, de_vries, professional
from .plan_support import draft_plan, involved, join


def _reads(username: str, plan) -> list[tuple[str, str]]:
    who = professional(username)
    return sorted((e.client_pseudonym, e.outcome) for e in AuditEvent.objects.filter(
        object_type="gezinsplan", user_id=str(who.uuid), event_type="read"))


def test_a_member_reads_the_plan_and_each_read_is_audited(emmen):
    plan = draft_plan()
    assert household_plan.open_plan(*acting("cjg-demonden"), de_vries().uuid) == plan
    members = sorted(str(m.person.uuid) for m in de_vries().memberships.filter(until__isnull=True))
    assert _reads("cjg-demonden", plan) == [(uuid, Outcome.SUCCESS) for uuid in members]


def test_an_involved_organisation_that_is_no_member_gets_none_and_is_audited(emmen):
    plan = draft_plan()
    involved("sgt-demonden")  # the sociaal gebiedsteam has its own case: it sees the family
    assert basis_for(professional("sgt-demonden"), find_person_by_bsn(DAAN)) is not None
    assert household_plan.open_plan(*acting("sgt-demonden"), de_vries().uuid) is None
    assert {outcome for _uuid, outcome in _reads("sgt-demonden", plan)} == {Outcome.DENIED}


def test_an_organisation_not_involved_gets_the_same_none_as_for_no_plan(emmen):
    draft_plan()
    assert household_plan.open_plan(*acting("ggz"), de_vries().uuid) is None
    assert household_plan.open_plan(*acting("ggz"), "00000000-0000-0000-0000-000000000000") is None
    denied = AuditEvent.objects.filter(object_type="gezinsplan", user_id=str(professional("ggz").uuid))
    assert denied.count() > 0 and set(denied.values_list("outcome", flat=True)) == {Outcome.DENIED}


def test_membership_is_the_basis_and_ends_with_it(emmen):
    plan = draft_plan()
    ggz = professional("ggz")
    daan = find_person_by_bsn(DAAN)
    assert basis_for(ggz, daan) is None
    member = join(plan, "ggz", role="Behandelaar moeder", phone="0591 123456", now=WEDNESDAY)
    assert basis_for(ggz, daan).kind == BasisKind.PLAN
    assert household_plan.open_plan(*acting("ggz"), de_vries().uuid) == plan
    household_plan.end_member(*acting("ggz"), member, now=WEDNESDAY)  # the organisation leaves itself
    assert basis_for(ggz, daan) is None
    assert household_plan.open_plan(*acting("ggz"), de_vries().uuid) is None
    assert not AccessBasis.objects.filter(organisation=ggz.organisation, kind=BasisKind.PLAN,
                                          ended_at__isnull=True).exists()


def test_only_members_change_the_plan(emmen):
    import pytest

    from ketenzicht.refusals import Refused

    plan = draft_plan()
    involved("sgt-demonden")
    with pytest.raises(Refused) as refused:
        household_plan.update_texts(*acting("sgt-demonden"), plan, {"strengths": "Oma helpt."}, WEDNESDAY)
    assert refused.value.code == "geen-deelnemer"
    plan.refresh_from_db()
    assert plan.strengths == "" and plan.version == 1
