"""Runs the declared jobs on their schedule: the loop behind ``ketenzicht worker``.

Workers coordinate only through ``JobState`` rows, so any number may run, on SQLite and on
PostgreSQL alike:

- **claim**: one conditional UPDATE sets a due, unleased job's lease and its next run time. Only
  one worker's UPDATE can match, so a run starts once, however many workers poll;
- **crash**: a worker that dies mid-run leaves its lease. Another worker on the same host (the
  restarted one, say) releases it at once, seeing that the process is gone; a worker elsewhere
  takes the job when the lease has run out. The jobs themselves write each batch in one
  transaction, so what a dead worker left is either committed or never happened;
- **database outage**: a run whose end could not be recorded leaves this worker's own lease,
  which it releases before its next round (it runs one job at a time, so it cannot be using it);
- **failure**: an exception is logged with its traceback and counted on the row; the job is tried
  again at its next interval, and ``/health/`` shows it lagging once its last success is older
  than twice its interval.

Each run gets its own id (``context.working_on``), which its log lines and audit events carry.
"""

import logging
import os
import socket
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime

from django.db import DatabaseError, close_old_connections, connection
from django.db.models import F, Q
from django.utils import timezone

from .context import new_id, working_on
from .models import JobState
from .registry import REGISTRY, Job

logger = logging.getLogger("ketenzicht.jobs")


def worker_name() -> str:
    """Who holds a lease: host and process, so an operator can find a stuck worker."""
    return f"{socket.gethostname()}:{os.getpid()}"[:100]


@dataclass(frozen=True)
class Outcome:
    job: Job
    succeeded: bool
    counts: dict[str, int] = field(default_factory=dict)
    error: str = ""


def ensure_states(jobs: list[Job], now: datetime) -> None:
    """A state row for every declared job; a new job is due at once."""
    known = set(JobState.objects.filter(name__in=[j.name for j in jobs]).values_list("name", flat=True))
    missing = [JobState(name=j.name, next_run_at=now) for j in jobs if j.name not in known]
    if missing:
        JobState.objects.bulk_create(missing, ignore_conflicts=True)


def claim(job: Job, who: str, *, force: bool = False) -> bool:
    """Take the job's lease if it is due (or ``force``) and nobody holds a live lease."""
    now = timezone.now()
    free = Q(leased_until__isnull=True) | Q(leased_until__lt=now)
    due = Q() if force else Q(next_run_at__lte=now)
    return JobState.objects.filter(free, due, name=job.name).update(
        leased_until=now + job.lease, leased_by=who, last_started_at=now,
        next_run_at=now + job.interval,
    ) == 1


def execute(job: Job, who: str) -> Outcome:
    """Run a claimed job under its own run id and record how it went."""
    with working_on(new_id()) as run_id:
        started = time.monotonic()
        try:
            counts = {key: int(value) for key, value in dict(job.run() or {}).items()}
        except Exception as error:  # any failure of any job: record it, keep the worker alive
            logger.exception("Job %s failed", job.name, extra={"job": job.name})
            if isinstance(error, DatabaseError):
                connection.close()  # a broken connection goes; recording the failure takes a new one
            message = f"{type(error).__name__} (run {run_id}, zie de log)"
            _finish(job, who, started, last_failed_at=timezone.now(), last_error=message,
                    failures_in_a_row=F("failures_in_a_row") + 1)
            return Outcome(job, succeeded=False, error=message)
        _finish(job, who, started, last_succeeded_at=timezone.now(), last_result=counts,
                last_error="", failures_in_a_row=0)
        # Quiet when there was nothing to do: a job a minute would otherwise fill the log.
        level = logging.INFO if any(counts.values()) else logging.DEBUG
        logger.log(level, "Job %s done", job.name, extra={"job": job.name, "counts": counts})
        return Outcome(job, succeeded=True, counts=counts)


def _finish(job: Job, who: str, started: float, **fields) -> None:
    duration_ms = round((time.monotonic() - started) * 1000)
    JobState.objects.filter(name=job.name, leased_by=who).update(
        leased_until=None, last_duration_ms=duration_ms, **fields
    )


def release_stale_leases(who: str) -> int:
    """Release the leases no worker can be using: this worker's own (called between jobs) and
    those of ended processes on this host. Returns how many were released."""
    host, _, _pid = who.rpartition(":")
    mine_or_this_host = Q(leased_by=who) | (Q(leased_by__startswith=f"{host}:") if host else Q(pk__in=[]))
    held = JobState.objects.filter(mine_or_this_host, leased_until__isnull=False)
    stale = [(name, holder) for name, holder in held.values_list("name", "leased_by")
             if holder == who or not _process_alive(holder)]
    released = 0
    for name, holder in stale:  # per row, so a lease taken meanwhile by another worker stays
        released += JobState.objects.filter(name=name, leased_by=holder).update(leased_until=None)
    return released


def _process_alive(holder: str) -> bool:
    """Whether the process named in ``host:pid`` (on this host) still runs."""
    try:
        os.kill(int(holder.rpartition(":")[2]), 0)
    except ProcessLookupError:
        return False
    except (ValueError, PermissionError, OverflowError):  # not a pid, or someone else's process
        return True
    return True


def run_due(who: str | None = None, stop: threading.Event | None = None) -> list[Outcome]:
    """Run every job that is due now, one after the other; stop early when asked to."""
    who = who or worker_name()
    jobs = REGISTRY.all()
    release_stale_leases(who)
    ensure_states(jobs, timezone.now())
    outcomes = []
    for job in jobs:
        if stop is not None and stop.is_set():
            break
        if claim(job, who):
            outcomes.append(execute(job, who))
    return outcomes


def run_now(job: Job, who: str | None = None) -> Outcome | None:
    """Run one job at once, whatever its schedule; ``None`` when another worker is running it."""
    who = who or worker_name()
    ensure_states([job], timezone.now())
    return execute(job, who) if claim(job, who, force=True) else None


def seconds_until_next_due(now: datetime | None = None) -> float:
    """Until the first job is due and free: a job another worker holds waits for its lease."""
    now = now or timezone.now()
    names = [job.name for job in REGISTRY.all()]
    moments = [max(next_run, leased or next_run) for next_run, leased in
               JobState.objects.filter(name__in=names).values_list("next_run_at", "leased_until")]
    return max((min(moments) - now).total_seconds(), 0.0) if moments else 0.0


def work(stop: threading.Event, poll_seconds: float) -> None:
    """Run due jobs until ``stop`` is set; survive a database that goes away and comes back.

    It sleeps until the next job is due, but never longer than ``poll_seconds``, so a shortened
    interval or another worker's run is noticed soon and a stop request is answered quickly.
    """
    who = worker_name()
    logger.info("Worker %s started with %d jobs", who, len(REGISTRY.all()))
    while not stop.is_set():
        close_old_connections()
        try:
            run_due(who, stop)
            wait = min(poll_seconds, seconds_until_next_due())
        except DatabaseError as error:
            logger.warning("Database unreachable (%s); the worker tries again in %s s",
                           type(error).__name__, poll_seconds)
            connection.close()
            wait = poll_seconds
        stop.wait(max(wait, 0.1))
    connection.close()
    logger.info("Worker %s stopped", who)


__all__ = ["Outcome", "claim", "execute", "run_due", "run_now", "seconds_until_next_due", "work"]
