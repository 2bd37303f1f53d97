"""The signal flow's work on the worklist (``KETENZICHT_WORKLIST_PROVIDERS``).

- the signaller: the next Meldcode step of each signal still with them, with its deadline
  (overdue ones marked);
- a desk's professionals: routes to accept (a local team within 2 working days) and to assess
  (triage, Veilig Thuis's safety assessment of a report within 5 working days, or the answer to
  an advice request), and handovers to accept by 12:00 on the next working day (overdue ones
  marked).

Items name no person and no BSN: the link leads to a page that checks access and is audited.
Two queries whatever the number of items: the Meldcode's next step and its deadline are kept on
the signal, and each route comes with what its item names.
"""

from collections.abc import Iterator
from datetime import datetime

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ketenzicht.organisations.models import Professional
from ketenzicht.signals import clocks, desks, meldcode
from ketenzicht.signals.models import (
    MeldcodeStep,
    Route,
    RouteKind,
    RouteStatus,
    Signal,
    SignalStatus,
)
from ketenzicht.signals.notices import route_link, signal_link

from ..worklist import WorklistItem

_TO_ACCEPT = {
    RouteKind.SIGNAL: gettext_lazy("Nieuw signaal aannemen"),
    RouteKind.REPORT: gettext_lazy("Nieuwe melding aannemen"),
    RouteKind.ADVICE: gettext_lazy("Nieuwe adviesvraag aannemen"),
    RouteKind.CRISIS: gettext_lazy("Crisis aannemen"),
}


def signal_work(professional: Professional) -> Iterator[WorklistItem]:
    if not professional.works_with_clients:
        return
    now = timezone.now()
    yield from meldcode_work(professional, now)
    yield from desk_work(professional, now)


# --- The signaller: the Meldcode -----------------------------------------------------------------

def _step_title(step: MeldcodeStep) -> str:
    label = str(step.label)
    return _("Meldcode: %(step)s") % {"step": label[:1].lower() + label[1:]}


def meldcode_work(professional: Professional, now: datetime) -> Iterator[WorklistItem]:
    """One query: the signals still with the signaller, whose next step and its deadline are
    kept on the signal itself, and help organised whose question 5 is to be evaluated."""
    signals = Signal.objects.filter(
        Q(status=SignalStatus.OPEN, next_step__isnull=False) | Q(evaluate_on__isnull=False),
        signaller=professional,
    ).order_by("step_due", "evaluate_on", "id")
    today = timezone.localdate(now)
    kind = _("Meldcode")
    for signal in signals:
        if signal.evaluate_on is not None:
            yield WorklistItem(
                title=_("Meldcode: evalueren of de hulp tot veiligheid leidt (vraag 5)"),
                url=signal_link(signal), kind=kind, due=signal.evaluate_on,
                detail=_("De termijn is verstreken.") if signal.evaluate_on < today else "",
            )
            continue
        step = meldcode.next_step(signal)
        if step is None:
            continue
        recorded = _("Signaal vastgelegd op %(day)s.") % {
            "day": f"{timezone.localdate(signal.created_at):%d-%m-%Y}"}
        yield WorklistItem(
            title=_step_title(step.step), url=signal_link(signal), kind=kind, due=step.due,
            detail=f"{recorded} {_('De termijn is verstreken.')}" if step.due < today else recorded,
        )


# --- A desk: accept, assess, take over -----------------------------------------------------------

def _desk_title(route: Route, handed_over_from: Route | None) -> str:
    if route.status == RouteStatus.ACCEPTED:
        if route.kind == RouteKind.ADVICE:
            return _("Adviesvraag beantwoorden")
        return (_("Veiligheidsbeoordeling vastleggen") if desks.is_safety_assessment(route)
                else _("Triage vastleggen"))
    if handed_over_from is not None:
        return _("Overdracht van %(name)s aannemen") % {"name": handed_over_from.desk.name}
    return str(_TO_ACCEPT[RouteKind(route.kind)])


def _handed_over_from(route: Route) -> Route | None:
    try:
        return route.handed_over_from
    except Route.DoesNotExist:
        return None


def desk_work(professional: Professional, now: datetime) -> Iterator[WorklistItem]:
    """One query: the desk's routes still to accept or to assess."""
    routes = desks.inbox(professional).filter(
        status__in=[RouteStatus.SHARED, RouteStatus.ACCEPTED],
    ).select_related(None).select_related("desk__type", "signal__organisation",
                                          "handed_over_from__desk")
    kind = _("Postvak")
    for route in routes:
        received = _("Van %(organisation)s, ontvangen op %(day)s.") % {
            "organisation": route.signal.organisation.name,
            "day": f"{timezone.localtime(route.shared_at):%d-%m-%Y %H:%M}"}
        waiting = clocks.is_waiting(route)
        detail = received
        if waiting and clocks.is_overdue(route, now):
            detail = _("%(received)s Termijn verstreken: uiterlijk %(due)s.") % {
                "received": received, "due": f"{timezone.localtime(route.due_at):%d-%m-%Y %H:%M}"}
        yield WorklistItem(
            title=_desk_title(route, _handed_over_from(route)), url=route_link(route), kind=kind,
            due=timezone.localdate(route.due_at) if waiting else None, detail=detail,
        )
