"""Who the family's regisseur is, is recorded, and everyone involved is told (domain.md §4)."""

from datetime import date

import pytest

from ketenzicht.verwijsindex.errors import RefusalKind, RegistrationRefused
from ketenzicht.verwijsindex.match_actions import record_coordinated

from .lifetimes import acting, on
from .match_helpers import client_match_on, notices_to

pytestmark = pytest.mark.usefixtures("emmen")


def test_family_regisseur_is_recorded_and_participants_told():
    match = client_match_on(date(2025, 9, 1))
    record_coordinated(*acting("cjg-demonden"), match.uuid, family_coordinator_slug="ggd-drenthe",
                       parents_keep_regie=False)
    match.refresh_from_db()
    assert match.family_coordinator.slug == "ggd-drenthe" and not match.parents_keep_regie
    for username in ("leerkracht", "jgz"):
        (notice,) = notices_to(username, "verwijsindex-regisseur")
        assert "Regisseur van het gezin: GGD Drenthe, jeugdgezondheidszorg" in notice.body
        assert notice.link == f"/verwijsindex/matches/{match.uuid}/"


def test_parents_keeping_regie_is_recorded_and_told():
    match = client_match_on(date(2025, 9, 1))
    record_coordinated(*acting("cjg-demonden"), match.uuid, family_coordinator_slug=None,
                       parents_keep_regie=True)
    match.refresh_from_db()
    assert match.family_coordinator is None and match.parents_keep_regie
    (notice,) = notices_to("leerkracht", "verwijsindex-regisseur")
    assert "De ouders voeren zelf regie" in notice.body


@pytest.mark.parametrize("slug, parents", [
    ("politie-drenthe", False),  # not involved in this match
    (None, False),  # nobody named
    ("ggd-drenthe", True),  # both at once
])
def test_regisseur_must_be_one_party_involved(slug, parents):
    match = client_match_on(date(2025, 9, 1))
    with pytest.raises(RegistrationRefused) as refused:
        record_coordinated(*acting("cjg-demonden"), match.uuid, family_coordinator_slug=slug,
                           parents_keep_regie=parents)
    assert refused.value.kind == RefusalKind.INVALID
    match.refresh_from_db()
    assert match.status == "nieuw"


def test_a_changed_regisseur_is_told_again():
    match = client_match_on(date(2025, 9, 1))
    with on(date(2025, 9, 2)):
        record_coordinated(*acting("cjg-demonden"), match.uuid,
                           family_coordinator_slug="ggd-drenthe", parents_keep_regie=False)
    with on(date(2025, 11, 3)):
        record_coordinated(*acting("cjg-demonden"), match.uuid,
                           family_coordinator_slug=None, parents_keep_regie=True)
    bodies = [n.body for n in notices_to("jgz", "verwijsindex-regisseur")]
    assert len(bodies) == 2 and any("De ouders voeren zelf regie" in b for b in bodies)
