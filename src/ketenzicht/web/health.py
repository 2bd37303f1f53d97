"""``GET /health/``: is the application up, can it reach its database, do its jobs keep up?

- ``ok`` (200): the database answers and every periodic job succeeded within twice its interval;
- ``verminderd`` (degraded, still 200 so the load balancer keeps sending requests: pages work):
  a job lags — deadlines are not being watched — and ``achterstand`` names it; or the shared
  cache (Redis, when configured) does not answer, ``cache`` says so;
- ``fout`` (503): the database cannot be reached.

No client data, no login: a load balancer and a monitor read it. The view opts out of
``ATOMIC_REQUESTS``: that would open a transaction, and so a database connection, before the
view runs, and an unreachable database would then end in the generic 500 page instead of the
503 answer a load balancer can act on.
"""

from django.db import connection, transaction
from django.db.utils import DatabaseError
from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_GET

from ketenzicht.runtime.health import JobHealth, job_health, shared_cache_answers


@transaction.non_atomic_requests
@require_GET
def health(request: HttpRequest) -> JsonResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        jobs = job_health()
    except DatabaseError:
        return JsonResponse({"status": "fout", "database": "onbereikbaar", "engine": connection.vendor},
                            status=503)
    lagging = [item.describe_lag() for item in jobs if item.lagging]
    cache = shared_cache_answers()
    body = {
        "status": "verminderd" if lagging or cache is False else "ok",
        "database": "ok",
        "engine": connection.vendor,
        "taken": {item.name: _job(item) for item in jobs},
    }
    if cache is not None:
        body["cache"] = "ok" if cache else "onbereikbaar"
    if lagging:
        body["achterstand"] = lagging
    return JsonResponse(body)


def _job(item: JobHealth) -> dict:
    return {
        "status": "achter" if item.lagging else "ok",
        "intervalSeconden": int(item.interval.total_seconds()),
        "laatstGeslaagd": item.last_succeeded_at.isoformat() if item.last_succeeded_at else None,
    }
