"""Migration 0004 turns a match's recorded family regisseur (an organisation) or "the parents keep
regie" into the household's one regisseur, a named professional: the organisation's registrant in
the match, or for the parents the matchregisseur's first professional as back-up."""

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from ketenzicht.leads.models import HouseholdLead
from ketenzicht.people.services import current_household

from .conftest import DAAN
from .match_helpers import client_match_on

BEFORE = [("verwijsindex", "0003_match_coordinator_names")]


def _migrate(targets) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor


def _latest() -> list:
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.fixture
def demo_match(transactional_db, settings):
    from ketenzicht.demo.loader import load_demo

    settings.DEMO_MODE = True
    load_demo(households=3)
    match = client_match_on(date(2025, 9, 1), DAAN)  # the school and the JGZ, coordinated by the CJG
    yield match
    _migrate(_latest())


@pytest.mark.parametrize("parents, expected_user, expected_kind", [
    (False, "leerkracht", "professional"),  # the school's registrant in the match
    (True, None, "ouders"),  # back-up: the matchregisseur's first professional
])
def test_a_matchs_family_regisseur_becomes_the_households_regisseur(
        demo_match, parents, expected_user, expected_kind):
    state = _migrate(BEFORE).loader.project_state(BEFORE).apps
    OldMatch = state.get_model("verwijsindex", "Match")
    Organisation = state.get_model("organisations", "Organisation")
    OldMatch.objects.filter(pk=demo_match.pk).update(
        status="afgestemd", parents_keep_regie=parents,
        family_coordinator=None if parents else Organisation.objects.get(slug="kristalla"))
    _migrate(_latest())
    lead = HouseholdLead.objects.select_related("professional__user").get(
        household=current_household(demo_match.person), ended_at__isnull=True)
    assert (lead.kind, lead.agreed_via, lead.agreed_via_uuid) == (
        expected_kind, "verwijsindex-match", demo_match.uuid)
    if parents:
        assert lead.organisation.slug == "cjg-de-monden" and lead.agreements
    else:
        assert lead.professional.user.username == expected_user and lead.family_preference
