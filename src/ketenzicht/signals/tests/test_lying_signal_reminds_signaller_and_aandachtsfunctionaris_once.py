"""A Meldcode step left lying past its deadline reminds the signaller and the
aandachtsfunctionaris of their organisation, once per step, never before the deadline."""

from datetime import datetime

import time_machine

from ketenzicht.signals import deadlines
from ketenzicht.signals.deadlines import REMINDER, run_deadline_jobs

from .conftest import AMSTERDAM, DAAN, OFFICE_HOURS, signal_as
from .support import colleague, consult, notices_of, share

STEP_2_DUE_END = datetime(2026, 12, 2, 23, 59, tzinfo=AMSTERDAM)  # step 2 due Wed 2 Dec
DAY_AFTER = datetime(2026, 12, 3, 0, 1, tzinfo=AMSTERDAM)


def _run(moment: datetime) -> dict[str, int]:
    with time_machine.travel(moment, tick=False):
        return run_deadline_jobs()


def test_not_reminded_on_the_day_of_the_deadline(emmen):
    signal_as("leerkracht")
    assert _run(STEP_2_DUE_END)["meldcode_reminded"] == 0
    assert notices_of("leerkracht", REMINDER) == []


def test_reminded_once_the_day_after_the_deadline(emmen):
    signal = signal_as("leerkracht")
    colleague("kristalla", "juf-groep-5")
    assert _run(DAY_AFTER)["meldcode_reminded"] == 1
    for username in ("leerkracht", "aandacht-kristalla"):
        (notice,) = notices_of(username, REMINDER)
        assert notice.link == f"/signalen/{signal.uuid}/"
        assert "Stap 2" in notice.body and "02-12-2026" in notice.body
        assert "Daan" not in notice.title + notice.body and DAAN not in notice.body
    assert notices_of("juf-groep-5") == []  # a colleague teacher is not the signal's
    assert notices_of("teamleider-demonden", REMINDER) == []

    assert _run(DAY_AFTER)["meldcode_reminded"] == 0
    assert _run(datetime(2026, 12, 9, 8, tzinfo=AMSTERDAM))["meldcode_reminded"] == 0
    assert len(notices_of("leerkracht", REMINDER)) == 1
    assert len(notices_of("aandacht-kristalla", REMINDER)) == 1


def test_the_next_step_left_lying_is_reminded_again(emmen):
    signal = signal_as("leerkracht")
    _run(DAY_AFTER)
    consult(signal, now=datetime(2026, 12, 4, 10, tzinfo=AMSTERDAM))  # Friday: step 3 due 11 Dec
    assert _run(datetime(2026, 12, 11, 22, tzinfo=AMSTERDAM))["meldcode_reminded"] == 0
    assert _run(datetime(2026, 12, 12, 9, tzinfo=AMSTERDAM))["meldcode_reminded"] == 1
    bodies = [n.body for n in notices_of("leerkracht", REMINDER)]
    assert len(bodies) == 2 and "Stap 3" in bodies[1] and "11-12-2026" in bodies[1]


def test_a_step_recorded_in_time_is_not_reminded(emmen):
    signal = signal_as("leerkracht")
    consult(signal, now=datetime(2026, 12, 2, 16, tzinfo=AMSTERDAM))
    assert _run(DAY_AFTER)["meldcode_reminded"] == 0


def test_a_signal_shared_with_a_desk_is_no_longer_lying_with_the_signaller(emmen):
    signal = signal_as("leerkracht")
    share(signal, now=OFFICE_HOURS)
    assert _run(DAY_AFTER)["meldcode_reminded"] == 0


def test_the_job_scans_only_what_is_newly_late(emmen, django_assert_max_num_queries):
    for _ in range(3):
        signal_as("leerkracht")
    with time_machine.travel(DAY_AFTER, tick=False):
        assert deadlines.remind_lying_signals(DAY_AFTER) == 3
        with django_assert_max_num_queries(3):
            assert deadlines.remind_lying_signals(DAY_AFTER) == 0
