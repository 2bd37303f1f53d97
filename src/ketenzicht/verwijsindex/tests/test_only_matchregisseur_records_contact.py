"""Only the matchregisseur records that contact was made (domain.md §2)."""

from datetime import date

import pytest

from ketenzicht.audit.models import AuditEvent
from ketenzicht.people.services import find_person_by_bsn
from ketenzicht.verwijsindex.errors import RefusalKind, RegistrationRefused
from ketenzicht.verwijsindex.match_actions import record_contact

from .conftest import DAAN
from .lifetimes import acting, on
from .match_helpers import client_match_on

pytestmark = pytest.mark.usefixtures("emmen")


@pytest.mark.parametrize("username", ["leerkracht", "jgz", "wijkagent", "regievoerder"])
def test_others_may_not_record_contact(username):
    match = client_match_on(date(2025, 9, 1))
    with pytest.raises(RegistrationRefused) as refused:
        record_contact(*acting(username), match.uuid)
    assert refused.value.kind == RefusalKind.FORBIDDEN
    assert refused.value.message == "Alleen de matchregisseur legt contact vast."
    match.refresh_from_db()
    assert match.status == "nieuw" and match.contact_made_at is None


def test_only_matchregisseur_records_contact():
    match = client_match_on(date(2025, 9, 1))
    assert match.match_coordinator.slug == "cjg-de-monden"
    with on(date(2025, 9, 3)):
        record_contact(*acting("cjg-demonden"), match.uuid)
    match.refresh_from_db()
    assert match.status == "contact"
    assert match.contact_made_at.date() == date(2025, 9, 3)
    event = AuditEvent.objects.get(object_type="verwijsindex-match", object_id=str(match.uuid),
                                   event_type="update")
    assert event.client_pseudonym == str(find_person_by_bsn(DAAN).uuid)
    assert event.organisation == "cjg-de-monden"


def test_an_unknown_match_gets_the_same_refusal():
    with pytest.raises(RegistrationRefused) as refused:
        record_contact(*acting("cjg-demonden"), "00000000-0000-0000-0000-000000000000")
    assert refused.value.kind == RefusalKind.FORBIDDEN
