"""Whatever the term and extensions, a registration ends 24 months after it was made."""

from datetime import date

import pytest

from ketenzicht.verwijsindex.models import IndexRegistration, IndexSettings

from .conftest import DAAN
from .lifetimes import jobs_on, registered_on

pytestmark = pytest.mark.usefixtures("emmen")


def test_registration_ends_at_24_months():
    IndexSettings.objects.update(active_months=24)
    registration = registered_on(date(2025, 3, 10), "leerkracht", DAAN)

    assert jobs_on(date(2027, 3, 10)) == dict.fromkeys(jobs_on(date(2027, 3, 10)), 0)
    counts = jobs_on(date(2027, 3, 11))
    assert (counts["maximum_term"], counts["expired"]) == (1, 0)
    ended = IndexRegistration.objects.get(pk=registration.pk)
    assert (ended.status, ended.end_reason) == ("beeindigd", "maximale-termijn")
    assert ended.archive_until == date(2032, 3, 11)


def test_registration_made_on_29_february_ends_after_28_february_two_years_on():
    IndexSettings.objects.update(active_months=24)
    registration = registered_on(date(2024, 2, 29), "leerkracht", DAAN)
    assert registration.active_until == date(2026, 2, 28)
    assert jobs_on(date(2026, 2, 28))["maximum_term"] == 0
    assert jobs_on(date(2026, 3, 1))["maximum_term"] == 1


def test_registration_made_on_28_february_ends_on_29_february_two_years_on():
    IndexSettings.objects.update(active_months=24)
    registered_on(date(2026, 2, 28), "leerkracht", DAAN)
    registered_on(date(2026, 3, 1), "jgz", DAAN)
    assert jobs_on(date(2028, 2, 29))["maximum_term"] == 1  # the 28th's; the 1st's runs on
    assert jobs_on(date(2028, 3, 2))["maximum_term"] == 1
