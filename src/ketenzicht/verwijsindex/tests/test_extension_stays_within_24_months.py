"""Extending renews the municipality's term, never past 24 months after registering (domain.md §2)."""

from datetime import date

import pytest

from ketenzicht.audit.models import AuditEvent
from ketenzicht.verwijsindex.errors import RefusalKind, RegistrationRefused
from ketenzicht.verwijsindex.lifecycle import extend_registration

from .conftest import DAAN
from .lifetimes import acting, on, registered_on

pytestmark = pytest.mark.usefixtures("emmen")


def extend(registration, day: date):
    with on(day):
        return extend_registration(*acting("leerkracht"), registration.uuid)


def test_extension_stays_within_24_months():
    registration = registered_on(date(2025, 3, 10), "leerkracht", DAAN)

    assert extend(registration, date(2026, 2, 1)).active_until == date(2027, 2, 1)
    # Today + 12 months would be 2028-01-05: held to 24 months after registering.
    extended = extend(registration, date(2027, 1, 5))
    assert extended.active_until == date(2027, 3, 10)
    assert extended.extended_at.date() == date(2027, 1, 5)

    with pytest.raises(RegistrationRefused) as caught:
        extend(registration, date(2027, 2, 1))
    assert (caught.value.kind, caught.value.code) == (RefusalKind.CONFLICT, "maximale-termijn-bereikt")
    assert "24 maanden" in caught.value.message
    assert AuditEvent.objects.filter(object_type="verwijsindex-registratie", event_type="update",
                                     object_id=str(registration.uuid)).count() == 2


def test_ended_registration_cannot_be_extended():
    registration = registered_on(date(2025, 3, 10), "leerkracht", DAAN)
    with pytest.raises(RegistrationRefused) as caught:
        extend(registration, date(2026, 3, 11))  # the term has passed, even before the job ran
    assert caught.value.code == "registratie-beeindigd"
