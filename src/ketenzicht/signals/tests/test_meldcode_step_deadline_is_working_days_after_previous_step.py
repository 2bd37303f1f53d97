"""Each open step is due a number of working days (default 5, per municipality) after the previous
step, Dutch public holidays not counted."""

from datetime import date, datetime

import pytest

from ketenzicht.signals import meldcode
from ketenzicht.signals.models import MeldcodeStep, SignalSettings

from .conftest import AMSTERDAM, OFFICE_HOURS, signal_as
from .support import consult, fresh


@pytest.mark.parametrize(("recorded", "due"), [
    pytest.param(OFFICE_HOURS, date(2026, 12, 2), id="woensdag-volgende-woensdag"),
    pytest.param(datetime(2026, 11, 27, 16, tzinfo=AMSTERDAM), date(2026, 12, 4),
                 id="vrijdag-volgende-vrijdag"),
    pytest.param(datetime(2026, 4, 22, 10, tzinfo=AMSTERDAM), date(2026, 4, 30),
                 id="over-koningsdag-een-dag-later"),
    pytest.param(datetime(2026, 5, 11, 10, tzinfo=AMSTERDAM), date(2026, 5, 19),
                 id="over-hemelvaart-een-dag-later"),
    pytest.param(datetime(2026, 12, 23, 10, tzinfo=AMSTERDAM), date(2026, 12, 31),
                 id="over-kerst"),
])
def test_step_2_is_due_five_working_days_after_the_signal(emmen, recorded, due):
    signal = signal_as("leerkracht", now=recorded)
    step = meldcode.next_step(fresh(signal))
    assert (step.step, step.due) == (MeldcodeStep.CONSULTATION, due)


def test_each_step_counts_from_the_previous_step(emmen):
    signal = signal_as("leerkracht")
    consult(signal, now=datetime(2026, 11, 30, 9, tzinfo=AMSTERDAM))  # Monday
    step = meldcode.next_step(fresh(signal))
    assert (step.step, step.due) == (MeldcodeStep.CONVERSATION, date(2026, 12, 7))


def test_municipality_chooses_the_term(emmen):
    SignalSettings.objects.update(step_working_days=3)
    signal = signal_as("leerkracht")  # Wednesday
    assert meldcode.next_step(fresh(signal)).due == date(2026, 11, 30)
