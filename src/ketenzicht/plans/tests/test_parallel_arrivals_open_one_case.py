"""Arrivals for one household at one team at the same moment open one case: the database's
unique constraint makes the second wait for the first and join its case (PostgreSQL)."""

import threading
import uuid

import pytest
from django.db import connection

from ketenzicht.people.services import find_person_by_bsn
from ketenzicht.plans import cases
from ketenzicht.plans.models import Arrival, ArrivalKind, Case

from .conftest import DAAN, acting, de_vries


@pytest.mark.postgres_only
def test_parallel_arrivals_open_one_case(transactional_db, settings):
    from ketenzicht.demo.loader import load_demo

    settings.DEMO_MODE = True
    load_demo(households=3)
    household, person = de_vries(), find_person_by_bsn(DAAN)
    together, errors = threading.Barrier(4), []

    def arrive() -> None:
        try:
            together.wait()
            request = cases.ArrivalRequest(kind=ArrivalKind.ROUTE, person=person,
                                           source_uuid=str(uuid.uuid4()))
            cases.arrive(*acting("cjg-demonden"), household, request)
        except Exception as error:  # the test reports it below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=arrive) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert Case.objects.count() == 1
    assert Arrival.objects.filter(case=Case.objects.get()).count() == 4
