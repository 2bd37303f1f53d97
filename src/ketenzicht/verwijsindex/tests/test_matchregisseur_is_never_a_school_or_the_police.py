"""A match's matchregisseur is an organisation whose core task is helping youth; schools and the
police can only register (domain.md §2) — also when the district has no team to coordinate, and
whatever the municipality configures."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from ketenzicht.organisations.models import Municipality, Organisation, OrganisationType
from ketenzicht.verwijsindex.coordination import index_settings
from ketenzicht.verwijsindex.models import IndexSettings

from .conftest import DAAN, register_as

pytestmark = pytest.mark.usefixtures("emmen")


def test_without_a_district_team_the_match_goes_to_a_participant_that_may_coordinate():
    # De Monden's CJG-Jeugdteam is gone: the rule falls back to the participants. The police and
    # the school registered last, so they come first among them, and are passed over.
    Organisation.objects.filter(slug="cjg-de-monden").update(is_active=False)
    register_as("jgz", DAAN)
    match = register_as("wijkagent", DAAN).client_match
    assert match.match_coordinator.slug == "ggd-drenthe"
    register_as("leerkracht", DAAN)
    match.refresh_from_db()
    assert match.match_coordinator.slug == "ggd-drenthe"


@pytest.mark.parametrize("type_slug", ["school", "politie"])
def test_the_municipality_cannot_make_a_school_or_the_police_matchregisseur(type_slug):
    IndexSettings.objects.update(match_coordinator_type=OrganisationType.objects.get(slug=type_slug))
    with pytest.raises(ImproperlyConfigured, match="mag geen matchregisseur zijn"):
        index_settings(Municipality.objects.get())
