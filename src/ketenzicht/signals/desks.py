"""The desk's side: the inbox (postvak), accepting, triage or the safety assessment, the start
of help, the end of the route, and the crisis service's handover.

Every step tells the signaller (``feedback``). Veilig Thuis's safety assessment of a report or an
advice request finishes within 5 working days of its arrival (``Route.due_at``); the crisis
service's route is handed over when the CJG-Jeugdteam accepts the handover route created with it.
"""

from datetime import datetime
from uuid import UUID

from django.db import transaction
from django.db.models import F, QuerySet
from django.utils import timezone

from ketenzicht.access.models import BasisKind
from ketenzicht.access.services import grant_basis, may_see_clients
from ketenzicht.audit.models import EventType, Outcome
from ketenzicht.audit.services import Actor, Subject, record
from ketenzicht.organisations.models import Organisation, Professional
from ketenzicht.organisations.services import organisation_by_slug
from ketenzicht.refusals import RefusalKind

from .access import signal_subject
from .feedback import give_feedback
from .models import (
    OPEN_ROUTE,
    AssessmentOutcome,
    Attachment,
    ConsentBasis,
    FeedbackMoment,
    Route,
    RouteKind,
    RouteStatus,
    Signal,
    SignalStatus,
)
from .notices import tell_desk
from .services import in_sentence, refuse

ROUTE_OBJECT = "signaal-route"

#: Outcomes of Veilig Thuis's safety assessment (domain.md §4).
SAFETY_ASSESSMENT_OUTCOMES = frozenset({
    AssessmentOutcome.LOCAL_TEAM, AssessmentOutcome.EXISTING_PROFESSIONAL,
    AssessmentOutcome.ADVICE_ONLY, AssessmentOutcome.END, AssessmentOutcome.INVESTIGATE,
})
#: Outcomes of a local team's triage.
TRIAGE_OUTCOMES = frozenset({
    AssessmentOutcome.OWN_HELP, AssessmentOutcome.LOCAL_TEAM,
    AssessmentOutcome.EXISTING_PROFESSIONAL, AssessmentOutcome.ADVICE_ONLY, AssessmentOutcome.END,
})
#: Outcomes of an advice request: it was asked without the person's name, so Veilig Thuis can
#: advise or end, but cannot hand over or investigate someone it does not know.
ADVICE_OUTCOMES = frozenset({AssessmentOutcome.ADVICE_ONLY, AssessmentOutcome.END})
HANDING_OVER = frozenset({AssessmentOutcome.LOCAL_TEAM, AssessmentOutcome.EXISTING_PROFESSIONAL})
ENDING = frozenset({AssessmentOutcome.ADVICE_ONLY, AssessmentOutcome.END})

_STATUS_ORDER = (RouteStatus.SHARED, RouteStatus.ACCEPTED, RouteStatus.ASSESSED,
                 RouteStatus.HELP_STARTED)
_SIGNAL_STATUS = {
    RouteStatus.SHARED: SignalStatus.SHARED, RouteStatus.ACCEPTED: SignalStatus.ACCEPTED,
    RouteStatus.ASSESSED: SignalStatus.ASSESSED, RouteStatus.HELP_STARTED: SignalStatus.HELP_STARTED,
}


def is_safety_assessment(route: Route) -> bool:
    """Veilig Thuis's routes: reports and advice requests, with the 5-working-day clock."""
    return route.kind in (RouteKind.REPORT, RouteKind.ADVICE) and route.desk.type.receives_reports


def outcomes_for(route: Route) -> frozenset[str]:
    """The outcomes this desk may record for this route."""
    if route.kind == RouteKind.ADVICE:
        return ADVICE_OUTCOMES
    return SAFETY_ASSESSMENT_OUTCOMES if is_safety_assessment(route) else TRIAGE_OUTCOMES


def inbox(professional: Professional) -> QuerySet[Route]:
    """The desk's open routes: the nearest deadline first, then the oldest."""
    if not may_see_clients(professional):
        return Route.objects.none()
    return (
        Route.objects.filter(OPEN_ROUTE, desk=professional.organisation)
        .select_related("signal__person", "signal__organisation", "desk__type")
        .order_by(F("due_at").asc(nulls_last=True), "shared_at", "id")
    )


def open_route(professional: Professional, actor: Actor, route_uuid: UUID | str, *,
               lock: bool = False, event_type: EventType = EventType.READ) -> Route | None:
    """A route of the professional's own desk, with its audit event; None for anything else."""
    routes = Route.objects.select_related(
        "signal__person", "signal__organisation", "signal__signaller__user", "desk__type",
        "handed_to", "help_with",
    )
    if lock:
        routes = routes.select_for_update(of=("self",))
    route = routes.filter(uuid=route_uuid).first()
    if route is None or not may_see_clients(professional) \
            or route.desk_id != professional.organisation_id:
        record(actor, event_type, Subject(
            client_pseudonym=str(route.signal.person.uuid) if route else "",
            object_type=ROUTE_OBJECT, object_id=str(route_uuid)),
            outcome=Outcome.DENIED, purpose="geen grondslag")
        return None
    record(actor, event_type, _subject(route), purpose=f"loket: {route.kind}")
    return route


