"""The Emmen demo (a few generated households) as the stage for signal tests, and helpers to act
as its demo accounts."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from ketenzicht.access.audited import actor_for
from ketenzicht.audit.services import Actor
from ketenzicht.demo.loader import load_demo
from ketenzicht.organisations.models import Professional
from ketenzicht.signals.models import ConsentBasis, ConsentGiver, Signal
from ketenzicht.signals.services import Consent, ShareRequest, SignalRequest, record_signal

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
DAAN, EMMA, ANJA, NOAH, LINDA, SANNE, KEVIN = (
    "999990019", "999990020", "999990032", "999990056", "999990068", "999990081", "999990159",
)
#: A Wednesday morning in office hours, no holiday near.
OFFICE_HOURS = datetime(2026, 11, 25, 10, 0, tzinfo=AMSTERDAM)

PARENTS_CONSENT = ShareRequest(Consent(ConsentBasis.CONSENT, given_by=ConsentGiver.PARENTS))


@pytest.fixture
def emmen(db, settings):
    settings.DEMO_MODE = True
    load_demo(households=3)


def professional(username: str) -> Professional:
    return Professional.objects.select_related("organisation__type", "organisation__municipality",
                                               "user").get(user__username=username)


def acting(username: str) -> tuple[Professional, Actor]:
    who = professional(username)
    return who, actor_for(who, access_point="127.0.0.1")


def signal_as(username: str, bsn: str = DAAN, *, categories=("emotionele-verwaarlozing",),
              urgency: str = "regulier", facts: str = "Daan komt al een week zonder jas en "
              "ontbijt op school.", now: datetime = OFFICE_HOURS, **extra) -> Signal:
    return record_signal(*acting(username), SignalRequest(
        bsn=bsn, categories=tuple(categories), urgency=urgency, facts=facts, **extra), now)
