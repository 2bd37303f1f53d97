"""The budget counts the last full period, also across the edge of two fixed windows.

A fixed window would let a client spend its budget at the end of one minute and again at the
start of the next: twice the rate within seconds. The sliding window weighs the previous
minute by the share of it that still lies within the last 60 seconds.
"""

import time_machine

from .throttle_support import allowed, api_rate, count_allowed

MINUTE = 1_800_000_000  # the start of a fixed one-minute window


def test_no_second_burst_just_after_the_window_edge():
    with api_rate("10/minute"), time_machine.travel(MINUTE + 50.5, tick=False) as clock:
        spent = count_allowed(10)
        refused_in_same_window = allowed()
        clock.move_to(MINUTE + 60.5)  # one second into the next window
        next_window = count_allowed(10)

    assert (spent, refused_in_same_window) == (10, False)
    assert next_window == 0


def test_budget_returns_as_the_previous_window_slides_out():
    with api_rate("10/minute"), time_machine.travel(MINUTE + 50.5, tick=False) as clock:
        count_allowed(10)
        clock.move_to(MINUTE + 90.5)  # half of the previous window is still within the last minute
        halfway = count_allowed(10)
        clock.move_to(MINUTE + 180.5)  # the burst is more than a minute ago
        later = count_allowed(20)

    assert halfway == 5
    assert later == 10


def test_refused_requests_do_not_use_up_the_budget():
    with api_rate("10/minute"), time_machine.travel(MINUTE + 50.5, tick=False) as clock:
        count_allowed(10)
        refused = count_allowed(100)
        clock.move_to(MINUTE + 90.5)
        halfway = count_allowed(10)

    assert refused == 0
    assert halfway == 5  # the same as without the hundred refused requests
