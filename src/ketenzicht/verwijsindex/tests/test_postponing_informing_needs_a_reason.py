"""Informing may wait only with a recorded reason (domain.md §2)."""

from datetime import date

import pytest

from ketenzicht.audit.models import AuditEvent
from ketenzicht.verwijsindex.errors import RefusalKind, RegistrationRefused
from ketenzicht.verwijsindex.informing import postpone_informing

from .conftest import DAAN
from .lifetimes import acting, registered_on

pytestmark = pytest.mark.usefixtures("emmen")

REASON = "veiligheid"


@pytest.mark.parametrize("reason", ["", "   ", "vader is gewelddadig"])
def test_postponing_informing_needs_a_reason(reason):
    registration = registered_on(date(2025, 9, 1), "leerkracht", DAAN)
    with pytest.raises(RegistrationRefused) as refused:
        postpone_informing(*acting("leerkracht"), registration.uuid, reason)
    assert refused.value.kind == RefusalKind.INVALID
    assert refused.value.message == "Kies de reden waarom het informeren wordt uitgesteld."
    registration.refresh_from_db()
    assert registration.informing_postponed_reason == ""


def test_postponing_with_a_reason_is_recorded_but_not_audited_in_words():
    registration = registered_on(date(2025, 9, 1), "leerkracht", DAAN)
    postpone_informing(*acting("leerkracht"), registration.uuid, REASON)
    registration.refresh_from_db()
    assert registration.informing_postponed_reason == REASON
    event = AuditEvent.objects.get(object_id=str(registration.uuid), event_type="update")
    assert REASON not in str(event.detail) and REASON not in event.purpose
