"""An organisation whose registration has ended is no longer involved: it no longer sees the
match, nor the contact details in it; ended registrations are shown to nobody (domain.md §2)."""

from datetime import date

import pytest

from ketenzicht.verwijsindex.lifecycle import end_registration
from ketenzicht.verwijsindex.match_actions import match_participants, matches_of, visible_match
from ketenzicht.verwijsindex.models import EndReason

from .conftest import DAAN, professional, register_as
from .lifetimes import acting, on, registered_on

pytestmark = pytest.mark.usefixtures("emmen")


def test_ended_registrant_no_longer_sees_the_match():
    school = registered_on(date(2025, 9, 1), "leerkracht", DAAN)
    registered_on(date(2025, 9, 1), "jgz", DAAN)
    with on(date(2025, 9, 2)):
        match = register_as("cjg-demonden", DAAN).client_match  # also the matchregisseur
        end_registration(*acting("leerkracht"), school.uuid, EndReason.RISK_GONE)

    assert visible_match(professional("leerkracht"), match.uuid) is None
    assert match not in matches_of(professional("leerkracht"))
    # Those still involved see it, without the ended registration's contact details.
    assert visible_match(professional("jgz"), match.uuid) == match
    assert match in matches_of(professional("jgz"))
    shown = match_participants(match)
    assert school.pk not in {r.pk for r in shown}
    assert {r.organisation.slug for r in shown} == {"ggd-drenthe", "cjg-de-monden"}
    # The coordinator and the regievoerder keep their own basis.
    assert visible_match(professional("teamleider-demonden"), match.uuid) == match
    assert visible_match(professional("regievoerder"), match.uuid) == match


def test_match_closed_with_every_registration_ended_is_seen_by_the_coordinator_only():
    school = registered_on(date(2025, 9, 1), "leerkracht", DAAN)
    nurse = registered_on(date(2025, 9, 1), "jgz", DAAN)
    with on(date(2025, 9, 2)):
        end_registration(*acting("leerkracht"), school.uuid, EndReason.RISK_GONE)
        end_registration(*acting("jgz"), nurse.uuid, EndReason.RISK_GONE)
    match = matches_of(professional("cjg-demonden")).get()
    assert match.status == "gesloten"
    assert visible_match(professional("leerkracht"), match.uuid) is None
    assert visible_match(professional("jgz"), match.uuid) is None
    assert match_participants(match) == []
