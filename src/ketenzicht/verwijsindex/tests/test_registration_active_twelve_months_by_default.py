"""A registration is active for 12 months unless the municipality chose otherwise (domain.md §2)."""

from datetime import date

import pytest

from .conftest import DAAN
from .lifetimes import registered_on

pytestmark = pytest.mark.usefixtures("emmen")


def test_registration_active_twelve_months_by_default():
    registration = registered_on(date(2025, 3, 10), "leerkracht", DAAN)
    assert registration.status == "actief"
    assert registration.active_until == date(2026, 3, 10)


def test_registration_made_on_the_31st_is_active_until_the_end_of_a_shorter_month():
    assert registered_on(date(2025, 1, 31), "leerkracht", DAAN).active_until == date(2026, 1, 31)
    assert registered_on(date(2025, 8, 31), "jgz", DAAN).active_until == date(2026, 8, 31)
