"""The API's request budget per organisation token, counted atomically in the shared cache.

DRF's ``SimpleRateThrottle`` keeps each client's request times as a list that it reads, extends
and writes back. Two requests handled at once (two threads, two gunicorn workers, two servers on
one Redis) both read the same list and both write back their own, so requests go uncounted and
the limit leaks. Here every request is one atomic increment of a counter in the cache
(``cache.add`` + ``cache.incr``: ``SET NX`` and ``INCRBY`` in Redis, under a lock in local
memory), so each request sees its own number and exactly the budget passes.

The counter is a *sliding window*: the requests of the current fixed window plus those of the
previous window, weighted by the share of it that still lies within one period back. A client
cannot spend its budget at the end of one window and again at the start of the next.

When the cache does not answer (Redis down), requests pass: the budget keeps one system from
starving the others, it is not what keeps anyone out (the token is), and a dead Redis must not
take the chain's API down for every partner. The outage is logged as a warning, and the cache
is left alone for ``CACHE_RETRY_SECONDS`` so that a hanging Redis costs one time-out per process
per period rather than one per request.
"""

import logging
import threading
import time
from contextlib import suppress
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.cache import cache
from redis.exceptions import RedisError
from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle

from .models import ApiToken

if TYPE_CHECKING:  # DRF imports this module while importing its views: no cycle at runtime
    from rest_framework.request import Request
    from rest_framework.views import APIView

logger = logging.getLogger(__name__)

#: How long a process leaves an unreachable cache alone (and lets requests pass) before asking again.
CACHE_RETRY_SECONDS = 30.0


@dataclass(frozen=True)
class Window:
    """The counts one request is judged on; ``current`` includes that request."""

    limit: int
    duration: int
    previous: int
    current: int
    elapsed: float  # seconds since the current fixed window began

    def estimate(self) -> float:
        """Requests in the last ``duration`` seconds, assuming the previous window's were spread evenly."""
        return self.previous * (1 - self.elapsed / self.duration) + self.current

    def allows(self) -> bool:
        return self.estimate() <= self.limit

    def seconds_until_room(self) -> float:
        """When a refused client may try again: the moment one more request fits.

        Counts only what is known now (the refused request itself is not counted), so a client
        that waits this long gets through unless others spent the budget in the meantime.
        """
        if self.limit <= 0:
            return float(self.duration)
        counted = self.current - 1
        if counted < self.limit:  # the previous window fills the budget (so it is not empty) until
            # enough of it has slid out
            still_needed = 1 - (self.limit - counted - 1) / self.previous
            return max(0.0, still_needed * self.duration - self.elapsed)
        # This window alone is full: wait for the next, until enough of this one has slid out.
        slide_out = max(0.0, 1 - (self.limit - 1) / counted)
        return (self.duration - self.elapsed) + slide_out * self.duration


class CacheOutage:
    """Remembers, per process, that the cache failed, so it is not asked again at once."""

    def __init__(self) -> None:
        self._until = 0.0
        self._lock = threading.Lock()

    def ongoing(self) -> bool:
        return time.monotonic() < self._until

    def record(self, error: Exception) -> None:
        with self._lock:
            if self.ongoing():  # another thread saw it first and warned
                return
            self._until = time.monotonic() + CACHE_RETRY_SECONDS
        logger.warning(
            "The cache (Redis) does not answer (%s): API requests are not rate-limited in this "
            "process for the next %d seconds.", error, CACHE_RETRY_SECONDS,
        )

    def end(self) -> None:
        self._until = 0.0


outage = CacheOutage()


def _increment(key: str, timeout: int) -> int:
    """Add one to the counter ``key`` atomically and return the new count."""
    if cache.add(key, 1, timeout):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # it expired or was evicted between the two calls: start it afresh
        return _increment(key, timeout)


def count_request(key: str, limit: int, duration: int, now: float) -> Window:
    """Count one request under ``key`` in the current window and read the previous window."""
    index, elapsed = divmod(now, duration)
    # Kept for two windows: while current it is counted, in the next it is the previous window.
    timeout = 2 * duration + 1
    current = _increment(f"{key}:{int(index)}", timeout)
    previous = cache.get(f"{key}:{int(index) - 1}", 0)
    return Window(limit=limit, duration=duration, previous=previous, current=current, elapsed=elapsed)


def uncount_request(key: str, now: float, duration: int) -> None:
    """Take a refused request out again: only requests that were served use up the budget."""
    with suppress(ValueError):  # the window's counter is gone already
        cache.decr(f"{key}:{int(now // duration)}")


class SlidingWindowThrottle(SimpleRateThrottle):
    """A DRF throttle with the rate and cache key of ``SimpleRateThrottle`` (``"600/minute"``,
    ``get_cache_key``), counted with the atomic sliding window above."""

    cache_format = "throttle:%(scope)s:%(ident)s"

    def allow_request(self, request: "Request", view: "APIView") -> bool:
        self._wait: float | None = None
        if self.rate is None:
            return True
        key = self.get_cache_key(request, view)
        if key is None or outage.ongoing():
            return True
        now = self.timer()
        try:
            window = count_request(key, self.num_requests, self.duration, now)
            if window.allows():
                return True
            uncount_request(key, now, self.duration)
        except RedisError as error:
            outage.record(error)
            return True
        self._wait = window.seconds_until_room()
        return False

    def wait(self) -> float | None:
        return self._wait


class OrganisationRateThrottle(SlidingWindowThrottle):
    """A request budget per token (``KETENZICHT_API_RATE``), so one runaway system cannot
    starve the others. Unauthenticated requests never get this far (401 first)."""

    scope = "organisation"

    def get_rate(self) -> str | None:
        # Read per request, not at import: the rate can then be changed without a restart of
        # this class (and tests can override it).
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def get_cache_key(self, request: "Request", view: "APIView") -> str | None:
        if not isinstance(request.auth, ApiToken):
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.auth.pk}
