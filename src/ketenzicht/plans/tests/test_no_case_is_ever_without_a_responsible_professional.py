"""Whatever happens to a household's case, in any order — arrivals, handovers asked, accepted or
declined, closing, a professional's account deactivated — no open case is ever without a named,
active responsible professional of its team, and while a handover waits the one who handed over
still holds it (property-based). The team has two teamleiders, so one may leave while the other
takes the cases back, and the last one may not."""

import contextlib
import uuid
from datetime import timedelta

from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ketenzicht.organisations.accounts import deactivate
from ketenzicht.organisations.models import Organisation, Role
from ketenzicht.organisations.tests.factories import ProfessionalFactory
from ketenzicht.people.services import find_person_by_bsn
from ketenzicht.plans import cases
from ketenzicht.plans.models import ArrivalKind, Case, CaseHandover, CaseStatus, CloseReason
from ketenzicht.refusals import Refused

from .conftest import DAAN, WEDNESDAY, acting, de_vries

TEAM = ("teamleider-demonden", "cjg-demonden", "cjg-collega", "teamleider-twee")
ACTIONS = st.lists(st.tuples(
    st.sampled_from(["arrive", "hand_over", "accept", "decline", "close", "deactivate"]),
    st.sampled_from(TEAM), st.sampled_from(TEAM),
), max_size=12)


class Rollback(Exception):
    """Ends one example: its writes are rolled back, so the next starts from the same demo."""


def _act(action: str, actor_name: str, other_name: str, now) -> None:
    who, actor = acting(actor_name)
    if not who.user.is_active:
        return  # someone who left cannot log in
    if action == "deactivate":
        # The functioneel beheerder turns the other's account off (refused while nobody would hold
        # their cases).
        deactivate(acting(other_name)[0], by=acting("beheer")[0])
        return
    case = Case.objects.filter(status=CaseStatus.OPEN).first()
    pending = CaseHandover.objects.filter(accepted_at__isnull=True, declined_at__isnull=True).first()
    if action == "arrive":
        cases.arrive(who, actor, de_vries(), cases.ArrivalRequest(
            kind=ArrivalKind.ROUTE, person=find_person_by_bsn(DAAN), source_uuid=str(uuid.uuid4())), now)
    elif action == "hand_over" and case:
        cases.hand_over(who, actor, case, acting(other_name)[0], now)
    elif action == "accept" and pending:
        cases.accept_handover(who, actor, pending, now)
    elif action == "decline" and pending:
        cases.decline_handover(who, actor, pending, "Geen ruimte.", now)
    elif action == "close" and case:
        cases.close_case(who, actor, case, CloseReason.NO_CONCERNS, "Geen zorgen na het gesprek.", now)


def _assert_held() -> None:
    for case in Case.objects.filter(status=CaseStatus.OPEN).select_related("responsible__user"):
        holder = case.responsible
        assert holder is not None and holder.organisation_id == case.team_id
        assert holder.works_with_clients and holder.user.is_active
        assert case.assigned or holder.role == Role.TEAM_LEAD  # unassigned: on a teamleider's list
        for waiting in case.handovers.filter(accepted_at__isnull=True, declined_at__isnull=True):
            assert waiting.from_professional_id == holder.pk
    assert Case.objects.filter(status=CaseStatus.OPEN).count() <= 1


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(actions=ACTIONS)
def test_no_case_is_ever_without_a_responsible_professional(emmen, actions):
    team = Organisation.objects.get(slug="cjg-de-monden")
    if not Organisation.objects.filter(professionals__user__username="cjg-collega").exists():
        ProfessionalFactory(organisation=team, role=Role.PROFESSIONAL, user__username="cjg-collega")
        ProfessionalFactory(organisation=team, role=Role.TEAM_LEAD, user__username="teamleider-twee")
    try:
        with transaction.atomic():
            for step, (action, actor_name, other_name) in enumerate(actions):
                # A refused action changes nothing; the rules still hold.
                with contextlib.suppress(Refused):
                    _act(action, actor_name, other_name, WEDNESDAY + timedelta(minutes=step))
                _assert_held()
            raise Rollback
    except Rollback:
        pass
