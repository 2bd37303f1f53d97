"""A Redis that does not answer must not take the API down for every chain partner.

The budget keeps one system from starving the others; the token is what keeps strangers out. So
while the cache is unreachable requests pass, and the operator sees a warning in the log, once
per period per process rather than once per request.
"""

import logging

import pytest
from django.test import override_settings

from ketenzicht.api import throttling
from ketenzicht.runtime.tests.processes import free_port

from .throttle_support import api_rate


@pytest.fixture
def dead_redis():
    """A Redis URL on a local port where nothing listens."""
    caches = {"default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }}
    throttling.outage.end()
    with override_settings(CACHES=caches):
        yield
    throttling.outage.end()


def test_api_answers_while_redis_is_down_and_says_so_once(dead_redis, parties, api_for, caplog):
    client = api_for(parties.involved)
    url = f"/api/v1/personen/{parties.child.uuid}"
    with api_rate("1/minute"), caplog.at_level(logging.WARNING, logger=throttling.__name__):
        statuses = [client.get(url).status_code for _ in range(3)]

    assert statuses == [200, 200, 200]
    warnings = [r for r in caplog.records if r.name == throttling.__name__]
    assert len(warnings) == 1
    assert warnings[0].levelno == logging.WARNING
    assert "not rate-limited" in warnings[0].getMessage()


def test_counting_resumes_when_redis_answers_again(dead_redis, parties, api_for):
    client = api_for(parties.involved)
    url = f"/api/v1/personen/{parties.child.uuid}"
    with api_rate("1/minute"):
        client.get(url)
        assert throttling.outage.ongoing()
        throttling.outage.end()  # the retry period has passed
        with override_settings(CACHES={"default": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}):
            statuses = [client.get(url).status_code for _ in range(2)]

    assert statuses == [200, 429]
