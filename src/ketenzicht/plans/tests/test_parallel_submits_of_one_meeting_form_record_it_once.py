"""The same meeting form submitted twice at the same moment (a double click, a retried request)
records one meeting with one set of plan actions: the case's row lock and the unique form token
make the second submit return the first one's meeting (PostgreSQL)."""

import threading
import uuid
from dataclasses import replace

import pytest
from django.db import connection

from ketenzicht.plans import meetings
from ketenzicht.plans.models import Meeting, PlanAction

from .conftest import WEDNESDAY, acting
from .meeting_support import mdo
from .support import application


@pytest.mark.postgres_only
def test_parallel_submits_of_one_meeting_form_record_it_once(transactional_db, settings):
    from ketenzicht.demo.loader import load_demo

    settings.DEMO_MODE = True
    load_demo(households=3)
    case = application()
    request = replace(mdo(), form_token=uuid.uuid4())
    together, errors, recorded = threading.Barrier(4), [], []

    def submit() -> None:
        try:
            together.wait()
            recorded.append(meetings.record_meeting(*acting("cjg-demonden"), case, request, WEDNESDAY).pk)
        except Exception as error:  # the test reports it below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert Meeting.objects.count() == 1 and set(recorded) == {Meeting.objects.get().pk}
    assert PlanAction.objects.count() == 1
