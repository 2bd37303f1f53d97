"""The one registry of periodic jobs: every app declares its own, one worker runs them all.

A deadline in the chain (a Meldcode step left lying, a match nobody follows up, a handover not
accepted by noon) only matters if something notices it when it passes. Each app says what it
needs noticed in its own ``jobs.py``::

    @job("signalen-termijnen", every=timedelta(minutes=1), description="…")
    def signal_deadlines() -> dict[str, int]:
        return run_deadline_jobs()

and ``ketenzicht worker`` runs every declared job on its schedule. No app imports another's
jobs and no operator schedules a command per app: a new app's jobs run once it is installed.

A job is a plain function without arguments that returns counts of what it did (kept as the
job's last result and shown by ``ketenzicht worker --list``). It must be safe to run again at any
moment and from two workers at once, and each batch it writes is one transaction: the runner
gives no stronger promise than "at least once per interval".
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import module_has_submodule

#: What a job returns: how many of each thing it handled, e.g. ``{"herinnerd": 3}``.
Counts = Mapping[str, int]

#: A run still going after this long is taken to have died with its worker; another may start it.
#: Batches take seconds; and a job run twice at once stays correct (its rows are claimed), so the
#: lease only spares duplicate work and may be short.
DEFAULT_LEASE = timedelta(minutes=5)


@dataclass(frozen=True)
class Job:
    name: str
    run: Callable[[], Counts | None]
    every: timedelta
    #: Dutch, for the operator: what the job keeps in order.
    description: str
    #: Dutch labels for the keys of the counts, for ``ketenzicht worker --run``.
    labels: Mapping[str, str] = field(default_factory=dict)
    lease: timedelta = DEFAULT_LEASE

    @property
    def interval(self) -> timedelta:
        """``every``, unless the deployment overrides it (``KETENZICHT_JOB_INTERVALS``)."""
        overrides: Mapping[str, int] = getattr(settings, "KETENZICHT_JOB_INTERVALS", {})
        seconds = overrides.get(self.name, overrides.get("*"))
        return self.every if seconds is None else timedelta(seconds=seconds)

    def label(self, key: str) -> str:
        return self.labels.get(key, key)


class Registry:
    """The declared jobs by name; filled by importing every installed app's ``jobs`` module."""

    def __init__(self) -> None:
        self._jobs: dict[str, Job] = {}
        self._discovered = False

    def add(self, job: Job) -> Job:
        if job.name in self._jobs and self._jobs[job.name].run is not job.run:
            raise ImproperlyConfigured(f"Er is al een taak met de naam {job.name!r}.")
        self._jobs[job.name] = job
        return job

    def all(self) -> list[Job]:
        self._discover()
        return sorted(self._jobs.values(), key=lambda job: job.name)

    def get(self, name: str) -> Job | None:
        self._discover()
        return self._jobs.get(name)

    def _discover(self) -> None:
        """Import each of Ketenzicht's own apps' ``jobs`` module (a third-party app's module of
        that name is not a declaration of ours)."""
        if self._discovered:
            return
        for config in apps.get_app_configs():
            if config.name.startswith("ketenzicht.") and module_has_submodule(config.module, "jobs"):
                import_module(f"{config.name}.jobs")
        self._discovered = True


REGISTRY = Registry()


def job(
    name: str, *, every: timedelta, description: str, labels: Mapping[str, str] | None = None,
    lease: timedelta = DEFAULT_LEASE,
) -> Callable[[Callable[[], Counts | None]], Callable[[], Counts | None]]:
    """Declare the decorated function as a periodic job (see the module docstring)."""

    def declare(function: Callable[[], Counts | None]) -> Callable[[], Counts | None]:
        REGISTRY.add(Job(name=name, run=function, every=every, description=description,
                         labels=dict(labels or {}), lease=lease))
        return function

    return declare
