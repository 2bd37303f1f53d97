"""Whether the periodic jobs keep up, and the shared cache answers: what ``/health/`` reports
next to the database.

A worker that stopped is silent: no error, just reminders and escalations that never come. So
the health check names every job whose last success is older than twice its interval (or that
never succeeded), and the system counts as degraded while one does. Likewise a shared cache
(Redis) that does not answer leaves every server counting API requests on its own (the
throttle lets requests pass then): pages still work, but the servers no longer act as one.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from .models import JobState
from .registry import REGISTRY

#: A job lags once its last success is older than this many intervals.
LAG_FACTOR = 2


@dataclass(frozen=True)
class JobHealth:
    name: str
    interval: timedelta
    last_succeeded_at: datetime | None
    #: Time since the last success; ``None`` when it never succeeded.
    since_success: timedelta | None

    @property
    def lagging(self) -> bool:
        return self.since_success is None or self.since_success > LAG_FACTOR * self.interval

    def describe_lag(self) -> str:
        """The lag in a sentence an operator reads in the health answer (Dutch, like the UI)."""
        interval = _seconds(self.interval)
        if self.since_success is None:
            return f"{self.name}: nog nooit geslaagd (interval {interval})"
        return f"{self.name}: laatst geslaagd {_seconds(self.since_success)} geleden (interval {interval})"


def _seconds(span: timedelta) -> str:
    return f"{int(span.total_seconds())} s"


def job_health(now: datetime | None = None) -> list[JobHealth]:
    """Every declared job with its last success, from one query."""
    now = now or timezone.now()
    last_success = dict(JobState.objects.values_list("name", "last_succeeded_at"))
    return [
        JobHealth(
            name=job.name, interval=job.interval, last_succeeded_at=last_success.get(job.name),
            since_success=(now - last_success[job.name]) if last_success.get(job.name) else None,
        )
        for job in REGISTRY.all()
    ]


def shared_cache_answers() -> bool | None:
    """Whether the shared cache (Redis) answers; ``None`` without one (each process's own memory)."""
    if not settings.KETENZICHT_REDIS_URL:
        return None
    try:
        cache.get("health-probe")
    except Exception:  # any client error means the same: it does not answer
        return False
    return True
