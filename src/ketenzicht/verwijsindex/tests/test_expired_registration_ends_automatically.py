"""A registration whose active term has passed ends by itself, into the archive (domain.md §2)."""

from datetime import date

import pytest

from ketenzicht.audit.models import AuditEvent
from ketenzicht.verwijsindex.models import IndexRegistration

from .conftest import DAAN
from .lifetimes import jobs_on, registered_on, registration_basis

pytestmark = pytest.mark.usefixtures("emmen")


def test_expired_registration_ends_automatically():
    registration = registered_on(date(2025, 3, 10), "leerkracht", DAAN)

    assert jobs_on(date(2026, 3, 10))["expired"] == 0  # the last active day
    assert IndexRegistration.objects.get(pk=registration.pk).status == "actief"

    assert jobs_on(date(2026, 3, 11))["expired"] == 1
    ended = IndexRegistration.objects.get(pk=registration.pk)
    assert (ended.status, ended.end_reason) == ("beeindigd", "verlopen")
    assert ended.ended_at.date() == date(2026, 3, 11)
    assert ended.archive_until == date(2031, 3, 11)
    assert registration_basis(registration).ended_at is not None
    event = AuditEvent.objects.get(event_type="update", object_id=str(registration.uuid))
    assert (event.user_id, event.detail["reden"]) == ("system", "verlopen")
