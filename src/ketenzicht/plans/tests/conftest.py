"""The Emmen demo (a few generated households) as the stage for case tests."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from ketenzicht.access.audited import actor_for
from ketenzicht.audit.services import Actor
from ketenzicht.demo.loader import load_demo
from ketenzicht.organisations.models import Professional
from ketenzicht.people.models import Household
from ketenzicht.people.services import current_household, find_person_by_bsn

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
DAAN = "999990019"
#: A Wednesday morning, no holiday near.
WEDNESDAY = datetime(2026, 11, 25, 10, 0, tzinfo=AMSTERDAM)


@pytest.fixture
def emmen(db, settings):
    settings.DEMO_MODE = True
    load_demo(households=3)


def professional(username: str) -> Professional:
    return Professional.objects.select_related("organisation__type", "user").get(user__username=username)


def acting(username: str) -> tuple[Professional, Actor]:
    who = professional(username)
    return who, actor_for(who, access_point="127.0.0.1")


def de_vries() -> Household:
    household = current_household(find_person_by_bsn(DAAN))
    assert household is not None
    return household
