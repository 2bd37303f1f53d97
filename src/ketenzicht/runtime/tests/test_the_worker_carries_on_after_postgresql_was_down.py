"""A worker outlives its database: while PostgreSQL is down it waits (the pool retries; after
the pool's time-out the worker logs a warning and tries again later), and once PostgreSQL is
back it runs the jobs again by itself — no deadline is lost to a restart of
the database, and no operator has to restart the worker. The cluster is the test's own."""

import subprocess
import time
from datetime import UTC, datetime

import psycopg
import pytest

from ketenzicht.runtime.registry import REGISTRY

from .private_postgres import private_cluster
from .processes import clean_environment, ketenzicht_command, run_ketenzicht, stop


def every_job_succeeded_since(url: str, moment: datetime) -> bool:
    """Whether each declared job has a success after ``moment`` (not just one of them)."""
    with psycopg.connect(url, connect_timeout=2) as connection:
        count, earliest = connection.execute(
            "SELECT count(*), min(last_succeeded_at) FROM runtime_jobstate").fetchone()
    return count == len(REGISTRY.all()) and earliest is not None and earliest > moment


def wait_until_every_job_succeeded_since(url: str, moment: datetime, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not every_job_succeeded_since(url, moment):
        assert time.monotonic() < deadline, f"niet elke taak slaagde na {moment} binnen {seconds} s"
        time.sleep(0.5)


@pytest.mark.postgres_only
def test_the_worker_carries_on_after_postgresql_was_down(tmp_path):
    with private_cluster() as cluster:
        environment = {"DATABASE_URL": cluster.url(), "DJANGO_SETTINGS_MODULE": "ketenzicht.conf.dev",
                       "KETENZICHT_VAR_DIR": str(tmp_path), "KETENZICHT_JOB_INTERVALS": "*=1",
                       "KETENZICHT_WORKER_POLL_SECONDS": "1"}
        run_ketenzicht("migrate", "--noinput", env=environment)
        log_path = tmp_path / "worker.log"
        with log_path.open("wb") as log:
            worker = subprocess.Popen(ketenzicht_command("worker"), env=clean_environment(environment),
                                      stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            wait_until_every_job_succeeded_since(cluster.url(), datetime(2000, 1, 1, tzinfo=UTC))
            cluster.stop()
            time.sleep(3)  # several polls against a database that is not there
            cluster.start()
            wait_until_every_job_succeeded_since(cluster.url(), datetime.now(UTC))
            assert worker.poll() is None, log_path.read_text()
        finally:
            stop(worker)
    output = log_path.read_text()
    # It did meet the outage: the pool's reconnect attempts, or our own warning on a longer one.
    assert "Connection refused" in output or "Database unreachable" in output, output

