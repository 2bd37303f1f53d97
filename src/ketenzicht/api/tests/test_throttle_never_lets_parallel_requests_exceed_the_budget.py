"""Requests handled at once are each counted once: together they never exceed the budget.

DRF's own throttle read a history list and wrote it back, so two requests at once could both
read n and both write n + 1. Here each request is one atomic increment of a shared counter.
"""

import sys
import threading

import time_machine

from .throttle_support import allowed, api_rate, count_allowed

MOMENT = 1_800_000_030.5  # halfway through a minute, so no window ends during the test


def test_parallel_requests_never_exceed_the_budget():
    threads, attempts_each, budget = 8, 25, 50
    start = threading.Barrier(threads)
    passed = [0] * threads

    def send(index: int) -> None:
        start.wait()
        passed[index] = count_allowed(attempts_each)

    switch_interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible: a read-then-write would interleave
    try:
        with api_rate(f"{budget}/minute"), time_machine.travel(MOMENT, tick=False):
            workers = [threading.Thread(target=send, args=(i,)) for i in range(threads)]
            for worker in workers:
                worker.start()
            for worker in workers:
                worker.join()
    finally:
        sys.setswitchinterval(switch_interval)

    assert sum(passed) == budget


def test_each_token_has_its_own_budget():
    with api_rate("3/minute"), time_machine.travel(MOMENT, tick=False):
        first = count_allowed(5, token_id=1)
        second = count_allowed(5, token_id=2)
        third_of_first = allowed(token_id=1)

    assert (first, second, third_of_first) == (3, 3, False)
