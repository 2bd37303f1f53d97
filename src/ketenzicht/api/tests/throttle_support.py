"""Driving the API throttle directly: a token's request at a chosen moment, with a chosen rate."""

from contextlib import contextmanager
from types import SimpleNamespace

from django.conf import settings
from django.test import override_settings

from ketenzicht.api.models import ApiToken
from ketenzicht.api.throttling import OrganisationRateThrottle


@contextmanager
def api_rate(rate: str):
    """``KETENZICHT_API_RATE`` for the duration of the block."""
    rest = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"organisation": rate}}
    with override_settings(REST_FRAMEWORK=rest):
        yield


def request_of(token_id: int) -> SimpleNamespace:
    """What the throttle reads of a request: the token it was authenticated with."""
    return SimpleNamespace(auth=ApiToken(pk=token_id))


def allowed(token_id: int = 1) -> bool:
    """Whether one request of the token passes now (DRF makes a throttle per request too)."""
    return OrganisationRateThrottle().allow_request(request_of(token_id), None)


def count_allowed(attempts: int, token_id: int = 1) -> int:
    return sum(allowed(token_id) for _ in range(attempts))
