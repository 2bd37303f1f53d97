"""Starting the server and the worker as one: what ``ketenzicht start`` (and ``make demo``) runs.

A server without its worker looks healthy while no deadline fires, so on a single host the two
start together and stop together:

- both are child processes in our process group, so Ctrl-C in the terminal reaches all three
  and each stops in its own orderly way;
- when either child ends (crash, or its own stop), the other is asked to stop (SIGTERM), and
  killed if it has not stopped after the grace period;
- SIGTERM to this process (from systemd) stops both the same way.
"""

import signal
import subprocess
import sys
import time
from collections.abc import Sequence

#: Seconds a child gets to finish after SIGTERM before it is killed.
GRACE_SECONDS = 30


def run_together(commands: Sequence[Sequence[str]], grace: float = GRACE_SECONDS) -> int:
    """Run ``commands`` side by side until one ends or we are asked to stop.

    Returns 0 when every child ended by itself or on our request, else the first failing
    child's exit code (a child that had to be killed counts as failed: 137).
    """
    stopping = False

    def stop(_signum: int, _frame: object) -> None:
        nonlocal stopping
        stopping = True

    previous = {signum: signal.signal(signum, stop) for signum in (signal.SIGINT, signal.SIGTERM)}
    # Our own interpreter and our own command names (``ketenzicht_command``), no shell.
    children = [subprocess.Popen(list(command)) for command in commands]  # noqa: S603
    try:
        while not stopping and all(child.poll() is None for child in children):
            time.sleep(0.2)
    finally:
        _stop_all(children, grace)
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    stopped_on_request = (0, -signal.SIGTERM, -signal.SIGINT)
    failed = [child.returncode for child in children if child.returncode not in stopped_on_request]
    return _shell_code(failed[0]) if failed else 0


def _shell_code(returncode: int) -> int:
    """A child killed by a signal (negative here) as a shell reports it: 128 + the signal."""
    return 128 - returncode if returncode < 0 else returncode


def _stop_all(children: list[subprocess.Popen], grace: float) -> None:
    for child in children:
        if child.poll() is None:
            child.terminate()
    deadline = time.monotonic() + grace
    for child in children:
        try:
            child.wait(timeout=max(deadline - time.monotonic(), 0.1))
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


def ketenzicht_command(*arguments: str) -> list[str]:
    """The ``ketenzicht`` console command with the same interpreter and settings as this one."""
    return [sys.executable, "-m", "ketenzicht", *arguments]
