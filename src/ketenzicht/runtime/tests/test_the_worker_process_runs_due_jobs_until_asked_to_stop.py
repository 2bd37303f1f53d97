"""``ketenzicht worker`` as a process on the embedded database: it runs every declared job by
itself and, asked to stop (SIGTERM from systemd, Ctrl-C in a terminal), finishes and exits 0."""

import os
import signal
import sqlite3
import subprocess
import time

import pytest

from ketenzicht.runtime.registry import REGISTRY

from .processes import clean_environment, ketenzicht_command, run_ketenzicht

pytestmark = pytest.mark.embedded_only


def test_the_worker_process_runs_due_jobs_until_asked_to_stop(tmp_path):
    env = {"DJANGO_SETTINGS_MODULE": "ketenzicht.conf.dev", "KETENZICHT_VAR_DIR": str(tmp_path),
           "KETENZICHT_WORKER_POLL_SECONDS": "1"}
    run_ketenzicht("migrate", "-v0", env=env)
    worker = subprocess.Popen(ketenzicht_command("worker"), env=clean_environment(env),
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              start_new_session=True)
    try:
        succeeded = _wait_for_every_job(tmp_path / "ketenzicht.sqlite3")
        worker.send_signal(signal.SIGTERM)
        output, _ = worker.communicate(timeout=30)
    finally:
        if worker.poll() is None:
            os.killpg(worker.pid, signal.SIGKILL)
    assert succeeded == sorted(job.name for job in REGISTRY.all())
    assert worker.returncode == 0, output
    assert f"Worker gestart met {len(REGISTRY.all())} taken." in output and "Worker gestopt." in output


def _wait_for_every_job(database, seconds: float = 60) -> list[str]:
    deadline, succeeded = time.monotonic() + seconds, []
    while time.monotonic() < deadline and len(succeeded) < len(REGISTRY.all()):
        time.sleep(0.5)
        with sqlite3.connect(database) as db:
            succeeded = sorted(name for (name,) in db.execute(
                "SELECT name FROM runtime_jobstate WHERE last_succeeded_at IS NOT NULL"))
    return succeeded
