"""Exactly one open match per youth, even when organisations register at the same moment."""

import threading

import pytest
from django.db import connection

from ketenzicht.demo.loader import load_demo
from ketenzicht.verwijsindex.models import Match, MatchParticipation

from .conftest import DAAN, register_as

REGISTRANTS = ("leerkracht", "jgz", "cjg-demonden", "ggz")


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_parallel_registrations_make_exactly_one_open_match(settings):
    settings.DEMO_MODE = True
    load_demo(households=0)
    start = threading.Barrier(len(REGISTRANTS))
    errors: list[BaseException] = []

    def register(username: str) -> None:
        try:
            start.wait(timeout=10)
            register_as(username, DAAN)
        except BaseException as error:  # reported below, with the thread's own traceback
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=register, args=(u,)) for u in REGISTRANTS]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert not errors, errors
    match = Match.objects.get(kind="client")  # one, not several
    participants = MatchParticipation.objects.filter(match=match)
    assert {p.registration.organisation.slug for p in participants} == {
        "kristalla", "ggd-drenthe", "cjg-de-monden", "ggz-drenthe"}
