"""Settings for the test suite: the dev settings, made fast and deterministic."""

from .dev import *  # noqa: F403

DEBUG = False
DEMO_MODE = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Tests choose their own rates where they test throttling.
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"organisation": "10000/minute"}}  # noqa: F405