def _subject(route: Route) -> Subject:
    return Subject(client_pseudonym=str(route.signal.person.uuid), object_type=ROUTE_OBJECT,
                   object_id=str(route.uuid), detail={"signaal": str(route.signal.uuid)})


def _audit(actor: Actor, route: Route, purpose: str) -> None:
    record(actor, EventType.UPDATE, _subject(route), purpose=purpose)


def _lock(route: Route) -> Route:
    Route.objects.select_for_update(of=("self",)).filter(pk=route.pk).first()
    route.refresh_from_db()
    return route


def _expect(route: Route, *statuses: RouteStatus) -> None:
    if route.status not in statuses:
        refuse("route-status", f"Dit kan niet meer: de route is {route.get_status_display().lower()}.",
               "status", RefusalKind.CONFLICT)


def _hold_until_handover_accepted(route: Route) -> None:
    """Warm handover: the crisis service stays responsible until the team it hands over to has
    accepted; it cannot let go of the family before that (domain.md §4)."""
    if route.handed_over_to_id is not None and Route.objects.filter(
        pk=route.handed_over_to_id, status=RouteStatus.SHARED,
    ).exists():
        refuse("overdracht-niet-aangenomen", "De overdracht is nog niet aangenomen: u blijft "
               "verantwoordelijk tot het team de overdracht aanneemt.", "status",
               RefusalKind.CONFLICT)


def refresh_signal_status(signal: Signal, now: datetime) -> None:
    """The signal stands where its furthest open route stands (advice requests aside); closed
    when every route it took has ended."""
    routes = list(signal.routes.exclude(kind=RouteKind.ADVICE).values_list("status", flat=True))
    open_statuses = [s for s in routes if s in _STATUS_ORDER]
    if open_statuses:
        furthest = max(open_statuses, key=_STATUS_ORDER.index)
        Signal.objects.filter(pk=signal.pk).update(status=_SIGNAL_STATUS[furthest], closed_at=None)
    elif routes:
        Signal.objects.filter(pk=signal.pk).update(status=SignalStatus.CLOSED, closed_at=now)


@transaction.atomic
def accept(professional: Professional, actor: Actor, route: Route,
           now: datetime | None = None) -> Route:
    """The desk takes the signal on; for a crisis handover this completes the handover."""
    now = now or timezone.now()
    route = _lock(route)
    _expect(route, RouteStatus.SHARED)
    Route.objects.filter(pk=route.pk).update(status=RouteStatus.ACCEPTED, accepted_at=now,
                                             accepted_by=professional)
    route.refresh_from_db()
    _audit(actor, route, "signaal aangenomen")
    give_feedback(route, FeedbackMoment.ACCEPTED, now, with_organisation=route.desk)
    handed_from = Route.objects.filter(handed_over_to=route).first()
    if handed_from is not None and handed_from.status in _STATUS_ORDER:
        Route.objects.filter(pk=handed_from.pk).update(status=RouteStatus.HANDED_OVER, ended_at=now)
        give_feedback(handed_from, FeedbackMoment.HANDED_OVER, now, route_started=True,
                      with_organisation=route.desk)
    refresh_signal_status(route.signal, now)
    return route


def _desk_for(slug: str) -> Organisation:
    desk = organisation_by_slug(slug) if slug else None
    if desk is None or not desk.is_active:
        refuse("organisatie-onbekend", "Kies de organisatie die het overneemt.", "overdragenAan")
    return desk


@transaction.atomic
def record_assessment(
    professional: Professional, actor: Actor, route: Route, outcome: str, *,
    handed_to_slug: str = "", signaller_keeps_role: bool = False, safety_conditions: str = "",
    now: datetime | None = None,
) -> Route:
    """Triage (a local team) or the safety assessment (Veilig Thuis), and where it leads.

    Handing over opens a route to the receiving organisation at once; the signaller is told
    whether a route started and with whom, and the safety conditions only if they keep a role.
    """
    now = now or timezone.now()
    route = _lock(route)
    _expect(route, RouteStatus.ACCEPTED)
    allowed = outcomes_for(route)
    if outcome not in allowed:
        names = ", ".join(in_sentence(AssessmentOutcome(o).label) for o in sorted(allowed))
        refuse("uitkomst-onbekend", f"Kies een uitkomst: {names}.", "uitkomst")
    handed_to = _desk_for(handed_to_slug) if outcome in HANDING_OVER else None
    if signaller_keeps_role and not safety_conditions.strip():
        refuse("veiligheidsvoorwaarden-ontbreken", "De melder houdt een rol: leg de afgesproken "
               "veiligheidsvoorwaarden vast.", "veiligheidsvoorwaarden")
    status = (RouteStatus.ENDED if outcome in ENDING
              else RouteStatus.HANDED_OVER if outcome in HANDING_OVER else RouteStatus.ASSESSED)
    if status != RouteStatus.ASSESSED:
        _hold_until_handover_accepted(route)
    Route.objects.filter(pk=route.pk).update(
        status=status, assessed_at=now, outcome=outcome, handed_to=handed_to,
        signaller_keeps_role=signaller_keeps_role, safety_conditions=safety_conditions.strip(),
        ended_at=now if status != RouteStatus.ASSESSED else None,
    )
    route.refresh_from_db()
    _audit(actor, route, f"beoordeling: {outcome}")
    started = outcome not in ENDING
    give_feedback(route, FeedbackMoment.ASSESSED, now, route_started=started,
                  with_organisation=handed_to or (route.desk if started else None))
    if outcome in ENDING:
        give_feedback(route, FeedbackMoment.ENDED, now, route_started=False)
    if handed_to is not None and handed_to != route.signal.organisation:
        _hand_over(professional, actor, route, handed_to, now)
    refresh_signal_status(route.signal, now)
    return route


