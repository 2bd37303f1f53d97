"""The Emmen demo (a few generated households) as the stage for the regisseur's tests.

The De Vries household (Daan, Emma, Anja, Marco) is made known to three organisations with an
explicit basis, so the tests do not lean on how the demo happens to involve them: the CJG-Jeugdteam
De Monden (a case), the school Kristalla (Daan is its pupil) and the JGZ (a verwijsindex
registration on Emma). The GGZ and the police have none.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from ketenzicht.access.audited import actor_for
from ketenzicht.access.models import BasisKind
from ketenzicht.access.services import grant_basis
from ketenzicht.audit.services import SYSTEM, Actor
from ketenzicht.demo.loader import load_demo
from ketenzicht.leads.services import LeadChoice, Source, appoint
from ketenzicht.organisations.models import Professional
from ketenzicht.people.models import Household
from ketenzicht.people.services import current_household, find_person_by_bsn

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
DAAN, EMMA = "999990019", "999990020"
WEDNESDAY = datetime(2026, 11, 25, 10, 0, tzinfo=AMSTERDAM)
THURSDAY = datetime(2026, 11, 26, 9, 0, tzinfo=AMSTERDAM)


def professional(username: str) -> Professional:
    return Professional.objects.select_related("organisation__type", "user").get(user__username=username)


def acting(username: str) -> tuple[Professional, Actor]:
    who = professional(username)
    return who, actor_for(who, access_point="127.0.0.1")


def de_vries() -> Household:
    household = current_household(find_person_by_bsn(DAAN))
    assert household is not None
    return household


def involve_de_vries() -> None:
    daan, emma = find_person_by_bsn(DAAN), find_person_by_bsn(EMMA)
    grant_basis(professional("cjg-demonden").organisation, daan, BasisKind.CASE, "casus-test", actor=SYSTEM)
    grant_basis(professional("leerkracht").organisation, daan, BasisKind.CLIENT, "leerling", actor=SYSTEM)
    grant_basis(professional("jgz").organisation, emma, BasisKind.REGISTRATION, "vi-test", actor=SYSTEM)


@pytest.fixture
def emmen(db, settings):
    settings.DEMO_MODE = True
    load_demo(households=3)
    involve_de_vries()


def appoint_cjg(now: datetime = WEDNESDAY, **choice):
    """The CJG-Jeugdteam's professional becomes the De Vries household's regisseur."""
    by, actor = acting("cjg-demonden")
    choice.setdefault("family_preference", "Moeder wil één vast aanspreekpunt bij het CJG.")
    return appoint(by, actor, de_vries(), LeadChoice(professional=by, **choice),
                   Source("gezinsplan"), now=now)
