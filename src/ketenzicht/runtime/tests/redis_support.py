"""The Redis that tests with several server processes share, under a key prefix of their own.

``KETENZICHT_TEST_REDIS_URL`` names it (default the local Redis, database 0). Every test run
takes a fresh prefix and deletes only its own keys afterwards, so a Redis shared with other
systems, other test runs or other helpers keeps its data.
"""

import os
import uuid

import pytest
import redis

DEFAULT_URL = "redis://127.0.0.1:6379/0"


def redis_url_for_tests() -> str:
    """The Redis URL for tests; the test fails (never silently skips) when nobody answers there."""
    url = os.environ.get("KETENZICHT_TEST_REDIS_URL", DEFAULT_URL)
    try:
        redis.Redis.from_url(url, socket_connect_timeout=2, socket_timeout=2).ping()
    except redis.RedisError as error:
        pytest.fail(f"Redis antwoordt niet op {url} ({error}). Start Redis (scripts/ensure-redis) "
                    "of zet KETENZICHT_TEST_REDIS_URL op een bereikbare Redis.")
    return url



def unique_prefix() -> str:
    return f"ketenzicht-test-{uuid.uuid4().hex}"


def keys_under(url: str, prefix: str) -> list[str]:
    client = redis.Redis.from_url(url, decode_responses=True)
    return sorted(client.scan_iter(match=f"{prefix}:*"))


def delete_keys_under(url: str, prefix: str) -> None:
    client = redis.Redis.from_url(url)
    for key in client.scan_iter(match=f"{prefix}:*"):
        client.delete(key)
