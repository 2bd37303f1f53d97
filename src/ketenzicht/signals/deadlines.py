"""The signal flow's deadlines, watched by ``ketenzicht signalen-onderhoud`` (every minute).

- a Meldcode step left lying past its deadline: the signaller and the aandachtsfunctionaris of
  their organisation are reminded, once per step;
- Veilig Thuis's safety assessment not finished within its 5 working days: the team leads of
  Veilig Thuis are told, once per route (the inbox flags it too);
- the crisis service's handover not accepted by the CJG-Jeugdteam by 12:00 on the next working
  day: the team leads of both are told, once per route.

Each reminder is a notice with a subject key, so reruns and parallel runs send nothing twice;
signals already reminded are skipped in one query, not asked about one by one.
"""

from datetime import datetime, timedelta

from django.db.models import Max
from django.utils import timezone

from ketenzicht.notify.services import Message, already_sent, notify

from .clocks import overdue
from .meldcode import next_step
from .models import MeldcodeStep, Route, Signal, SignalSettings, SignalStatus
from .notices import desk_leads, route_link, safeguarding_leads, signal_link

REMINDER = "meldcode-herinnering"
OVERDUE = "signaal-termijn"


def run_deadline_jobs(now: datetime | None = None) -> dict[str, int]:
    now = now or timezone.now()
    return {"meldcode_reminded": remind_lying_signals(now), "routes_overdue": flag_overdue_routes(now)}


def _lying_candidates(now: datetime) -> list[Signal]:
    """Open signals whose last step is older than the shortest term in calendar days: a term in
    working days is never shorter, so nothing overdue is missed and most are never loaded."""
    days = min(SignalSettings.objects.values_list("step_working_days", flat=True), default=None)
    if days is None:
        return []
    return list(
        Signal.objects.filter(status=SignalStatus.OPEN)
        .annotate(last_step=Max("dossier__step"), last_at=Max("dossier__recorded_at"))
        .filter(last_step__lt=MeldcodeStep.DECISION, last_at__lt=now - timedelta(days=days))
        .select_related("organisation", "signaller__user")
    )


def remind_lying_signals(now: datetime) -> int:
    terms = dict(SignalSettings.objects.values_list("municipality_id", "step_working_days"))
    today = timezone.localdate(now)
    due = []
    for signal in _lying_candidates(now):
        term = terms.get(signal.organisation.municipality_id)
        if term is None:
            continue
        step = next_step(signal, step_working_days=term)
        if step is not None and step.due < today:
            due.append((signal, step))
    sent = already_sent(REMINDER, [f"{signal.uuid}:stap{step.step}" for signal, step in due])
    reminded = 0
    for signal, step in due:
        key = f"{signal.uuid}:stap{step.step}"
        if key in sent:
            continue
        notify([signal.signaller, *safeguarding_leads(signal.organisation_id)], Message(
            kind=REMINDER, title="Meldcode: een signaal blijft liggen",
            body=f"{step.step.label} had uiterlijk {step.due:%d-%m-%Y} vastgelegd moeten zijn.",
            link=signal_link(signal), subject_key=key,
        ))
        reminded += 1
    return reminded


def overdue_routes(now: datetime):
    return Route.objects.filter(overdue(now)).select_related("desk")


def flag_overdue_routes(now: datetime) -> int:
    routes = list(overdue_routes(now))
    sent = already_sent(OVERDUE, [f"{route.uuid}:te-laat" for route in routes])
    flagged = 0
    for route in routes:
        key = f"{route.uuid}:te-laat"
        if key in sent:
            continue
        recipients = list(desk_leads(route.desk_id))
        handed_from = Route.objects.filter(handed_over_to=route).first()
        if handed_from is not None:
            recipients += list(desk_leads(handed_from.desk_id))
            title = "Overdracht van de crisisdienst is niet op tijd aangenomen"
        else:
            title = "Veiligheidsbeoordeling niet binnen 5 werkdagen afgerond"
        notify(recipients, Message(
            kind=OVERDUE, title=title,
            body=f"De termijn verliep op {timezone.localtime(route.due_at):%d-%m-%Y %H:%M}.",
            link=route_link(route), subject_key=key,
        ))
        flagged += 1
    return flagged
