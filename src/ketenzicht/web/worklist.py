"""The professional's own worklist, filled by the apps that create work.

The web app owns no work itself. Each chain app (signals, verwijsindex, plans, ...) registers a
*provider*: a callable that takes a professional and returns their open items. Providers are
listed by dotted path in ``settings.KETENZICHT_WORKLIST_PROVIDERS``, so a municipality can switch
one off and no app imports ``web``.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache

from django.conf import settings
from django.utils.module_loading import import_string

from ketenzicht.organisations.models import Professional


@dataclass(frozen=True)
class WorklistItem:
    """One thing a professional must do; ``url`` leads to where it is done.

    Items carry no BSN and no content of another organisation's file: only what the
    professional needs to find the work.
    """

    title: str
    url: str
    kind: str
    due: date | None = None
    detail: str = ""


WorklistProvider = Callable[[Professional], Iterable[WorklistItem]]


@cache
def _providers(paths: tuple[str, ...]) -> tuple[WorklistProvider, ...]:
    return tuple(import_string(path) for path in paths)


def worklist_providers() -> tuple[WorklistProvider, ...]:
    return _providers(tuple(getattr(settings, "KETENZICHT_WORKLIST_PROVIDERS", ())))


def worklist_for(professional: Professional) -> list[WorklistItem]:
    """All providers' items, those with the nearest due date first, undated last."""
    items = [item for provider in worklist_providers() for item in provider(professional)]
    return sorted(items, key=lambda item: (item.due is None, item.due or date.max, item.title))
