"""A signal is about someone alive: by BSN or from the person page, a deceased person is refused."""

from datetime import date

import pytest

from ketenzicht.people.services import find_person_by_bsn
from ketenzicht.refusals import Refused
from ketenzicht.signals.models import Signal
from ketenzicht.signals.services import SignalRequest, record_signal

from .conftest import DAAN, OFFICE_HOURS, acting


@pytest.mark.parametrize("by", ["bsn", "persoon"])
def test_no_signal_about_a_deceased_person(emmen, by):
    daan = find_person_by_bsn(DAAN)
    daan.date_of_death = date(2026, 11, 1)
    daan.save()
    named = {"bsn": DAAN} if by == "bsn" else {"person": daan}
    with pytest.raises(Refused) as refused:
        record_signal(*acting("leerkracht"), SignalRequest(
            categories=("schoolverzuim",), urgency="regulier", facts="Niet op school.", **named),
            OFFICE_HOURS)
    assert refused.value.code == "overleden"
    assert not Signal.objects.exists()
