"""``/health/`` reports each job's last success and turns "verminderd" (degraded) — still 200, so
the load balancer keeps sending requests — with the lagging job named, once a job's last success
is older than twice its interval or when it never succeeded."""

from datetime import timedelta

from ketenzicht.runtime.runner import run_due

from .moments import START, at


def test_health_is_ok_while_every_job_succeeded_within_twice_its_interval(db, client, declare):
    declare("termijnen", lambda: {}, every=timedelta(minutes=1))
    with at():
        run_due("worker")
    with at(timedelta(minutes=2)):
        body = client.get("/health/").json()
    assert body["status"] == "ok" and "achterstand" not in body
    assert body["taken"] == {"termijnen": {"status": "ok", "intervalSeconden": 60,
                                           "laatstGeslaagd": START.isoformat()}}


def test_health_is_degraded_with_the_lag_named_beyond_twice_the_interval(db, client, declare):
    declare("termijnen", lambda: {}, every=timedelta(minutes=1))
    declare("opschonen", lambda: {}, every=timedelta(hours=1))
    with at():
        run_due("worker")
    with at(timedelta(minutes=2, seconds=1)):
        response = client.get("/health/")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "verminderd"
    assert body["taken"]["termijnen"]["status"] == "achter"
    assert body["taken"]["opschonen"]["status"] == "ok"
    assert body["achterstand"] == ["termijnen: laatst geslaagd 121 s geleden (interval 60 s)"]


def test_health_is_degraded_for_a_job_that_never_succeeded(db, client, declare):
    declare("termijnen", lambda: {}, every=timedelta(minutes=1))
    body = client.get("/health/").json()
    assert body["status"] == "verminderd"
    assert body["taken"]["termijnen"] == {"status": "achter", "intervalSeconden": 60, "laatstGeslaagd": None}
    assert body["achterstand"] == ["termijnen: nog nooit geslaagd (interval 60 s)"]


def test_health_is_degraded_while_the_shared_cache_does_not_answer(db, client, declare, settings):
    """With Redis configured but unreachable each server counts on its own: degraded, still 200."""
    declare("termijnen", lambda: {}, every=timedelta(minutes=1))
    with at():
        run_due("worker")
    settings.KETENZICHT_REDIS_URL = "redis://127.0.0.1:1/0"  # nobody listens on port 1
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                   "LOCATION": settings.KETENZICHT_REDIS_URL,
                                   "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}}}
    with at(timedelta(seconds=30)):
        response = client.get("/health/")
    assert response.status_code == 200
    assert response.json()["status"] == "verminderd" and response.json()["cache"] == "onbereikbaar"
    settings.KETENZICHT_REDIS_URL = ""
    with at(timedelta(seconds=30)):
        body = client.get("/health/").json()
    assert body["status"] == "ok" and "cache" not in body  # each process's own memory: nothing to ask
