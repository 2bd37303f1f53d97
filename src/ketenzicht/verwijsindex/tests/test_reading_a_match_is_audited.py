"""Opening a match is in the audit trail: success with the basis, or denied (NEN 7513)."""

from datetime import date

import pytest

from ketenzicht.audit.models import AuditEvent
from ketenzicht.people.services import find_person_by_bsn
from ketenzicht.verwijsindex.match_actions import open_match
from ketenzicht.verwijsindex.models import Match

from .conftest import DAAN, EMMA
from .lifetimes import acting, registered_on
from .match_helpers import client_match_on

pytestmark = pytest.mark.usefixtures("emmen")


def _reads(match):
    return AuditEvent.objects.filter(event_type="read", object_type="verwijsindex-match",
                                     object_id=str(match.uuid))


def test_reading_a_match_is_audited():
    match = client_match_on(date(2025, 9, 1))
    assert open_match(*acting("jgz"), match.uuid) == match
    event = _reads(match).get()
    assert (event.outcome, event.organisation) == ("success", "ggd-drenthe")
    assert event.purpose == "betrokken organisatie in de match"
    assert event.client_pseudonym == str(find_person_by_bsn(DAAN).uuid)


def test_a_refused_read_is_audited_as_denied():
    match = client_match_on(date(2025, 9, 1))
    assert open_match(*acting("wijkagent"), match.uuid) is None
    event = _reads(match).get()
    assert (event.outcome, event.organisation) == ("denied", "politie-drenthe")
    assert event.client_pseudonym == str(find_person_by_bsn(DAAN).uuid)


def test_reading_a_family_match_is_audited_for_each_youth():
    registered_on(date(2025, 9, 1), "leerkracht", DAAN)
    registered_on(date(2025, 9, 1), "jgz", EMMA)
    family = Match.objects.get(kind="gezin")
    open_match(*acting("regievoerder"), family.uuid)
    assert set(_reads(family).values_list("client_pseudonym", flat=True)) == {
        str(find_person_by_bsn(DAAN).uuid), str(find_person_by_bsn(EMMA).uuid)}
    assert set(_reads(family).values_list("purpose", flat=True)) == {
        "regievoerder verwijsindex van de gemeente"}
