"""Jobs declared by a test only: the registry holds nothing else while the test runs."""

from collections.abc import Callable
from datetime import timedelta

import pytest

from ketenzicht.runtime.registry import DEFAULT_LEASE, REGISTRY, Counts, Job


@pytest.fixture
def declare(monkeypatch) -> Callable[..., Job]:
    """Declare a job for this test; the apps' own jobs are out of the registry meanwhile."""
    monkeypatch.setattr(REGISTRY, "_jobs", {})
    monkeypatch.setattr(REGISTRY, "_discovered", True)

    def declare_job(name: str, run: Callable[[], Counts | None], every: timedelta = timedelta(minutes=1),
                    lease: timedelta = DEFAULT_LEASE) -> Job:
        return REGISTRY.add(Job(name=name, run=run, every=every, description=f"test {name}", lease=lease))

    return declare_job
