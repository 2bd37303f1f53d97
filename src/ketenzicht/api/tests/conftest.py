"""API fixtures: a token per organisation and a client that names a responsible professional."""

from collections.abc import Callable

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from ketenzicht.api.tokens import issue_token
from ketenzicht.organisations.models import Professional


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Rate-limit counters live in the cache; token ids can repeat between tests on SQLite."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api_for(db) -> Callable[..., APIClient]:
    """An API client for the system of ``professional``'s organisation, naming that professional."""

    def make(
        professional: Professional, *, name_professional: bool = True, username: str | None = None
    ) -> APIClient:
        """``username`` names someone else than ``professional`` in the header."""
        client = APIClient()
        key = issue_token(professional.organisation, "leerlingadministratie").key
        headers = {"HTTP_AUTHORIZATION": f"Token {key}"}
        if name_professional:
            headers["HTTP_VERANTWOORDELIJKE_PROFESSIONAL"] = username or professional.user.username
        client.credentials(**headers)
        return client

    return make


def without_instance(body: dict) -> dict:
    """A problem body minus the per-occurrence ``instance``, to compare two answers."""
    return {name: value for name, value in body.items() if name != "instance"}
