"""When a desk is late. A route has at most one clock (``Route.due_at``); what it waits for
depends on the route:

- a report (melding) at Veilig Thuis: the safety assessment, within 5 working days of arrival
  (the law's term; accepting does not stop it, the assessment does);
- Veilig Thuis's own investigation ("Veilig Thuis onderzoekt zelf"): its conclusion, within
  10 weeks of the decision to investigate (the sector's target);
- a signal shared with a local team (CJG-Jeugdteam, sociaal gebiedsteam): its acceptance, within
  2 working days (the municipality's own term);
- a handover — from the crisis service, or from Veilig Thuis or a team to the receiving
  organisation — its acceptance by 12:00 on the next working day.

An advice request (adviesvraag) has no clock: see ``due_for``. A route that hands over has no
clock of its own: the receiving route carries it. One rule, said twice: in Python for the route
in front of you, in SQL for the inbox and the deadline job (tested to agree).
"""

from datetime import date, datetime, timedelta

from django.db.models import Q
from django.utils import timezone

from ketenzicht.organisations.calendar import add_working_days
from ketenzicht.organisations.models import Organisation

from .models import AssessmentOutcome, Route, RouteKind, RouteStatus, SignalSettings

_ASSESSING = (RouteStatus.SHARED, RouteStatus.ACCEPTED)
#: Kinds whose clock is not about acceptance: a report's is the safety assessment (then the
#: investigation); an advice request has none.
_NOT_ACCEPTANCE = (RouteKind.REPORT, RouteKind.ADVICE)

INVESTIGATING = Q(kind=RouteKind.REPORT, status=RouteStatus.ASSESSED,
                  outcome=AssessmentOutcome.INVESTIGATE, concluded_at__isnull=True)

#: Routes still waiting for what their clock measures.
WAITING = (
    (Q(kind=RouteKind.REPORT, status__in=_ASSESSING)
     | INVESTIGATING
     | (~Q(kind__in=_NOT_ACCEPTANCE) & Q(status=RouteStatus.SHARED)))
    & Q(handed_over_to__isnull=True) & Q(due_at__isnull=False)
)


class Measures:
    """What a waiting route's clock measures (for the notice and the page)."""

    SAFETY_ASSESSMENT = "veiligheidsbeoordeling"
    INVESTIGATION = "onderzoek"
    ACCEPTANCE = "aannemen"


def overdue(now: datetime) -> Q:
    return WAITING & Q(due_at__lt=now)


def is_investigating(route: Route) -> bool:
    """Veilig Thuis investigates itself and has not recorded the conclusion yet."""
    return (route.kind == RouteKind.REPORT and route.status == RouteStatus.ASSESSED
            and route.outcome == AssessmentOutcome.INVESTIGATE and route.concluded_at is None)


def measures(route: Route) -> str:
    if route.kind == RouteKind.REPORT:
        return Measures.INVESTIGATION if is_investigating(route) else Measures.SAFETY_ASSESSMENT
    return Measures.ACCEPTANCE


def is_waiting(route: Route) -> bool:
    if route.due_at is None or route.handed_over_to_id is not None:
        return False
    if route.kind == RouteKind.REPORT:
        return route.status in _ASSESSING or is_investigating(route)
    if route.kind == RouteKind.ADVICE:
        return False
    return route.status == RouteStatus.SHARED


def is_overdue(route: Route, now: datetime | None = None) -> bool:
    return is_waiting(route) and (now or timezone.now()) > route.due_at


def _close_of_office(day: date, settings: SignalSettings) -> datetime:
    return timezone.make_aware(datetime.combine(day, settings.office_closes))


def due_for(kind: str, desk: Organisation, now: datetime, settings: SignalSettings) -> datetime | None:
    """The clock a route starts with when it is shared (a handover sets its own).

    A report to Veilig Thuis: the safety assessment within 5 working days, to the end of that
    office day. A signal to a local team: acceptance within the municipality's term (default 2
    working days), likewise. An advice request gets none: it is asked without a name, so there
    is no family to assess and no one to let go of; the law sets no answer term, Veilig Thuis
    answers it in the conversation, and the signaller's own Meldcode step (5 working days,
    reminded) already keeps the case moving. A configurable answer term would add a setting and
    a notice that protect nobody.
    """
    today = timezone.localdate(now)
    if kind == RouteKind.REPORT and desk == settings.report_desk:
        return _close_of_office(add_working_days(today, settings.safety_assessment_working_days),
                                settings)
    if kind == RouteKind.SIGNAL and desk.type.receives_signals:
        return _close_of_office(add_working_days(today, settings.acceptance_working_days),
                                settings)
    return None


def investigation_due(decided_at: datetime, settings: SignalSettings) -> datetime:
    """Veilig Thuis's investigation: the target of 10 weeks (per municipality) after deciding to
    investigate, at the end of that office day."""
    day = timezone.localdate(decided_at) + timedelta(weeks=settings.investigation_weeks)
    return _close_of_office(day, settings)

