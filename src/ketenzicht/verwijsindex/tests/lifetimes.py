"""Frozen time and small helpers shared by the lifetime and retention tests."""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from zoneinfo import ZoneInfo

import time_machine

from ketenzicht.access.audited import actor_for
from ketenzicht.access.models import AccessBasis, BasisKind
from ketenzicht.audit.services import Actor
from ketenzicht.organisations.models import Professional
from ketenzicht.verwijsindex.lifecycle import run_lifetime_jobs
from ketenzicht.verwijsindex.models import IndexRegistration

from .conftest import professional, register_as

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def moment(day: date) -> datetime:
    """Mid-morning in Emmen on ``day``: far from midnight, so the local date is unambiguous."""
    return datetime(day.year, day.month, day.day, 10, 0, tzinfo=AMSTERDAM)


@contextmanager
def on(day: date) -> Iterator[None]:
    with time_machine.travel(moment(day), tick=False):
        yield


def registered_on(day: date, username: str, bsn: str) -> IndexRegistration:
    with on(day):
        return register_as(username, bsn).registration


def jobs_on(day: date) -> dict[str, int]:
    with on(day):
        return run_lifetime_jobs()


def acting(username: str) -> tuple[Professional, Actor]:
    who = professional(username)
    return who, actor_for(who, access_point="127.0.0.1")


def registration_basis(registration: IndexRegistration) -> AccessBasis:
    return AccessBasis.objects.get(kind=BasisKind.REGISTRATION, reference=str(registration.uuid))


def exists(registration: IndexRegistration) -> bool:
    return IndexRegistration.objects.filter(pk=registration.pk).exists()
