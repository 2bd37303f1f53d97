"""Settings for the test suite: the dev settings, made fast and deterministic."""

from .dev import *  # noqa: F403

DEBUG = False
DEMO_MODE = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Tests choose their own rates where they test throttling.
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"organisation": "10000/minute"}}  # noqa: F405
# The suite counts in its own memory whatever the shell sets: tests clear the cache, and on a
# shared Redis that would flush other systems' keys. Tests that need Redis configure it themselves.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
KETENZICHT_REDIS_URL = ""
# The suite keeps Django's psycopg pool on PostgreSQL, so its PostgreSQL run takes connections the
# way production does (pytest-django creates, flushes and drops the test database fine with it).
# Only larger: tests with many threads (parallel writers plus the test's own connection) must wait
# for the lock under test, never for a free connection in a pool sized for one server worker.
if "pool" in DATABASES["default"]["OPTIONS"]:  # noqa: F405
    DATABASES["default"]["OPTIONS"]["pool"] = {**DATABASES["default"]["OPTIONS"]["pool"], "max_size": 20}  # noqa: F405
