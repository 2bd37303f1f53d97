"""The signal flow's deadlines, watched every minute by the worker (job ``signalen-termijnen``).

- a Meldcode step left lying past its deadline while the signal is still with the signaller: the
  signaller and the aandachtsfunctionaris of their organisation are reminded, once per step
  (never for a signal the Meldcode does not apply to: an adult's own circumstances);
- after "hulp organiseren", the agreed date to answer question 5 has passed: the same two are
  reminded, once;
- a desk's clock ran out (``clocks``): Veilig Thuis's safety assessment of a report not finished
  within its 5 working days, or its own investigation not concluded within 10 weeks; a signal
  lying unaccepted at a local team past its term (2 working days): the desk's team leads are
  told, once per clock (the inbox flags it too);
- a handover (from the crisis service, or from Veilig Thuis or a team to the receiving team) not
  accepted by 12:00 on the next working day: the team leads of both are told, once per route.

What was handled is marked on the row (``Signal.reminded_step``, ``Route.overdue_notified_at``)
so each run is an index range scan over what is newly late; rows are claimed with
``SKIP LOCKED`` so overlapping runs never send twice.
"""

from datetime import datetime

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from ketenzicht.notify.services import Message, notify

from .clocks import Measures, measures, overdue
from .models import MeldcodeStep, Route, Signal, SignalStatus
from .notices import desk_leads, route_link, safeguarding_leads, signal_link

REMINDER = "meldcode-herinnering"
OVERDUE = "signaal-termijn"
BATCH = 500

#: The notice's title when a desk's own clock runs out, by what the clock measures.
OVERDUE_TITLES = {
    Measures.SAFETY_ASSESSMENT: "Veiligheidsbeoordeling niet binnen de termijn afgerond",
    Measures.INVESTIGATION: "Onderzoek van Veilig Thuis niet binnen de termijn afgerond",
    Measures.ACCEPTANCE: "Signaal niet binnen de termijn aangenomen",
}


#: ``Signal.reminded_step`` once the evaluation of question 5 was reminded (after step 5).
EVALUATION_REMINDED = 6


def run_deadline_jobs(now: datetime | None = None) -> dict[str, int]:
    now = now or timezone.now()
    return {"meldcode_reminded": remind_lying_signals(now),
            "evaluations_reminded": remind_due_evaluations(now),
            "routes_overdue": flag_overdue_routes(now)}


@transaction.atomic
def remind_lying_signals(now: datetime, batch: int = BATCH) -> int:
    lying = list(
        Signal.objects.filter(status=SignalStatus.OPEN, next_step__isnull=False, meldcode_applies=True,
                              step_due__lt=timezone.localdate(now),
                              reminded_step__lt=F("next_step"))
        .select_for_update(of=("self",), skip_locked=True).select_related("signaller")[:batch]
    )
    for signal in lying:
        step = MeldcodeStep(signal.next_step)
        notify([signal.signaller, *safeguarding_leads(signal.organisation_id)], Message(
            kind=REMINDER, title="Meldcode: een signaal blijft liggen",
            body=f"{step.label} had uiterlijk {signal.step_due:%d-%m-%Y} vastgelegd moeten zijn.",
            link=signal_link(signal), subject_key=f"{signal.uuid}:stap{step}",
        ))
    Signal.objects.filter(pk__in=[s.pk for s in lying]).update(reminded_step=F("next_step"))
    return len(lying)


@transaction.atomic
def remind_due_evaluations(now: datetime, batch: int = BATCH) -> int:
    """Help was organised with an agreed date to answer question 5; that date has passed."""
    due = list(
        Signal.objects.filter(evaluate_on__lt=timezone.localdate(now),
                              reminded_step__lt=EVALUATION_REMINDED)
        .select_for_update(of=("self",), skip_locked=True).select_related("signaller")[:batch]
    )
    for signal in due:
        notify([signal.signaller, *safeguarding_leads(signal.organisation_id)], Message(
            kind=REMINDER, title="Meldcode: evalueer of de hulp tot veiligheid leidt",
            body=f"Vraag 5 van het afwegingskader stond voor {signal.evaluate_on:%d-%m-%Y}.",
            link=signal_link(signal), subject_key=f"{signal.uuid}:evaluatie",
        ))
    Signal.objects.filter(pk__in=[s.pk for s in due]).update(reminded_step=EVALUATION_REMINDED)
    return len(due)


@transaction.atomic
def flag_overdue_routes(now: datetime, batch: int = BATCH) -> int:
    routes = list(
        Route.objects.filter(overdue(now), overdue_notified_at__isnull=True)
        .select_for_update(of=("self",), skip_locked=True)
        .select_related("handed_over_from__desk")[:batch]
    )
    for route in routes:
        recipients = list(desk_leads(route.desk_id))
        handed_from = getattr(route, "handed_over_from", None)
        if handed_from is not None:
            recipients += list(desk_leads(handed_from.desk_id))
            title = f"Overdracht van {handed_from.desk.name} is niet op tijd aangenomen"
        else:
            title = OVERDUE_TITLES[measures(route)]
        notify(recipients, Message(
            kind=OVERDUE, title=title,
            body=f"De termijn verliep op {timezone.localtime(route.due_at):%d-%m-%Y %H:%M}.",
            link=route_link(route), subject_key=f"{route.uuid}:te-laat:{measures(route)}",
        ))
    Route.objects.filter(pk__in=[r.pk for r in routes]).update(overdue_notified_at=now)
    return len(routes)
