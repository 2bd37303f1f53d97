"""What opens and closes a case from below: a route a team accepted, a match its matchregisseur
took up; and a route that let the family go the way the desks allow it.

``signals`` and ``verwijsindex`` send their events without knowing ``plans`` (they stand below
it); these receivers turn them into an arrival at the team's case of the household, in the same
transaction as the acceptance or the contact. What names nobody (an anonymous advice request),
is not for a team that holds cases (the crisis service, which hands over the next working day;
a JGZ that coordinates a match), or concerns a person without a known household, opens none.

A case that only routes brought in closes when the last of them is released: handed over and
accepted by the receiver, ended after help started, or ended after the assessment (advice
given, no further action). That is the moment the desk's basis ends too (``desks._release``):
the case never keeps a household open to a team that has let it go responsibly, and never closes
while the team still holds a route, an application or a match of the household, or works with
the family itself (an intake, an assessment, an MDO, or a step after the intake).

When a professional's account is deactivated (``organisations.events``), their open cases go
back to the team's teamleider (``cases.return_cases_of_leaving``), or the deactivation is refused.
"""

from datetime import datetime

from django.utils import timezone

from ketenzicht.access.audited import actor_for
from ketenzicht.audit.services import SYSTEM, Actor
from ketenzicht.organisations.models import Professional
from ketenzicht.people.models import Person
from ketenzicht.people.services import current_household
from ketenzicht.signals.models import OPEN_ROUTE, Route, RouteKind, RouteStatus
from ketenzicht.verwijsindex.models import Match

from . import cases
from .models import ArrivalKind, Case, CaseStatus, CloseReason, Intake, Milestone

#: The steps after the intake: the team works with the family itself, whatever the route does.
TEAMS_OWN_STEPS = (Milestone.ASSESSMENT, Milestone.PLAN, Milestone.REVIEW)


def _arrive(professional: Professional, actor: Actor, person: Person, kind: str, source: str,
            now: datetime) -> None:
    household = current_household(person)
    if household is None or not cases.holds_cases(professional.organisation):
        return
    cases.arrive(professional, actor, household,
                 cases.ArrivalRequest(kind=kind, person=person, source_uuid=source), now)


def open_case_for_route(sender, *, route: Route, professional: Professional, actor: Actor,
                        now: datetime, **kwargs) -> None:
    if route.kind == RouteKind.ADVICE:
        return  # an advice request names nobody: there is no household to hold
    _arrive(professional, actor, route.signal.person, ArrivalKind.ROUTE, str(route.uuid), now)


def open_case_for_match(sender, *, match: Match, professional: Professional, actor: Actor,
                        now: datetime, **kwargs) -> None:
    _arrive(professional, actor, match.person, ArrivalKind.MATCH, str(match.uuid), now)


def close_case_for_released_route(sender, *, route: Route, actor: Actor, **kwargs) -> None:
    case = (Case.objects.select_for_update(of=("self",))
            .filter(status=CaseStatus.OPEN, arrivals__kind=ArrivalKind.ROUTE,
                    arrivals__source_uuid=route.uuid)
            .select_related("household", "team").first())
    if case is None or _still_held(case, route):
        return
    reason, explanation = _why_released(route)
    cases.close(case, reason, explanation, actor, route.ended_at or timezone.now())


def _still_held(case: Case, released: Route) -> bool:
    """Whether something else still keeps the case: the team's own work with the family (an
    intake, a risk assessment, a consultation or MDO, or a step after the intake it waits for),
    an application or a match, another open route of the team, or a handover between colleagues
    waiting for an answer."""
    if case.next_milestone in TEAMS_OWN_STEPS or Intake.objects.filter(case=case).exists() \
            or case.assessments.exists() or case.meetings.exists():
        return True
    others = case.arrivals.exclude(kind=ArrivalKind.ROUTE, source_uuid=released.uuid)
    if others.exclude(kind=ArrivalKind.ROUTE).exists():
        return True
    routes = others.values_list("source_uuid", flat=True)
    return (Route.objects.filter(OPEN_ROUTE, uuid__in=routes).exists()
            or case.handovers.filter(accepted_at__isnull=True, declined_at__isnull=True).exists())


def _why_released(route: Route) -> tuple[str, str]:
    if route.status == RouteStatus.HANDED_OVER:
        receiver = route.handed_to.name if route.handed_to else "de ontvanger"
        return CloseReason.HANDED_OVER, f"Warm overgedragen aan {receiver}, die heeft aangenomen."
    if route.help_started_at:
        helper = route.help_with.name if route.help_with else "een hulporganisatie"
        return CloseReason.HELP_STARTED, f"Hulp gestart met {helper}."
    return CloseReason.ASSESSED_ENDED, f"Na beoordeling beëindigd: {route.get_outcome_display().lower()}."


def return_cases_of_deactivated(sender, *, professional: Professional, by: Professional | None = None,
                                now: datetime | None = None, **kwargs) -> None:
    """An account is being deactivated: its open cases go back to the teamleider (or it is refused)."""
    cases.return_cases_of_leaving(professional, actor_for(by) if by is not None else SYSTEM, now)
