"""Only the registrant's organisation sees, extends and ends its registration (domain.md §2)."""

from datetime import date

import pytest

from ketenzicht.verwijsindex.errors import RefusalKind, RegistrationRefused
from ketenzicht.verwijsindex.lifecycle import (
    end_registration,
    extend_registration,
    registrations_of,
    visible_registration,
)
from ketenzicht.verwijsindex.models import EndReason, IndexRegistration

from .conftest import DAAN, EMMA
from .lifetimes import acting, on, registered_on

pytestmark = pytest.mark.usefixtures("emmen")


@pytest.mark.parametrize("username", ["jgz", "cjg-demonden", "regievoerder"])
def test_only_own_organisation_may_end_or_extend(username):
    registration = registered_on(date(2025, 3, 10), "leerkracht", DAAN)
    other, actor = acting(username)
    assert visible_registration(other, registration.uuid) is None
    with on(date(2025, 6, 1)):
        for attempt in (
            lambda: extend_registration(other, actor, registration.uuid),
            lambda: end_registration(other, actor, registration.uuid, EndReason.UNJUSTIFIED),
        ):
            with pytest.raises(RegistrationRefused) as caught:
                attempt()
            assert caught.value.kind in (RefusalKind.FORBIDDEN,)
    assert IndexRegistration.objects.get(pk=registration.pk).status == "actief"


def test_a_colleague_of_the_same_organisation_may_end_it():
    registration = registered_on(date(2025, 3, 10), "leerkracht", DAAN)
    colleague, actor = acting("aandacht-kristalla")
    assert visible_registration(colleague, registration.uuid) == registration
    with on(date(2025, 6, 1)):
        ended = end_registration(colleague, actor, registration.uuid, EndReason.RISK_GONE)
    assert ended.status == "beeindigd"


def test_own_registrations_newest_first_and_unknown_answers_like_foreign():
    first = registered_on(date(2025, 3, 10), "leerkracht", DAAN)
    second = registered_on(date(2025, 3, 11), "leerkracht", EMMA)
    registered_on(date(2025, 3, 12), "jgz", DAAN)
    teacher, actor = acting("leerkracht")
    assert list(registrations_of(teacher)) == [second, first]
    assert visible_registration(teacher, "geen-uuid") is None
    with pytest.raises(RegistrationRefused) as unknown:
        extend_registration(teacher, actor, "00000000-0000-0000-0000-000000000000")
    with pytest.raises(RegistrationRefused) as foreign:
        extend_registration(*acting("jgz"), first.uuid)
    assert (unknown.value.code, unknown.value.message) == (foreign.value.code, foreign.value.message)
