"""A due job runs once per interval, however many workers look for work: claiming is one
conditional UPDATE of the job's row, so workers polling at the same moment never both start it."""

import subprocess
import threading
import time
from datetime import timedelta

import pytest
from django.db import connection

from ketenzicht.runtime.models import JobState
from ketenzicht.runtime.registry import REGISTRY
from ketenzicht.runtime.runner import run_due

from .moments import at
from .processes import clean_environment, ketenzicht_command, shared_database_url


def test_a_new_job_is_due_at_once_and_then_once_per_interval(db, declare):
    runs = []
    declare("tellen", lambda: runs.append("run") or {"geteld": 1}, every=timedelta(minutes=5))

    with at():
        first = run_due("worker-a")
        second = run_due("worker-b")
    assert [o.job.name for o in first] == ["tellen"] and second == []
    with at(timedelta(minutes=4, seconds=59)):
        assert run_due("worker-b") == []
    with at(timedelta(minutes=5)):
        assert [o.counts for o in run_due("worker-b")] == [{"geteld": 1}]
    assert runs == ["run", "run"]
    state = JobState.objects.get(name="tellen")
    assert state.last_result == {"geteld": 1} and state.leased_until is None


@pytest.mark.postgres_only
def test_two_workers_polling_at_the_same_moment_start_a_job_once(transactional_db, declare):
    runs: list[str] = []

    def slow() -> dict[str, int]:
        runs.append(threading.current_thread().name)
        time.sleep(0.3)  # both workers are certainly polling while it runs
        return {}

    declare("traag", slow)
    together = threading.Barrier(2)

    def worker() -> None:
        together.wait()
        try:
            run_due(threading.current_thread().name)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, name=f"worker-{n}") for n in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(runs) == 1


@pytest.mark.postgres_only
def test_two_worker_processes_run_every_declared_job_exactly_once(transactional_db):
    """The apps' real jobs, two ``ketenzicht worker --once`` processes started together."""
    env = clean_environment({"DATABASE_URL": shared_database_url(),
                             "DJANGO_SETTINGS_MODULE": "ketenzicht.conf.test"})
    workers = [subprocess.Popen(ketenzicht_command("worker", "--once"), env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
               for _ in range(2)]
    outputs = [worker.communicate(timeout=120) for worker in workers]
    assert [worker.returncode for worker in workers] == [0, 0], outputs
    done = [line.split(":")[0] for out, _err in outputs for line in out.splitlines() if ": klaar" in line]
    assert sorted(done) == sorted(job.name for job in REGISTRY.all())
    assert JobState.objects.filter(last_succeeded_at__isnull=False).count() == len(done)

