"""``KETENZICHT_JOB_INTERVALS`` overrides job intervals in whole seconds; a value that is not one,
or below 1 (the worker would spin), stops the start with a Dutch message naming the variable."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from ketenzicht.conf.env import env_int_map


def test_intervals_per_job_and_for_all(monkeypatch):
    monkeypatch.setenv("KETENZICHT_JOB_INTERVALS", "signalen-termijnen=30, *=60")
    assert env_int_map("KETENZICHT_JOB_INTERVALS") == {"signalen-termijnen": 30, "*": 60}


@pytest.mark.parametrize("value", ["signalen-termijnen=0", "*=-5", "signalen-termijnen=tien", "=30", "*"])
def test_an_interval_that_is_not_whole_seconds_of_at_least_one_is_refused(monkeypatch, value):
    monkeypatch.setenv("KETENZICHT_JOB_INTERVALS", value)
    with pytest.raises(ImproperlyConfigured, match=r"KETENZICHT_JOB_INTERVALS: .* minstens 1"):
        env_int_map("KETENZICHT_JOB_INTERVALS")
