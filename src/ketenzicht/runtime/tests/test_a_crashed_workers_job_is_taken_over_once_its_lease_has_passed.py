"""A worker that dies mid-run leaves its lease on the job. Nobody starts the job meanwhile, and
nobody polls for it in a tight loop; once the lease has passed another worker takes it over. A
worker on the same host does so at once when the process that held it has ended (killed, or
restarted by systemd with a new pid), and a worker whose own lease was left behind (recording
the end of a run failed while the database was away) releases it before its next round."""

import socket
import subprocess
import sys
from datetime import timedelta

from django.utils import timezone

from ketenzicht.runtime.models import JobState
from ketenzicht.runtime.runner import claim, ensure_states, run_due, seconds_until_next_due, worker_name

from .moments import at


def _declare_and_claim(declare, holder: str, runs: list):
    job = declare("opruimen", lambda: runs.append("run"), every=timedelta(minutes=1),
                  lease=timedelta(minutes=10))
    with at():
        ensure_states([job], timezone.now())
        assert claim(job, holder)  # and then the process is killed: it never finishes
    return job


def test_a_crashed_workers_job_is_taken_over_once_its_lease_has_passed(db, declare):
    runs = []
    _declare_and_claim(declare, "dode-worker", runs)

    with at(timedelta(minutes=5)):  # due again, but the lease still holds
        assert run_due("levende-worker") == []
    with at(timedelta(minutes=10, seconds=1)):
        assert [o.succeeded for o in run_due("levende-worker")] == [True]
    assert runs == ["run"]
    state = JobState.objects.get(name="opruimen")
    assert state.leased_until is None and state.leased_by == "levende-worker"
    assert state.last_succeeded_at is not None


def test_a_worker_sleeps_until_a_lease_held_elsewhere_has_passed(db, declare):
    """Due since minute 1, but leased until minute 10: no busy polling in between."""
    _declare_and_claim(declare, "andere-worker", [])
    with at(timedelta(minutes=5)):
        assert seconds_until_next_due() == 5 * 60


def test_the_lease_of_an_ended_process_on_this_host_is_released_at_once(db, declare):
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True)
    runs = []
    _declare_and_claim(declare, f"{socket.gethostname()}:{ended.stdout.strip()}", runs)
    with at(timedelta(minutes=1)):
        run_due(worker_name())
    assert runs == ["run"]


def test_a_worker_releases_its_own_lease_left_behind_before_its_next_round(db, declare):
    runs = []
    _declare_and_claim(declare, worker_name(), runs)  # the end of that run was never recorded
    with at(timedelta(minutes=1)):
        run_due(worker_name())
    assert runs == ["run"]


def test_a_live_process_on_this_host_keeps_its_lease(db, declare):
    runs = []
    with subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"]) as alive:
        try:
            _declare_and_claim(declare, f"{socket.gethostname()}:{alive.pid}", runs)
            with at(timedelta(minutes=1)):
                assert run_due(worker_name()) == []
        finally:
            alive.kill()
    assert runs == []
