"""An MDO about the De Vries household, recorded by its CJG-Jeugdteam through the services.

De Vries (De Monden): Daan (9 on the test day: his parents consent), Emma (14: she and a parent),
Anja and Marco (adults: themselves). The school's teacher (another organisation) takes part.
"""

from dataclasses import replace
from datetime import date, timedelta

from ketenzicht.people.services import find_person_by_bsn
from ketenzicht.plans import meetings
from ketenzicht.plans.models import ActionHolder, Case, ConsultantRole, Meeting, MeetingKind, SharingBasis

from .conftest import WEDNESDAY, acting, professional
from .support import application

EMMA, ANJA, MARCO = "999990020", "999990032", "999990044"
TODAY = WEDNESDAY.date()


def de_vries_consent() -> tuple:
    """Everyone whose consent counts: Emma (14) herself and the parents (also for Daan)."""
    return tuple(find_person_by_bsn(bsn) for bsn in (EMMA, ANJA, MARCO))


def partner(username: str, **changes) -> meetings.ParticipantData:
    """A professional of another organisation, invited with everyone's consent."""
    data = meetings.ParticipantData(role=ConsultantRole.PARTNER, professional=professional(username),
                                    sharing_basis=SharingBasis.CONSENT, consent_given_by=de_vries_consent())
    return replace(data, **changes)


def teacher(**changes) -> meetings.ParticipantData:
    return partner("leerkracht", **changes)


def mdo(**changes) -> meetings.MeetingRequest:
    request = meetings.MeetingRequest(
        kind=MeetingKind.MDO, held_on=TODAY - timedelta(days=1),
        facts="Daan komt vaak zonder ontbijt en te laat op school.",
        decisions="School en CJG spreken de ouders samen; de ouders krijgen opvoedondersteuning.",
        participants=(teacher(),), parents_took_part=True,
        actions=(meetings.ActionData(holder_kind=ActionHolder.PROFESSIONAL,
                                     professional=professional("cjg-demonden"),
                                     what="Opvoedondersteuning met de ouders starten.",
                                     due_on=TODAY + timedelta(days=14), is_help=True),),
    )
    return replace(request, **changes)


def recorded_mdo(case: Case | None = None, username: str = "cjg-demonden", **changes) -> Meeting:
    case = case or application()
    return meetings.record_meeting(*acting(username), case, mdo(**changes), WEDNESDAY)


def due(days: int) -> date:
    return TODAY + timedelta(days=days)
