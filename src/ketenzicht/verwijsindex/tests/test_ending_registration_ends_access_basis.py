"""The basis a registration gave ends with it: no involvement, no access (domain.md §2, §5)."""

from datetime import date

import pytest

from ketenzicht.access.models import AccessBasis
from ketenzicht.access.services import visible_person
from ketenzicht.verwijsindex.lifecycle import end_registration
from ketenzicht.verwijsindex.models import EndReason

from .conftest import DAAN, EMMA
from .lifetimes import acting, jobs_on, on, registered_on, registration_basis

pytestmark = pytest.mark.usefixtures("emmen")


def test_ending_registration_ends_access_basis():
    nurse, actor = acting("jgz")
    registration = registered_on(date(2025, 3, 10), "jgz", DAAN)
    assert visible_person(nurse, registration.person.uuid) is not None

    with on(date(2025, 4, 1)):
        end_registration(nurse, actor, registration.uuid, EndReason.RISK_GONE)
    assert registration_basis(registration).ended_at is not None
    assert visible_person(nurse, registration.person.uuid) is None


def test_erasing_deletes_and_expiry_ends_the_access_basis():
    nurse, actor = acting("jgz")
    erased = registered_on(date(2025, 3, 10), "jgz", DAAN)
    expiring = registered_on(date(2025, 3, 10), "leerkracht", EMMA)
    with on(date(2025, 4, 1)):
        end_registration(nurse, actor, erased.uuid, EndReason.UNJUSTIFIED)
    # Erased: no trace of the involvement is left, not even an ended basis.
    assert not AccessBasis.objects.filter(reference=str(erased.uuid)).exists()
    assert visible_person(nurse, erased.person.uuid) is None
    jobs_on(date(2026, 3, 11))
    assert registration_basis(expiring).ended_at is not None
