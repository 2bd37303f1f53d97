"""The desk's side: the inbox (postvak), accepting, triage or the safety assessment, Veilig
Thuis's own investigation and its conclusion, the start of help, the end of the route, and the
crisis service's handover.

Every step tells the signaller (``feedback``). Each route has one clock (``clocks``): Veilig
Thuis's safety assessment of a report (5 working days), then its own investigation (10 weeks);
a local team's acceptance of a signal (2 working days); a handover's acceptance (12:00 on the next
working day). Nobody lets go of a family before help has started: a desk hands over only to an
organisation that can take responsibility for help, and stays responsible until it accepts.
"""

from datetime import datetime
from uuid import UUID

from django.db import transaction
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.utils import timezone

from ketenzicht.access.models import BasisKind
from ketenzicht.access.services import (
    end_basis,
    grant_basis,
    involved_organisation_ids,
    may_see_clients,
)
from ketenzicht.audit.models import EventType, Outcome
from ketenzicht.audit.services import Actor, Subject, record
from ketenzicht.organisations.calendar import next_working_day_at
from ketenzicht.organisations.models import Organisation, Professional
from ketenzicht.organisations.services import CARES_FOR_FAMILIES, care_organisations
from ketenzicht.refusals import RefusalKind

from . import clocks
from .access import signal_subject
from .events import route_accepted, route_released
from .feedback import give_feedback
from .models import (
    OPEN_ROUTE,
    OPEN_ROUTE_STATUSES,
    AssessmentOutcome,
    Attachment,
    FeedbackMoment,
    InvestigationConclusion,
    Route,
    RouteKind,
    RouteStatus,
    Signal,
    SignalSettings,
    SignalStatus,
)
from .notices import tell_desk
from .services import in_sentence, refuse, settings_for_person

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

_STATUS_ORDER = OPEN_ROUTE_STATUSES
_SIGNAL_STATUS = {
    RouteStatus.SHARED: SignalStatus.SHARED, RouteStatus.ACCEPTED: SignalStatus.ACCEPTED,
    RouteStatus.ASSESSED: SignalStatus.ASSESSED, RouteStatus.HELP_STARTED: SignalStatus.HELP_STARTED,
}


def is_safety_assessment(route: Route) -> bool:
    """Veilig Thuis's reports (meldingen), with the 5-working-day clock. An advice request is
    answered, not assessed: it names nobody (see ``clocks.due_for``)."""
    return route.kind == RouteKind.REPORT and route.desk.type.receives_reports


def outcomes_for(route: Route) -> frozenset[str]:
    """The outcomes this desk may record for this route."""
    if route.kind == RouteKind.ADVICE:
        return ADVICE_OUTCOMES
    return SAFETY_ASSESSMENT_OUTCOMES if is_safety_assessment(route) else TRIAGE_OUTCOMES


def has_inbox(professional: Professional) -> bool:
    """Whether the professional has a Postvak: at a desk for signals or reports, the crisis
    service, or any organisation a route was ever shared or handed over with (one query at
    most; none for the desks themselves)."""
    if not professional.works_with_clients:
        return False
    organisation = professional.organisation
    if organisation.type.receives_signals or organisation.type.receives_reports:
        return True
    return Organisation.objects.filter(pk=organisation.pk).filter(
        Exists(Route.objects.filter(desk=OuterRef("pk")))
        | Exists(SignalSettings.objects.filter(crisis_desk=OuterRef("pk")))
    ).exists()


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
    """Warm handover: the desk that hands over stays responsible until the receiver has accepted;
    it cannot let go of the family before that (domain.md §4)."""
    if route.handed_over_to_id is not None and Route.objects.filter(
        pk=route.handed_over_to_id, status=RouteStatus.SHARED,
    ).exists():
        refuse("overdracht-niet-aangenomen", "De overdracht is nog niet aangenomen: u blijft "
               "verantwoordelijk tot het team de overdracht aanneemt.", "status",
               RefusalKind.CONFLICT)


