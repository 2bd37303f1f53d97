"""A match is seen by its organisations, its matchregisseur and the regievoerder; nobody else."""

from datetime import date

import pytest

from ketenzicht.verwijsindex.match_actions import matches_of, visible_match

from .conftest import KEVIN, professional
from .match_helpers import client_match_on

pytestmark = pytest.mark.usefixtures("emmen")


@pytest.mark.parametrize("username", [
    "leerkracht",  # participant (the school)
    "jgz",  # participant
    "cjg-demonden",  # matchregisseur (De Monden)
    "teamleider-demonden",  # matchregisseur, team lead
    "regievoerder",  # the municipality's regievoerder
])
def test_involved_parties_see_the_match(username):
    match = client_match_on(date(2025, 9, 1))
    assert visible_match(professional(username), match.uuid) == match


@pytest.mark.parametrize("username", [
    "wijkagent",  # unrelated organisation
    "cjg-emmenzuid",  # another district's team
    "beleid",  # the municipality, but not the regievoerder
    "inspecteur",
])
def test_match_is_visible_only_to_participants_coordinator_and_regievoerder(username):
    match = client_match_on(date(2025, 9, 1))
    assert visible_match(professional(username), match.uuid) is None
    assert not matches_of(professional(username)).exists()


def test_missing_and_malformed_uuids_answer_none():
    assert visible_match(professional("jgz"), "00000000-0000-0000-0000-000000000000") is None
    assert visible_match(professional("jgz"), "geen-uuid") is None


def test_matches_of_lists_open_matches_first():
    first = client_match_on(date(2025, 9, 1))
    first.status = "gesloten"
    first.closed_at = first.created_at
    first.save()
    second = client_match_on(date(2025, 8, 1), bsn=KEVIN)  # older, but open
    assert list(matches_of(professional("jgz"))) == [second, first]
    assert list(matches_of(professional("cjg-demonden"))) == [first]  # Kevin: Emmen Noord
