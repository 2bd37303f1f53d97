"""Who may open a case (need-to-know), and opening one with its audit events.

A case is the team's own record of a household: every client professional of the team sees it
(colleagues take over each other's work), whatever its status; nobody else does, not even another
team of the same organisation type. Everyone else gets the same answer as for a case that does not
exist (None; the faces answer 404), and the refused attempt is in each member's access report.

``access.audited`` cannot open a case itself (``access`` stands below ``plans``); this is the
same pattern as ``signals.access.open_signal``.
"""

from uuid import UUID

from django.core.exceptions import ValidationError

from ketenzicht.access.services import may_see_clients
from ketenzicht.audit.models import EventType, Outcome
from ketenzicht.audit.services import Actor, Subject, record_many
from ketenzicht.organisations.models import Professional
from ketenzicht.people.models import Household

from .cases import case_subjects, members
from .models import Case, CaseStatus, PlanMember

CASE_OBJECT = "casus"


def is_team_member(professional: Professional, case: Case) -> bool:
    """A client professional of the team that holds the case."""
    return professional.works_with_clients and professional.organisation_id == case.team_id


def open_case(professional: Professional, actor: Actor, case_uuid: UUID | str,
              event_type: EventType = EventType.READ, *, lock: bool = False) -> Case | None:
    """The case if the professional may see it, with one audit event per current member of the
    household either way; ``lock`` takes the case's row lock for a state change."""
    found = Case.objects.select_related("household__district", "team__municipality",
                                        "responsible__user")
    if lock:
        found = found.select_for_update(of=("self",))
    try:
        case = found.filter(uuid=case_uuid).first()
    except ValidationError:
        case = None
    if case is None or not is_team_member(professional, case):
        people = [str(person.uuid) for person in members(case.household)] if case else []
        record_many(actor, event_type, [
            Subject(client_pseudonym=pseudonym, object_type=CASE_OBJECT, object_id=str(case_uuid))
            for pseudonym in people or [""]], outcome=Outcome.DENIED, purpose="geen grondslag")
        return None
    record_many(actor, event_type, case_subjects(case), purpose="casus van het team")
    return case


def own_open_case(professional: Professional, household: Household) -> Case | None:
    """The household's open case at the professional's own team (the way from the household page
    to it), or None; one query. Only the team's client professionals see it (``is_team_member``)."""
    if not professional.works_with_clients:
        return None
    return Case.objects.filter(household=household, team_id=professional.organisation_id,
                               status=CaseStatus.OPEN).only("uuid").first()


def is_plan_member_of(professional: Professional, household: Household) -> bool:
    """Whether the professional's organisation takes part in the household's plan (the way from the
    household page to it, also without a case of its own); one query, as
    ``household_plan.is_member``."""
    return may_see_clients(professional) and PlanMember.objects.filter(
        plan__household=household, organisation_id=professional.organisation_id,
        ended_at__isnull=True).exists()
