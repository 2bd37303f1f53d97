"""A household has one open case per team: whatever else arrives for it joins that case, and the
case opens the household to the team (a basis on every member, audited)."""

import uuid

import pytest

from ketenzicht.access.models import AccessBasis, BasisKind
from ketenzicht.audit.models import AuditEvent
from ketenzicht.people.services import find_person_by_bsn
from ketenzicht.plans import cases
from ketenzicht.plans.models import Arrival, ArrivalKind, Case
from ketenzicht.refusals import Refused

from .conftest import DAAN, acting, de_vries
from .support import application


def test_a_second_arrival_joins_the_open_case(emmen):
    first = application()
    route = cases.ArrivalRequest(kind=ArrivalKind.ROUTE, person=find_person_by_bsn(DAAN),
                                 source_uuid=str(uuid.uuid4()))
    second = cases.arrive(*acting("cjg-demonden"), de_vries(), route)
    assert second == first
    assert Case.objects.count() == 1
    kinds = list(Arrival.objects.values_list("kind", flat=True))
    assert kinds == [ArrivalKind.APPLICATION, ArrivalKind.ROUTE]


def test_the_same_route_arriving_twice_is_one_arrival(emmen):
    route = cases.ArrivalRequest(kind=ArrivalKind.ROUTE, person=find_person_by_bsn(DAAN),
                                 source_uuid=str(uuid.uuid4()))
    for _ in range(2):
        cases.arrive(*acting("cjg-demonden"), de_vries(), route)
    assert Arrival.objects.count() == 1


def test_another_team_holds_its_own_case_of_the_same_household(emmen):
    application("cjg-demonden")
    application("sgt-demonden")
    assert sorted(Case.objects.values_list("team__slug", flat=True)) == ["cjg-de-monden", "sgt-de-monden"]


def test_a_case_opens_the_household_to_the_team_for_every_member(emmen):
    case = application()
    members = {m.person_id for m in de_vries().memberships.filter(until__isnull=True)}
    bases = AccessBasis.objects.filter(organisation=case.team, kind=BasisKind.CASE, reference=str(case.uuid),
                                       ended_at__isnull=True)
    assert set(bases.values_list("person_id", flat=True)) == members
    opened = AuditEvent.objects.filter(object_type="casus", object_id=str(case.uuid), purpose="casus geopend")
    assert opened.count() == len(members)


def test_only_local_teams_and_veilig_thuis_hold_cases(emmen):
    with pytest.raises(Refused) as refused:
        application("leerkracht")
    assert refused.value.code == "geen-casushouder"
    assert not Case.objects.exists()
