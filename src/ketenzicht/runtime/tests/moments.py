"""A fixed moment for the runner's tests, and travelling to minutes after it."""

from contextlib import AbstractContextManager
from datetime import UTC, datetime, timedelta

import time_machine

START = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def at(after: timedelta = timedelta()) -> AbstractContextManager:
    return time_machine.travel(START + after, tick=False)
