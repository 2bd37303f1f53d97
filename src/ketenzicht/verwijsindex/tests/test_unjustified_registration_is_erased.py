"""A registration that proves unjustified is erased, not archived (domain.md §2)."""

from datetime import date

import pytest

from ketenzicht.audit.models import AuditEvent
from ketenzicht.verwijsindex.lifecycle import end_registration
from ketenzicht.verwijsindex.models import EndReason, Match, MatchParticipation

from .conftest import DAAN
from .lifetimes import acting, exists, on, registered_on

pytestmark = pytest.mark.usefixtures("emmen")


def test_unjustified_registration_is_erased():
    school = registered_on(date(2025, 3, 10), "leerkracht", DAAN)
    nurse = registered_on(date(2025, 3, 11), "jgz", DAAN)
    match = Match.objects.get(kind="client")

    with on(date(2025, 4, 1)):
        assert end_registration(*acting("leerkracht"), school.uuid, EndReason.UNJUSTIFIED) is None

    assert not exists(school)
    assert not MatchParticipation.objects.filter(registration_id=school.id).exists()
    event = AuditEvent.objects.get(event_type="delete", object_id=str(school.uuid))
    assert (event.object_type, event.detail["reden"]) == ("verwijsindex-registratie", "onterecht")
    assert event.client_pseudonym == str(school.person.uuid)
    match.refresh_from_db()
    assert match.status != "gesloten"  # the nurse's registration is still active

    with on(date(2025, 4, 2)):
        end_registration(*acting("jgz"), nurse.uuid, EndReason.UNJUSTIFIED)
    assert not Match.objects.filter(pk=match.pk).exists()  # nothing left to point at
    assert AuditEvent.objects.filter(event_type="delete", object_type="verwijsindex-match",
                                     object_id=str(match.uuid)).exists()


def test_archived_registration_that_proves_unjustified_is_erased_too():
    registration = registered_on(date(2025, 3, 10), "leerkracht", DAAN)
    with on(date(2025, 4, 1)):
        end_registration(*acting("leerkracht"), registration.uuid, EndReason.RISK_GONE)
        end_registration(*acting("leerkracht"), registration.uuid, EndReason.UNJUSTIFIED)
    assert not exists(registration)
