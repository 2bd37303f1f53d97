"""The chain's recent past in the demo: work left lying that the job runner notices by itself.

A demo that starts on an empty chain shows no deadline passing for days. So ``loaddemo`` also
records, through the chain's own services and at moments in the past, three things a real
chain would have lying around on the day the demo starts:

- a teacher's signal whose Meldcode step 2 is overdue: the worker reminds the teacher and the
  school's aandachtsfunctionaris ("Meldcode: een signaal blijft liggen");
- a JGZ nurse's acute report that Veilig Thuis has not assessed within 5 working days: the
  worker flags it to Veilig Thuis;
- a match between JGZ and the police on which nobody made contact for 10 working days: the
  worker escalates it to the municipality's regievoerder.

They concern generated households only; the five example households keep the states the
walkthrough builds on. Each item takes the first generated person that fits, so a demo loaded
with very few households may lack one; the summary says which were placed.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time

from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone

from ketenzicht.access.audited import actor_for
from ketenzicht.audit.services import Actor
from ketenzicht.notify.models import Notice
from ketenzicht.organisations.calendar import working_days_before
from ketenzicht.organisations.models import Professional
from ketenzicht.signals.categories import Category, Urgency
from ketenzicht.signals.models import ConsentBasis
from ketenzicht.signals.services import Consent, ShareRequest, SignalRequest, record_signal, share_signal
from ketenzicht.verwijsindex.services import Contact, RegistrationRequest, register

from .picking import HouseholdPicker

#: The audit trail's access point for what the demo loader records in the professionals' names.
ACCESS_POINT = "demo-voorgeschiedenis"


@dataclass(frozen=True)
class HistorySummary:
    lying_signal: bool
    overdue_report: bool
    match_without_contact: bool


def load_history(picker: HouseholdPicker) -> HistorySummary:
    """Record the three items (see the module docstring) for the demo's generated households."""
    today = picker.today
    with sent_back_then():
        return HistorySummary(
            lying_signal=_lying_signal(picker, today),
            overdue_report=_overdue_report(picker, today),
            match_without_contact=_match_without_contact(picker, today),
        )


@contextmanager
def sent_back_then() -> Iterator[None]:
    """One transaction for what the demo records in the past; the e-mails of its notices went out
    back then, so the outbox and ``loaddemo``'s output need not repeat them."""
    with transaction.atomic():
        before = Notice.objects.aggregate(last=Max("id"))["last"] or 0
        yield
        Notice.objects.filter(id__gt=before, emailed_at__isnull=True).update(emailed_at=F("created_at"))


def _lying_signal(picker: HouseholdPicker, today: date) -> bool:
    """Recorded 8 working days ago, so step 2 was due 3 working days ago."""
    child = picker.youth("emmen-zuid", 5, 11)
    if child is None:
        return False
    record_signal(*acting("leerkracht"), SignalRequest(
        bsn=child.bsn, categories=(Category.EMOTIONAL_NEGLECT,), urgency=Urgency.REGULAR,
        facts=f"{child.given_names} komt sinds twee weken moe en zonder ontbijt op school en "
              "trekt zich in de klas steeds meer terug.",
    ), morning(today, 8))
    return True


def _overdue_report(picker: HouseholdPicker, today: date) -> bool:
    """Reported 8 working days ago; Veilig Thuis's 5 working days have passed."""
    child = picker.youth("emmen-oost", 0, 3)
    if child is None:
        return False
    nurse, actor = acting("jgz")
    moment = morning(today, 8)
    signal = record_signal(nurse, actor, SignalRequest(
        bsn=child.bsn, categories=(Category.PHYSICAL_ABUSE,), urgency=Urgency.ACUTE,
        facts="Bij het consult blauwe plekken op beide bovenarmen; moeder geeft wisselende uitleg.",
    ), moment)
    share_signal(nurse, actor, signal, ShareRequest(Consent(
        ConsentBasis.SAFETY, safety_reason="Direct gevaar: wachten op toestemming brengt het kind in gevaar.",
    )), moment)
    return True


def _match_without_contact(picker: HouseholdPicker, today: date) -> bool:
    """Both registered 14 working days ago: the 10 working days to make contact have passed."""
    youth = picker.youth("emmen-noord", 12, 17)
    if youth is None:
        return False
    for username in ("jgz", "wijkagent"):
        professional, actor = acting(username)
        register(professional, actor, RegistrationRequest(
            bsn=youth.bsn, risk_categories=("c",), suspicion_confirmed=True,
            contact=Contact(name=professional.display_name, phone=professional.phone,
                            email=professional.user.email),
        ), morning(today, 14))
    return True


def acting(username: str) -> tuple[Professional, Actor]:
    professional = Professional.objects.select_related(
        "user", "organisation__type", "organisation__municipality").get(user__username=username)
    return professional, actor_for(professional, access_point=ACCESS_POINT)


def morning(today: date, working_days_ago: int) -> datetime:
    day = working_days_before(today, working_days_ago)
    return timezone.make_aware(datetime.combine(day, time(10, 0)))
