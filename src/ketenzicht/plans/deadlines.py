"""A case's next deadline passing (first contact, intake, …) is told once to whoever holds the
case and to the team's teamleiders; the caseload shows it too. Run by the worker (``jobs.py``)."""

from datetime import datetime

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from ketenzicht.notify.services import Message, notify

from .cases import case_link, team_leads
from .models import Case, CaseStatus, Milestone

OVERDUE = "casus-termijn"
BATCH = 500


@transaction.atomic
def flag_overdue_cases(now: datetime | None = None, batch: int = BATCH) -> int:
    """Cases whose deadline passed and were not told for this step yet; rows claimed with
    ``SKIP LOCKED``, so two workers never tell twice."""
    now = now or timezone.now()
    due = list(
        Case.objects.filter(status=CaseStatus.OPEN, next_due__lt=timezone.localdate(now))
        .exclude(overdue_notified_for=F("next_milestone"))
        .select_for_update(of=("self",), skip_locked=True)
        .select_related("responsible")[:batch]
    )
    for case in due:
        step = Milestone(case.next_milestone)
        recipients = {case.responsible, *team_leads(case.team_id)}
        notify(recipients, Message(
            kind=OVERDUE, title=f"Casus: {step.label.lower()} is te laat",
            body=f"{step.label} had uiterlijk {case.next_due:%d-%m-%Y} plaats moeten vinden.",
            link=case_link(case), subject_key=f"{case.uuid}:{step}:{case.next_due:%Y-%m-%d}",
        ))
    Case.objects.filter(pk__in=[case.pk for case in due]).update(overdue_notified_for=F("next_milestone"))
    return len(due)
