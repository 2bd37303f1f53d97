"""Steps the case tests share, through the services so the rules apply."""

from datetime import datetime

from ketenzicht.people.services import find_person_by_bsn
from ketenzicht.plans import cases
from ketenzicht.plans.models import ArrivalKind, Case

from .conftest import DAAN, WEDNESDAY, acting, de_vries


def application(username: str = "cjg-demonden", now: datetime = WEDNESDAY, **extra) -> Case:
    """The De Vries family applies themselves at the professional's team (phone)."""
    request = cases.ArrivalRequest(kind=ArrivalKind.APPLICATION, person=find_person_by_bsn(DAAN),
                                   channel="telefoon", applicant="ouder",
                                   question="We maken ons zorgen over Daan.", **extra)
    return cases.arrive(*acting(username), de_vries(), request, now)