def _release(route: Route, actor: Actor) -> None:
    """A desk whose route ended or was handed over no longer needs the person's household: its
    basis from this signal ends, unless another of its routes on the signal is still open."""
    if Route.objects.filter(OPEN_ROUTE, signal=route.signal_id, desk=route.desk_id).exists():
        return
    end_basis(route.desk, route.signal.person, BasisKind.SIGNAL, str(route.signal.uuid), actor=actor)
    route_released.send(sender=Route, route=route, actor=actor)


def may_end(route: Route) -> bool:
    """Help has started and no handover is still waiting. Deciding to investigate is no help:
    Veilig Thuis's investigation ends in a conclusion (``conclude_investigation``)."""
    return route.status == RouteStatus.HELP_STARTED and route.handed_over_to_id is None


def refresh_signal_status(signal: Signal, now: datetime) -> None:
    """The signal stands where its furthest open route stands (advice requests aside). When every
    route it took has ended it is closed only if its Meldcode is done too; otherwise it is back
    with the signaller, whose Meldcode goes on."""
    routes = list(signal.routes.exclude(kind=RouteKind.ADVICE).values_list("status", flat=True))
    open_statuses = [s for s in routes if s in _STATUS_ORDER]
    if open_statuses:
        furthest = max(open_statuses, key=_STATUS_ORDER.index)
        Signal.objects.filter(pk=signal.pk).update(status=_SIGNAL_STATUS[furthest], closed_at=None)
    elif routes:
        meldcode_done = not Signal.objects.filter(
            Q(next_step__isnull=False) | Q(evaluate_on__isnull=False), pk=signal.pk).exists()
        Signal.objects.filter(pk=signal.pk).update(
            status=SignalStatus.CLOSED if meldcode_done else SignalStatus.OPEN,
            closed_at=now if meldcode_done else None,
        )


@transaction.atomic
def accept(professional: Professional, actor: Actor, route: Route,
           now: datetime | None = None) -> Route:
    """The desk takes the signal on; for a handover this completes it: the route that handed
    over ends, and the signaller hears who took over."""
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
        _complete_handover(handed_from, route.desk, actor, now)
    refresh_signal_status(route.signal, now)
    route_accepted.send(sender=Route, route=route, professional=professional, actor=actor, now=now)
    return route


def _complete_handover(route: Route, receiver: Organisation, actor: Actor, now: datetime) -> None:
    """The receiver has the signal: the route that handed over ends, the signaller hears who
    took over, and the handing desk's access ends."""
    Route.objects.filter(pk=route.pk).update(status=RouteStatus.HANDED_OVER, ended_at=now)
    route.refresh_from_db()
    _release(route, actor)
    give_feedback(route, FeedbackMoment.HANDED_OVER, now, route_started=True,
                  with_organisation=receiver)


#: Who can take a signal over or give the help: the organisations that can take responsibility
#: for help (one home: ``organisations.services.CARES_FOR_FAMILIES``).
CARE = CARES_FOR_FAMILIES


def handover_receivers(route: Route, outcome: str | None = None) -> QuerySet[Organisation]:
    """Who can take the family over: an organisation that can take responsibility for help.

    To the local team: a team that receives signals. To an existing professional: a care
    organisation (``CARE``) already involved with the person, or the signaller's own when it is
    one (the youth doctor's GGD; never the school or the police, who signal but cannot hold a
    family). Without an outcome: everyone either could be, for the form's list."""
    local_team = Q(type__receives_signals=True)
    existing = CARE & (Q(pk__in=involved_organisation_ids(route.signal.person))
                       | Q(pk=route.signal.organisation_id))
    allowed = {AssessmentOutcome.LOCAL_TEAM: local_team,
               AssessmentOutcome.EXISTING_PROFESSIONAL: existing}.get(outcome, local_team | existing)
    return Organisation.objects.filter(allowed, is_active=True).exclude(pk=route.desk_id) \
        .order_by("name")


