"""An objection must arrive within six weeks of informing; before informing it is in time."""

from datetime import date

import pytest

from ketenzicht.verwijsindex.errors import RefusalKind, RegistrationRefused
from ketenzicht.verwijsindex.informing import record_informed
from ketenzicht.verwijsindex.models import Objection
from ketenzicht.verwijsindex.objections import record_objection

from .conftest import DAAN
from .lifetimes import acting, on, registered_on

pytestmark = pytest.mark.usefixtures("emmen")


def _informed_on(day: date):
    registration = registered_on(date(2025, 9, 1), "leerkracht", DAAN)
    with on(day):
        record_informed(*acting("leerkracht"), registration.uuid, "ouders", day)
    return registration


def test_objection_after_six_weeks_is_refused():
    registration = _informed_on(date(2025, 9, 2))
    with on(date(2025, 10, 20)), pytest.raises(RegistrationRefused) as refused:
        record_objection(*acting("regievoerder"), registration.uuid, date(2025, 10, 15))
    assert refused.value.kind == RefusalKind.INVALID
    assert refused.value.message.startswith("Het bezwaar is te laat")
    assert "14-10-2025" in refused.value.message
    assert not Objection.objects.exists()


def test_objection_on_the_last_day_is_in_time():
    registration = _informed_on(date(2025, 9, 2))
    with on(date(2025, 10, 20)):
        record_objection(*acting("regievoerder"), registration.uuid, date(2025, 10, 14))
    assert Objection.objects.count() == 1


def test_before_informing_the_term_has_not_started():
    registration = registered_on(date(2025, 9, 1), "leerkracht", DAAN)
    with on(date(2026, 3, 1)):
        record_objection(*acting("regievoerder"), registration.uuid, date(2026, 2, 27))
    assert Objection.objects.count() == 1
