"""A job that fails mid-batch leaves nothing half-written (each batch is one transaction), keeps
the worker alive, is counted on its row without the error's text (it may hold client data; the
log has it, redacted), and is tried again at its next interval."""

from datetime import timedelta

from django.db import transaction

from ketenzicht.organisations.models import Municipality
from ketenzicht.runtime.models import JobState
from ketenzicht.runtime.runner import run_due

from .moments import at


def test_a_failing_job_leaves_nothing_half_written_and_is_tried_again(db, declare):
    attempts = []

    def batch() -> dict[str, int]:
        attempts.append("poging")
        with transaction.atomic():
            Municipality.objects.create(slug="halverwege", name="Halverwege", cbs_code="9999")
            if len(attempts) == 1:
                raise RuntimeError("mislukt bij BSN 999990019")
        return {"geschreven": 1}

    declare("batch", batch, every=timedelta(minutes=1))
    with at():
        (outcome,) = run_due("worker")
    assert not outcome.succeeded
    assert not Municipality.objects.exists()
    state = JobState.objects.get(name="batch")
    assert state.failures_in_a_row == 1 and state.last_failed_at is not None
    assert "RuntimeError" in state.last_error and "999990019" not in state.last_error
    assert state.leased_until is None and state.last_succeeded_at is None

    with at(timedelta(seconds=59)):
        assert run_due("worker") == []
    with at(timedelta(minutes=1)):
        (outcome,) = run_due("worker")
    assert outcome.succeeded and Municipality.objects.count() == 1
    state.refresh_from_db()
    assert state.failures_in_a_row == 0 and state.last_error == ""