def _receiver(route: Route, outcome: str, slug: str) -> Organisation:
    receiver = handover_receivers(route, outcome).filter(slug=slug).first() if slug else None
    if receiver is not None:
        return receiver
    if outcome == AssessmentOutcome.LOCAL_TEAM:
        refuse("organisatie-onbekend", "Kies een CJG-Jeugdteam of sociaal gebiedsteam om aan "
               "over te dragen.", "overdragenAan")
    involved_not_care = Organisation.objects.filter(
        Q(pk__in=involved_organisation_ids(route.signal.person)) | Q(pk=route.signal.organisation_id),
        slug=slug, is_active=True).exclude(CARE).first() if slug else None
    if involved_not_care is not None:
        refuse("geen-hulporganisatie", f"{involved_not_care.name} kan de verantwoordelijkheid voor "
               "hulp aan het gezin niet overnemen. Draag over aan het lokale team of aan een "
               "betrokken organisatie die hulp biedt.", "overdragenAan")
    refuse("organisatie-onbekend", "Kies een organisatie die hulp biedt en al bij deze persoon "
           "betrokken is.", "overdragenAan")


def _helper(slug: str) -> Organisation:
    helper = care_organisations().filter(slug=slug).first()
    if helper is None:
        refuse("organisatie-onbekend", "Kies een organisatie die hulp biedt.", "hulpDoor")
    return helper


def _check_safety_conditions(signaller_keeps_role: bool, safety_conditions: str) -> None:
    if signaller_keeps_role and not safety_conditions.strip():
        refuse("veiligheidsvoorwaarden-ontbreken", "De melder houdt een rol: leg de afgesproken "
               "veiligheidsvoorwaarden vast.", "veiligheidsvoorwaarden")


@transaction.atomic
def record_assessment(
    professional: Professional, actor: Actor, route: Route, outcome: str, *,
    handed_to_slug: str = "", signaller_keeps_role: bool = False, safety_conditions: str = "",
    now: datetime | None = None,
) -> Route:
    """Triage (a local team) or the safety assessment (Veilig Thuis), and where it leads.

    Handing over opens a route to the receiving organisation at once; the signaller is told
    whether a route started and with whom, and the safety conditions only if they keep a role.
    Deciding to investigate starts the investigation's own clock (``clocks.investigation_due``).
    """
    now = now or timezone.now()
    route = _lock(route)
    _expect(route, RouteStatus.ACCEPTED)
    allowed = outcomes_for(route)
    if outcome not in allowed:
        names = ", ".join(in_sentence(AssessmentOutcome(o).label) for o in sorted(allowed))
        refuse("uitkomst-onbekend", f"Kies een uitkomst: {names}.", "uitkomst")
    handed_to = _receiver(route, outcome, handed_to_slug) if outcome in HANDING_OVER else None
    _check_safety_conditions(signaller_keeps_role, safety_conditions)
    # Warm handover: the assessing desk stays responsible (assessed, not yet handed over) until
    # the receiving organisation accepts; handing back to the signaller's own care organisation,
    # which is already involved, completes at once.
    to_signaller = handed_to is not None and handed_to == route.signal.organisation
    status = (RouteStatus.ENDED if outcome in ENDING
              else RouteStatus.HANDED_OVER if to_signaller else RouteStatus.ASSESSED)
    if status != RouteStatus.ASSESSED:
        _hold_until_handover_accepted(route)
    clock = {}
    if outcome == AssessmentOutcome.INVESTIGATE:  # a new clock, flagged once of its own
        settings, _district = settings_for_person(route.signal.person, route.signal.organisation)
        clock = {"due_at": clocks.investigation_due(now, settings), "overdue_notified_at": None}
    Route.objects.filter(pk=route.pk).update(
        status=status, assessed_at=now, outcome=outcome, handed_to=handed_to,
        signaller_keeps_role=signaller_keeps_role, safety_conditions=safety_conditions.strip(),
        ended_at=now if status != RouteStatus.ASSESSED else None, **clock,
    )
    route.refresh_from_db()
    _audit(actor, route, f"beoordeling: {outcome}")
    if status != RouteStatus.ASSESSED:
        _release(route, actor)
    started = outcome not in ENDING
    give_feedback(route, FeedbackMoment.ASSESSED, now, route_started=started,
                  with_organisation=handed_to or (route.desk if started else None))
    if outcome in ENDING:
        give_feedback(route, FeedbackMoment.ENDED, now, route_started=False)
    if handed_to is not None and not to_signaller:
        _hand_over_warmly(professional, actor, route, handed_to, now,
                          local_team=outcome == AssessmentOutcome.LOCAL_TEAM)
    refresh_signal_status(route.signal, now)
    return route


