"""The Emmen demo (a few generated households) as the stage that tests of the chain act on: its
accounts, the De Vries household and a Wednesday morning. The apps' ``conftest`` modules (plans,
leads) build their ``emmen`` fixture on ``load_emmen`` and offer these helpers to their tests."""

from datetime import datetime
from zoneinfo import ZoneInfo

from ketenzicht.access.audited import actor_for
from ketenzicht.audit.services import Actor
from ketenzicht.demo.loader import load_demo
from ketenzicht.organisations.models import Professional
from ketenzicht.people.models import Household
from ketenzicht.people.services import current_household, find_person_by_bsn

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
#: Daan and Emma de Vries, children of the first generated household.
DAAN, EMMA = "999990019", "999990020"
#: A Wednesday morning, no holiday near.
WEDNESDAY = datetime(2026, 11, 25, 10, 0, tzinfo=AMSTERDAM)


def load_emmen(settings) -> None:
    """The demo with three generated households (``settings`` is pytest-django's fixture)."""
    settings.DEMO_MODE = True
    load_demo(households=3)


def professional(username: str) -> Professional:
    """A demo account's professional, by user name."""
    return Professional.objects.select_related("organisation__type", "user").get(user__username=username)


def acting(username: str) -> tuple[Professional, Actor]:
    """A demo account's professional and the actor their actions are audited as."""
    who = professional(username)
    return who, actor_for(who, access_point="127.0.0.1")


def de_vries() -> Household:
    """The De Vries household (Daan's current one)."""
    household = current_household(find_person_by_bsn(DAAN))
    assert household is not None
    return household
