"""The registrant ends a registration when the risk is gone; it stays 5 years in the archive."""

from datetime import date

import pytest

from ketenzicht.audit.models import AuditEvent
from ketenzicht.verwijsindex.errors import RegistrationRefused
from ketenzicht.verwijsindex.lifecycle import end_registration
from ketenzicht.verwijsindex.models import EndReason

from .conftest import DAAN
from .lifetimes import acting, on, registered_on

pytestmark = pytest.mark.usefixtures("emmen")


def test_registrant_ends_when_risk_is_gone_and_it_is_archived_5_years():
    registration = registered_on(date(2025, 3, 10), "leerkracht", DAAN)
    with on(date(2025, 6, 2)):
        ended = end_registration(*acting("leerkracht"), registration.uuid, EndReason.RISK_GONE)

    assert ended.status == "beeindigd"
    assert ended.end_reason == EndReason.RISK_GONE
    assert ended.ended_at.date() == date(2025, 6, 2)
    assert ended.archive_until == date(2030, 6, 2)
    event = AuditEvent.objects.get(object_type="verwijsindex-registratie", event_type="update",
                                   object_id=str(registration.uuid))
    assert event.client_pseudonym == str(registration.person.uuid)
    assert event.detail["reden"] == "risico-weg"
    assert DAAN not in str(list(AuditEvent.objects.values()))


def test_an_ended_registration_cannot_be_ended_again():
    registration = registered_on(date(2025, 3, 10), "leerkracht", DAAN)
    with on(date(2025, 6, 2)):
        end_registration(*acting("leerkracht"), registration.uuid, EndReason.RISK_GONE)
        with pytest.raises(RegistrationRefused) as caught:
            end_registration(*acting("leerkracht"), registration.uuid, EndReason.RISK_GONE)
    assert caught.value.code == "registratie-beeindigd"


def test_registrant_may_only_give_a_registrants_reason():
    registration = registered_on(date(2025, 3, 10), "leerkracht", DAAN)
    for reason in (EndReason.DEATH, EndReason.OBJECTION, "anders"):
        with pytest.raises(RegistrationRefused) as caught:
            end_registration(*acting("leerkracht"), registration.uuid, reason)
        assert caught.value.code == "reden-ongeldig"
