"""The same assessment form sent at the same moment from two tabs (a double click that reached two
server threads) records one assessment: the second submit's claim on the form's token waits for the
first one's transaction and then answers with its assessment (PostgreSQL)."""

import re
import threading

import pytest
import time_machine
from django.db import connection
from django.test import Client

from ketenzicht.plans.models import RiskAssessment
from ketenzicht.web.tests.vir_login import logged_in

from .conftest import WEDNESDAY
from .intake_support import YES, apply
from .pages_support import assessment_form

WRITERS = 4


@pytest.mark.postgres_only
def test_parallel_submits_of_one_assessment_form_record_it_once(transactional_db, settings):
    from ketenzicht.demo.loader import load_demo

    settings.DEMO_MODE = True
    with time_machine.travel(WEDNESDAY, tick=False):
        load_demo(households=3)
        case = apply((YES, "nee", "nee"))
        signed_in = logged_in("cjg-demonden")
        url = f"/casussen/{case.uuid}/risicotaxatie/"
        token = re.search(r'name="formulier" value="([0-9a-f-]{36})"',
                          signed_in.get(url).content.decode()).group(1)
        data = {**assessment_form(), "formulier": token}
        together, errors, answers = threading.Barrier(WRITERS), [], []

        def submit() -> None:
            client = Client()
            client.cookies = signed_in.cookies  # the same browser, another request
            try:
                together.wait()
                response = client.post(url, data)
                answers.append((response.status_code, response.get("Location")))
            except Exception as error:  # the test reports it below
                errors.append(error)
            finally:
                connection.close()

        threads = [threading.Thread(target=submit) for _ in range(WRITERS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)

    assert errors == []
    made = RiskAssessment.objects.get()
    assert answers == [(302, f"/casussen/{case.uuid}/risicotaxaties/{made.uuid}/")] * WRITERS
