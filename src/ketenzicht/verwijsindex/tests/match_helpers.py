"""Helpers shared by the match coordination, informing, objection and move tests."""

from datetime import date

from ketenzicht.notify.models import Notice
from ketenzicht.verwijsindex.deadlines import run_deadline_jobs
from ketenzicht.verwijsindex.models import Match

from .conftest import DAAN
from .lifetimes import on, registered_on

__all__ = ["client_match_on", "deadline_jobs_at", "notices_to"]


def client_match_on(day: date, bsn: str = DAAN) -> Match:
    """The school and the youth nurse register the same youth: a client match (De Monden)."""
    registration = registered_on(day, "leerkracht", bsn)
    registered_on(day, "jgz", bsn)
    return Match.objects.get(kind="client", person=registration.person)


def deadline_jobs_at(day: date) -> dict[str, int]:
    with on(day):
        return run_deadline_jobs()


def notices_to(username: str, kind: str) -> list[Notice]:
    return list(Notice.objects.filter(recipient__user__username=username, kind=kind))
