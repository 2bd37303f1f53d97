"""Bemoeizorg: a care-avoiding family put on the agenda of the OGGZ meeting (every three weeks).

The meetings follow the municipality's first meeting date and interval (default 21 days); an
item goes on the first meeting from today on.
"""

from datetime import date, datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from ketenzicht.audit.models import EventType
from ketenzicht.audit.services import Actor, record
from ketenzicht.organisations.models import Professional
from ketenzicht.refusals import RefusalKind

from .access import is_signaller_side, signal_subject
from .categories import Category
from .models import OggzAgendaItem, Signal, SignalSettings
from .services import refuse, settings_for_person


def next_meeting(settings: SignalSettings, today: date) -> date | None:
    """The first OGGZ meeting on or after ``today``; None when no schedule is set."""
    first = settings.oggz_first_meeting
    if first is None:
        return None
    if today <= first:
        return first
    interval = settings.oggz_interval_days
    periods = -(-(today - first).days // interval)  # ceiling division
    return first + timedelta(days=periods * interval)


def put_on_agenda(professional: Professional, actor: Actor, signal: Signal,
                  now: datetime | None = None) -> OggzAgendaItem:
    """Only for care avoidance (zorgmijding): the OGGZ meeting is where bemoeizorg is agreed."""
    now = now or timezone.now()
    if not is_signaller_side(professional, signal):
        refuse("geen-melder", "Alleen de melder of de aandachtsfunctionaris van diens organisatie "
               "agendeert dit signaal.", kind=RefusalKind.FORBIDDEN)
    if not signal.categories.filter(category=Category.CARE_AVOIDANCE).exists():
        refuse("geen-zorgmijding", "Het OGGZ-overleg bespreekt bemoeizorg bij zorgmijding: het "
               "signaal noemt geen zorgmijding.", "categorieen")
    settings, _district = settings_for_person(signal.person, signal.organisation)
    meeting = next_meeting(settings, timezone.localdate(now))
    if meeting is None:
        refuse("oggz-niet-ingesteld", "De data van het OGGZ-overleg zijn niet ingesteld.",
               kind=RefusalKind.UNAVAILABLE)
    try:
        with transaction.atomic():
            item = OggzAgendaItem.objects.create(signal=signal, meeting_on=meeting,
                                                 added_by=professional, added_at=now)
    except IntegrityError:
        refuse("al-geagendeerd", f"Dit signaal staat al op de agenda van {meeting:%d-%m-%Y}.",
               kind=RefusalKind.CONFLICT)
    record(actor, EventType.UPDATE, signal_subject(signal, oggz=meeting.isoformat()),
           purpose="geagendeerd voor OGGZ-overleg")
    return item