def _hand_over_warmly(professional: Professional, actor: Actor, route: Route,
                      receiver: Organisation, now: datetime, *, local_team: bool) -> None:
    """Open the receiver's route and hold the family until it accepts; when the receiver already
    works on this signal there is nothing to wait for."""
    receiving = _hand_over(professional, actor, route, receiver, now, local_team=local_team)
    if receiving.status == RouteStatus.SHARED and not Route.objects.filter(
        handed_over_to=receiving).exists():
        route.handed_over_to = receiving
        route.save(update_fields=["handed_over_to"])
    else:
        _complete_handover(route, receiver, actor, now)


def _hand_over(professional: Professional, actor: Actor, route: Route, receiver: Organisation,
               now: datetime, *, local_team: bool) -> Route:
    """The receiving organisation gets the signal as a route of its own (warm handover: it is
    responsible from the moment it accepts, due by 12:00 on the next working day). When it
    already has the signal open (the signaller shared it there too), that route is the one."""
    existing = Route.objects.filter(OPEN_ROUTE, signal=route.signal, desk=receiver).exclude(
        kind=RouteKind.ADVICE).first()
    if existing is not None:
        return existing
    settings, _district = settings_for_person(route.signal.person, route.signal.organisation)
    handover = Route.objects.create(
        signal=route.signal, desk=receiver, kind=RouteKind.SIGNAL, shared_at=now,
        shared_by=professional, reason=f"Overgedragen door {route.desk.name}.",
        # The basis the signal was shared on travels with it; nothing is made up on the way.
        consent_basis=route.consent_basis, consent_given_by=route.consent_given_by,
        safety_reason=route.safety_reason,
        signaller_keeps_role=route.signaller_keeps_role, safety_conditions=route.safety_conditions,
        # Unlike the crisis service's handover of a night call (due the same morning), a desk
        # handing over during the day leaves the receiver until the next working day.
        due_at=next_working_day_at(now, settings.handover_time, not_today=True),
    )
    if local_team:  # an existing professional is involved already
        grant_basis(receiver, route.signal.person, BasisKind.SIGNAL, str(route.signal.uuid),
                    actor=actor)
    record(actor, EventType.CREATE, signal_subject(route.signal, loket=receiver.slug),
           purpose="signaal overgedragen")
    tell_desk(handover)
    return handover


#: Where Veilig Thuis's investigation may lead: someone takes responsibility for help.
CONCLUSIONS = frozenset(InvestigationConclusion.values)
_CONCLUSION_HANDOVER = {
    InvestigationConclusion.LOCAL_TEAM: AssessmentOutcome.LOCAL_TEAM,
    InvestigationConclusion.EXISTING_PROFESSIONAL: AssessmentOutcome.EXISTING_PROFESSIONAL,
}