def _hand_over(professional: Professional, actor: Actor, route: Route, receiver: Organisation,
               now: datetime) -> Route:
    """The receiving organisation gets the signal as a route of its own (warm handover: it is
    responsible from the moment it accepts)."""
    handover = Route.objects.create(
        signal=route.signal, desk=receiver, kind=RouteKind.SIGNAL, shared_at=now,
        shared_by=professional, reason=f"Overgedragen door {route.desk.name}.",
        consent_basis=ConsentBasis.SAFETY,
        safety_reason=f"Overdracht door {route.desk.name} na beoordeling van de veiligheid.",
        signaller_keeps_role=route.signaller_keeps_role, safety_conditions=route.safety_conditions,
    )
    grant_basis(receiver, route.signal.person, BasisKind.SIGNAL, str(route.signal.uuid), actor=actor)
    record(actor, EventType.CREATE, signal_subject(route.signal, loket=receiver.slug),
           purpose="signaal overgedragen")
    tell_desk(handover)
    return handover


@transaction.atomic
def record_help_started(professional: Professional, actor: Actor, route: Route,
                        with_slug: str = "", now: datetime | None = None) -> Route:
    """Help has really started (the moment the chain may let go), by the desk or another."""
    now = now or timezone.now()
    route = _lock(route)
    _expect(route, RouteStatus.ACCEPTED, RouteStatus.ASSESSED)
    if route.kind == RouteKind.ADVICE:
        refuse("adviesvraag-zonder-hulp", "Een adviesvraag is gesteld zonder naam: het loket "
               "geeft advies, maar start geen hulp.", "status", RefusalKind.CONFLICT)
    helper = _desk_for(with_slug) if with_slug else route.desk
    Route.objects.filter(pk=route.pk).update(status=RouteStatus.HELP_STARTED, help_started_at=now,
                                             help_with=helper)
    route.refresh_from_db()
    _audit(actor, route, "hulp gestart")
    give_feedback(route, FeedbackMoment.HELP_STARTED, now, route_started=True,
                  with_organisation=helper)
    refresh_signal_status(route.signal, now)
    return route


@transaction.atomic
def end_route(professional: Professional, actor: Actor, route: Route,
              now: datetime | None = None) -> Route:
    """The desk ends its route; the signaller hears whether help started and with whom."""
    now = now or timezone.now()
    route = _lock(route)
    _expect(route, *_STATUS_ORDER)
    _hold_until_handover_accepted(route)
    Route.objects.filter(pk=route.pk).update(status=RouteStatus.ENDED, ended_at=now)
    route.refresh_from_db()
    _audit(actor, route, "route beëindigd")
    give_feedback(route, FeedbackMoment.ENDED, now, route_started=route.help_started_at is not None,
                  with_organisation=route.help_with)
    refresh_signal_status(route.signal, now)
    return route


def open_attachment(professional: Professional, actor: Actor, route_uuid: UUID | str,
                    attachment_uuid: UUID | str) -> Attachment | None:
    """A file with the signal, for the desk the route belongs to; None for anything else.

    Never for an advice request: it is asked without the person's name, and a file may name
    them. The download is audited apart from opening the route, refused attempts too.
    """
    route = open_route(professional, actor, route_uuid)
    if route is None:
        return None
    attachment = None
    if route.kind != RouteKind.ADVICE:
        attachment = route.signal.attachments.filter(uuid=attachment_uuid).first()
    subject = signal_subject(route.signal, bijlage=str(attachment_uuid), route=str(route.uuid))
    if attachment is None:
        record(actor, EventType.READ, subject, outcome=Outcome.DENIED, purpose="geen grondslag")
        return None
    record(actor, EventType.READ, subject, purpose="bijlage ingezien door het loket")
    return attachment
