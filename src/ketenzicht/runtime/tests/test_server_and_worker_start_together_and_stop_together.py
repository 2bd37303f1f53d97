"""``ketenzicht start`` (what ``make demo`` runs) keeps the server and the worker together: when
either ends, the other is stopped too, and the exit code tells which failed — a server without
its worker would look healthy while no deadline fires."""

import sys
import time

from ketenzicht.runtime.supervisor import run_together

SLEEPER = [sys.executable, "-c", "import time; time.sleep(60)"]


def test_when_one_process_fails_the_other_is_stopped_and_its_code_returned():
    started = time.monotonic()
    code = run_together([SLEEPER, [sys.executable, "-c", "raise SystemExit(3)"]], grace=10)
    assert code == 3
    assert time.monotonic() - started < 30  # the sleeper did not run its minute out


def test_a_process_that_ignores_the_stop_is_killed_after_the_grace_period():
    stubborn = [sys.executable, "-c",
                "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); time.sleep(60)"]
    started = time.monotonic()
    code = run_together([stubborn, [sys.executable, "-c", "pass"]], grace=1)
    assert code == 128 + 9  # it had to be killed (SIGKILL): a failure, as a shell would report it
    assert time.monotonic() - started < 30
