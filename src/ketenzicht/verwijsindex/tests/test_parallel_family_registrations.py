"""Siblings registered by two organisations at the same moment still find each other: exactly
one open family match holding both (the parents are locked before siblings are read)."""

import threading

import pytest
from django.db import connection

from ketenzicht.demo.loader import load_demo
from ketenzicht.verwijsindex.models import Match, MatchParticipation

from .conftest import DAAN, EMMA, register_as

REGISTRATIONS = (("leerkracht", DAAN), ("jgz", EMMA))


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("attempt", range(3))
def test_parallel_sibling_registrations_make_exactly_one_family_match(settings, attempt):
    settings.DEMO_MODE = True
    load_demo(households=0)
    start = threading.Barrier(len(REGISTRATIONS))
    errors: list[BaseException] = []

    def register(username: str, bsn: str) -> None:
        try:
            start.wait(timeout=10)
            register_as(username, bsn)
        except BaseException as error:  # reported below, with the thread's own traceback
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=register, args=item) for item in REGISTRATIONS]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert not errors, errors
    match = Match.objects.get(kind="gezin", status="nieuw")  # one, not none or two
    participants = MatchParticipation.objects.filter(match=match).select_related(
        "registration__organisation")
    assert {p.registration.organisation.slug for p in participants} == {"kristalla", "ggd-drenthe"}
