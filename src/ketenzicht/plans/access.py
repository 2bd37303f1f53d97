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

from ketenzicht.audit.models import EventType, Outcome
from ketenzicht.audit.services import Actor, Subject, record_many
from ketenzicht.organisations.models import Professional

from .cases import case_subjects, members
from .models import Case

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
