"""The verwijsindex in view: use per organisation type and district, matches without contact,
time to contact — counts only, straight from SQL."""

from datetime import timedelta

import pytest
from django.utils import timezone

from ketenzicht.organisations.models import Municipality
from ketenzicht.verwijsindex.models import Match
from ketenzicht.verwijsindex.statistics import (
    follow_up,
    matches_by_district,
    registrations_by_type_and_district,
)

from .conftest import DAAN, register_as

pytestmark = pytest.mark.usefixtures("emmen")


def emmen_municipality() -> Municipality:
    return Municipality.objects.get(slug="emmen")


def test_registrations_counted_per_organisation_type_and_district():
    register_as("leerkracht", DAAN)
    register_as("jgz", DAAN)
    register_as("cjg-emmenzuid", "999990123")  # Mila Yilmaz, Emmen Zuid
    counts = {(c.organisation_type, c.district): c.active
              for c in registrations_by_type_and_district(emmen_municipality())}
    assert counts == {
        ("School", "De Monden"): 1,
        ("Jeugdgezondheidszorg (JGZ)", "De Monden"): 1,
        ("CJG-Jeugdteam", "Emmen Zuid"): 1,
    }


def test_matches_without_contact_and_time_to_contact_per_district():
    register_as("leerkracht", DAAN)
    match = register_as("jgz", DAAN).client_match
    [figures] = matches_by_district(emmen_municipality())
    assert (figures.district, figures.open, figures.without_contact) == ("De Monden", 1, 1)
    assert figures.longest_without_contact_since == match.created_at
    assert figures.average_time_to_contact is None

    Match.objects.filter(pk=match.pk).update(
        status="contact", contact_made_at=match.created_at + timedelta(hours=30))
    [figures] = matches_by_district(emmen_municipality())
    assert figures.without_contact == 0
    assert figures.average_time_to_contact == timedelta(hours=30)


def test_follow_up_rate_is_share_of_matches_with_contact():
    assert follow_up(emmen_municipality()).rate is None
    register_as("leerkracht", DAAN)
    match = register_as("jgz", DAAN).client_match
    assert follow_up(emmen_municipality()).rate == 0
    Match.objects.filter(pk=match.pk).update(status="contact", contact_made_at=timezone.now())
    assert follow_up(emmen_municipality()).rate == 1
