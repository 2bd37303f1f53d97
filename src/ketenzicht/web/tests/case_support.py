"""Steps the case page tests share: cases opened through the services (a route a team accepted,
a family's own application), on the Emmen demo (``emmen`` of the plans tests), and logins
through the real form (``vir_login``)."""

from datetime import datetime

from ketenzicht.people.models import Household
from ketenzicht.people.services import current_members, find_person_by_bsn
from ketenzicht.plans import cases
from ketenzicht.plans.models import ArrivalKind, Case
from ketenzicht.plans.tests.conftest import DAAN, WEDNESDAY, acting, de_vries
from ketenzicht.signals import desks
from ketenzicht.signals.tests.conftest import signal_as
from ketenzicht.signals.tests.support import share


def route_case(now: datetime = WEDNESDAY) -> Case:
    """The teacher's signal about Daan, shared with and accepted by the CJG-Jeugdteam De Monden."""
    route = share(signal_as("leerkracht", now=now), now=now)
    desks.accept(*acting("cjg-demonden"), route, now)
    return Case.objects.get(household=de_vries(), team__slug="cjg-de-monden", status="open")


def application_case(username: str = "cjg-demonden", now: datetime = WEDNESDAY) -> Case:
    """The De Vries parents apply themselves by phone at the professional's team."""
    return cases.arrive(*acting(username), de_vries(), cases.ArrivalRequest(
        kind=ArrivalKind.APPLICATION, person=find_person_by_bsn(DAAN), channel="telefoon",
        applicant="ouder", question="We maken ons zorgen over Daan."), now)


def other_household_cases(count: int, now: datetime = WEDNESDAY) -> list[Case]:
    """Applications of ``count`` generated households at the CJG-Jeugdteam De Monden."""
    households = Household.objects.exclude(pk=de_vries().pk).order_by("id")[:count]
    opened = []
    for household in households:
        person = current_members(household).first().person
        opened.append(cases.arrive(*acting("cjg-demonden"), household, cases.ArrivalRequest(
            kind=ArrivalKind.APPLICATION, person=person, channel="inloop", applicant="ouder",
            question="Wij zoeken hulp."), now))
    assert len(opened) == count
    return opened


def assign(case: Case, username: str = "cjg-demonden", now: datetime = WEDNESDAY) -> Case:
    """The teamleider assigns the case and ``username`` accepts it."""
    handover = cases.hand_over(*acting("teamleider-demonden"), case, acting(username)[0], now)
    return cases.accept_handover(*acting(username), handover, now)