@transaction.atomic
def conclude_investigation(
    professional: Professional, actor: Actor, route: Route, conclusion: str, *,
    handed_to_slug: str = "", with_slug: str = "", signaller_keeps_role: bool = False,
    safety_conditions: str = "", now: datetime | None = None,
) -> Route:
    """Veilig Thuis's own investigation is concluded: a warm handover to the local team or an
    involved care organisation (Veilig Thuis stays responsible until it accepts), or help that
    has started (after which the route may end). There is no conclusion "end": an investigation
    that found unsafety leaves the family only to someone who helps (domain.md §4). The
    signaller hears the conclusion from the route's structured fields (``feedback``)."""
    now = now or timezone.now()
    route = _lock(route)
    if not clocks.is_investigating(route):
        refuse("geen-onderzoek", "Er loopt geen onderzoek van Veilig Thuis op deze route: de "
               "conclusie is al vastgelegd, of er is niet gekozen voor eigen onderzoek.", "status",
               RefusalKind.CONFLICT)
    if conclusion not in CONCLUSIONS:
        names = ", ".join(in_sentence(InvestigationConclusion(c).label) for c in sorted(CONCLUSIONS))
        refuse("conclusie-onbekend", f"Kies een conclusie: {names}.", "conclusie")
    _check_safety_conditions(signaller_keeps_role, safety_conditions)
    agreed = {"signaller_keeps_role": signaller_keeps_role,
              "safety_conditions": safety_conditions.strip()}
    if conclusion == InvestigationConclusion.HELP_STARTED:
        return _start_help(actor, route, with_slug, now, **agreed)
    receiver = _receiver(route, _CONCLUSION_HANDOVER[conclusion], handed_to_slug)
    to_signaller = receiver == route.signal.organisation
    ended = {"status": RouteStatus.HANDED_OVER, "ended_at": now} if to_signaller else {}
    Route.objects.filter(pk=route.pk).update(
        investigation_conclusion=conclusion, concluded_at=now, handed_to=receiver, **agreed, **ended)
    route.refresh_from_db()
    _audit(actor, route, f"onderzoek afgerond: {conclusion}")
    if to_signaller:
        _release(route, actor)
    give_feedback(route, FeedbackMoment.INVESTIGATED, now, route_started=True,
                  with_organisation=receiver)
    if not to_signaller:
        _hand_over_warmly(professional, actor, route, receiver, now,
                          local_team=conclusion == InvestigationConclusion.LOCAL_TEAM)
    refresh_signal_status(route.signal, now)
    return route


@transaction.atomic
def record_help_started(professional: Professional, actor: Actor, route: Route,
                        with_slug: str = "", now: datetime | None = None) -> Route:
    """Help has really started (the moment the chain may let go), by the desk or another. During
    Veilig Thuis's investigation this is its conclusion "hulp gestart"."""
    now = now or timezone.now()
    route = _lock(route)
    _expect(route, RouteStatus.ACCEPTED, RouteStatus.ASSESSED)
    if route.kind == RouteKind.ADVICE:
        refuse("adviesvraag-zonder-hulp", "Een adviesvraag is gesteld zonder naam: het loket "
               "geeft advies, maar start geen hulp.", "status", RefusalKind.CONFLICT)
    return _start_help(actor, route, with_slug, now)


def _start_help(actor: Actor, route: Route, with_slug: str, now: datetime, **agreed) -> Route:
    helper = _helper(with_slug) if with_slug else route.desk
    concluding = clocks.is_investigating(route)
    conclusion = ({"investigation_conclusion": InvestigationConclusion.HELP_STARTED,
                   "concluded_at": now} if concluding else {})
    Route.objects.filter(pk=route.pk).update(status=RouteStatus.HELP_STARTED, help_started_at=now,
                                             help_with=helper, **conclusion, **agreed)
    route.refresh_from_db()
    _audit(actor, route, "onderzoek afgerond: hulp gestart" if concluding else "hulp gestart")
    if concluding:
        give_feedback(route, FeedbackMoment.INVESTIGATED, now, route_started=True,
                      with_organisation=helper)
    give_feedback(route, FeedbackMoment.HELP_STARTED, now, route_started=True,
                  with_organisation=helper)
    refresh_signal_status(route.signal, now)
    return route


@transaction.atomic
def end_route(professional: Professional, actor: Actor, route: Route,
              now: datetime | None = None) -> Route:
    """The desk ends its route after help has started; the signaller hears with whom. Ending
    without help goes through the triage or assessment (advice only, or end), and Veilig Thuis's
    own investigation through its conclusion, so nobody is let go unrecorded."""
    now = now or timezone.now()
    route = _lock(route)
    # A waiting handover first: its refusal says why, also when help has started already.
    _hold_until_handover_accepted(route)
    if not may_end(route):
        refuse("hulp-niet-gestart", "Een route eindigt pas als de hulp is gestart. Zonder hulp: "
               "leg de triage of beoordeling vast met de uitkomst alleen advies of afsluiten.",
               "status", RefusalKind.CONFLICT)
    Route.objects.filter(pk=route.pk).update(status=RouteStatus.ENDED, ended_at=now)
    route.refresh_from_db()
    _audit(actor, route, "route beëindigd")
    _release(route, actor)
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
