"""The verwijsindex's deadlines, run every minute by the worker (job ``verwijsindex-termijnen``).

- Escalation: a match without contact after the municipality's term (default 10 working days,
  Dutch public holidays respected) goes to the municipality's regievoerder, because a match
  nobody follows up is the failure the inspectors found (domain.md §2).
- Informing: a registration neither informed nor postponed (with a reason) after the term
  reminds its registrant, once.
- Moves: registrations and matches follow the youth to the new district (``moves``), as a
  safety net for moves the ``person_moved`` signal did not carry.

Terms count whole working days after the day something started; the term has passed when its
last working day is over. Each municipality's terms become one creation-time cutoff, so the
selection is one indexed query per municipality. Rows are claimed with ``FOR UPDATE SKIP
LOCKED`` and a conditional update, notices carry a ``subject_key``: a second run, or two runs at
once, change and send nothing twice.
"""

from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from ketenzicht.audit.models import EventType
from ketenzicht.audit.services import SYSTEM
from ketenzicht.notify.services import Message, notify
from ketenzicht.organisations.calendar import add_working_days, is_working_day

from .match_actions import record_match_event, regievoerders
from .models import IndexRegistration, IndexSettings, Match, MatchStatus, RegistrationStatus
from .moves import follow_moves
from .municipality import in_municipality

#: At most this many rows per step and run; the next run (a minute later) takes the rest.
BATCH = 500


def term_end(start: date, working_days: int) -> date:
    """The last day of a term of ``working_days`` working days that started on ``start``;
    the term has passed once this day is over."""
    return add_working_days(start, working_days)


def last_start_with_term_passed(today: date, working_days: int) -> date:
    """The latest start day whose term of ``working_days`` working days was over before today.

    A term started on day S ends at the end of ``add_working_days(S, working_days)``; it has
    passed on ``today`` when that day lies before ``today``. Counting back from yesterday the
    ``working_days``-th working day gives the first start day too late; the day before it is the
    answer. Holidays come from ``organisations.calendar``.
    """
    day, counted = today - timedelta(days=1), 0
    while counted < working_days:
        counted += is_working_day(day)
        day -= timedelta(days=1)
    return day


def _start_of_day_after(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))


def _cutoff(now: datetime, working_days: int) -> datetime:
    """Whatever started before this moment has had its term pass."""
    return _start_of_day_after(last_start_with_term_passed(timezone.localdate(now), working_days))


def run_deadline_jobs(now: datetime | None = None) -> dict[str, int]:
    """Escalate, remind and follow moves; returns how many of each happened in this run."""
    now = now or timezone.now()
    counts = {"escalated": 0, "informing_reminded": 0, "moves_followed": 0}
    for settings in IndexSettings.objects.select_related("municipality").order_by("id"):
        counts["escalated"] += _escalate(settings, now)
        counts["informing_reminded"] += _remind_informing(settings, now)
    counts["moves_followed"] = follow_moves(SYSTEM, now)
    return counts


@transaction.atomic
def _escalate(settings: IndexSettings, now: datetime) -> int:
    municipality = settings.municipality
    due = list(
        Match.objects.select_for_update(of=("self",), skip_locked=True)
        .filter(in_municipality(municipality, "match_coordinator"), status=MatchStatus.NEW,
                escalated_at__isnull=True, created_at__lt=_cutoff(now, settings.escalation_working_days))
        .select_related("match_coordinator", "person").order_by("id")[:BATCH]
    )
    if not due:
        return 0
    Match.objects.filter(id__in=[m.id for m in due], escalated_at__isnull=True).update(
        escalated_at=now
    )
    recipients = list(regievoerders(municipality))
    for match in due:
        record_match_event(SYSTEM, EventType.UPDATE, match,
                           purpose="opgeschaald naar de regievoerder: geen contact binnen de termijn",
                           detail={"opgeschaald": True})
        notify(recipients, Message(
            kind="verwijsindex-opgeschaald", title="Match zonder contact opgeschaald",
            body=(f"In deze match is na {settings.escalation_working_days} werkdagen nog geen "
                  f"contact gelegd. Matchregisseur: {match.match_coordinator.name}."),
            link=f"/verwijsindex/matches/{match.uuid}/", subject_key=f"{match.uuid}:opgeschaald",
        ))
    return len(due)


@transaction.atomic
def _remind_informing(settings: IndexSettings, now: datetime) -> int:
    municipality = settings.municipality
    due = list(
        IndexRegistration.objects.select_for_update(of=("self",), skip_locked=True)
        .filter(in_municipality(municipality, "organisation"), status=RegistrationStatus.ACTIVE, informed="",
                informing_postponed_reason="", informing_reminded_at__isnull=True,
                registered_at__lt=_cutoff(now, settings.informing_working_days))
        .select_related("registrant__user").order_by("id")[:BATCH]
    )
    if not due:
        return 0
    IndexRegistration.objects.filter(
        id__in=[r.id for r in due], informing_reminded_at__isnull=True
    ).update(informing_reminded_at=now)
    for registration in due:
        notify([registration.registrant], Message(
            kind="verwijsindex-informeren", title="Informeren over registratie is te laat",
            body=(f"{settings.informing_working_days} werkdagen na de registratie is nog niet "
                  "vastgelegd dat de jeugdige en/of de ouders zijn geïnformeerd, of waarom dat "
                  "wordt uitgesteld. Leg dat nu vast."),
            link=f"/verwijsindex/registraties/{registration.uuid}/",
            subject_key=f"{registration.uuid}:informeren",
        ))
    return len(due)


__all__ = ["last_start_with_term_passed", "run_deadline_jobs"]
