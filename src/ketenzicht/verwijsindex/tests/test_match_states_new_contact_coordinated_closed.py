"""A match goes new → contact made → coordinated → closed, and not otherwise (domain.md §2)."""

from datetime import date

import pytest

from ketenzicht.leads.services import LeadChoice, current_lead, pending_change
from ketenzicht.people.services import current_household
from ketenzicht.verwijsindex.errors import RefusalKind, RegistrationRefused
from ketenzicht.verwijsindex.lifecycle import end_registration
from ketenzicht.verwijsindex.match_actions import record_contact, record_coordinated
from ketenzicht.verwijsindex.models import EndReason, IndexRegistration

from .lifetimes import acting, on, professional
from .match_helpers import client_match_on

pytestmark = pytest.mark.usefixtures("emmen")


def _coordinate(match, username: str = "cjg-demonden"):
    choice = LeadChoice(professional=professional(username), family_preference="Met moeder besproken.")
    return record_coordinated(*acting("cjg-demonden"), match.uuid, choice=choice)


def test_match_states_new_contact_coordinated_closed():
    match = client_match_on(date(2025, 9, 1))
    assert match.status == "nieuw"

    with on(date(2025, 9, 2)):
        assert record_contact(*acting("cjg-demonden"), match.uuid).status == "contact"
    with pytest.raises(RegistrationRefused) as twice:
        record_contact(*acting("cjg-demonden"), match.uuid)
    assert twice.value.kind == RefusalKind.INVALID

    with on(date(2025, 9, 4)):
        coordinated = _coordinate(match)
    assert coordinated.status == "afgestemd"
    assert coordinated.contact_made_at.date() == date(2025, 9, 2)
    assert coordinated.coordinated_at.date() == date(2025, 9, 4)
    with pytest.raises(RegistrationRefused) as again:
        _coordinate(match)  # the same regie once more changes nothing
    assert again.value.kind == RefusalKind.INVALID
    with on(date(2025, 9, 8)):
        changed = _coordinate(match, "jgz")  # another regisseur: a warm handover waits
    assert changed.status == "afgestemd"
    household = current_household(match.person)
    assert current_lead(household).professional.user.username == "cjg-demonden"
    assert pending_change(household).professional.user.username == "jgz"
    assert changed.coordinated_at.date() == date(2025, 9, 4)  # the first agreement stays

    with on(date(2025, 10, 1)):
        for registration in IndexRegistration.objects.select_related("registrant__user"):
            end_registration(*acting(registration.registrant.user.username), registration.uuid,
                             EndReason.RISK_GONE)
    match.refresh_from_db()
    assert match.status == "gesloten"
    with pytest.raises(RegistrationRefused) as closed:
        record_contact(*acting("cjg-demonden"), match.uuid)
    assert closed.value.kind == RefusalKind.INVALID
    assert closed.value.message == "Deze match is gesloten."


def test_coordinating_a_new_match_also_records_the_contact():
    match = client_match_on(date(2025, 9, 1))
    with on(date(2025, 9, 5)):
        coordinated = _coordinate(match)
    assert coordinated.status == "afgestemd"
    assert coordinated.contact_made_at.date() == date(2025, 9, 5)
