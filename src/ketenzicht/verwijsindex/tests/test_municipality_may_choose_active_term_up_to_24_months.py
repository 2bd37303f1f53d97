"""Each municipality chooses the active term, up to the legal 24 months (domain.md §2)."""

from datetime import date

import pytest

from ketenzicht.verwijsindex.models import IndexSettings

from .conftest import DAAN
from .lifetimes import registered_on

pytestmark = pytest.mark.usefixtures("emmen")


def test_municipality_may_choose_active_term_up_to_24_months():
    IndexSettings.objects.update(active_months=24)
    assert registered_on(date(2025, 3, 10), "leerkracht", DAAN).active_until == date(2027, 3, 10)
    IndexSettings.objects.update(active_months=6)
    assert registered_on(date(2025, 3, 10), "jgz", DAAN).active_until == date(2025, 9, 10)
