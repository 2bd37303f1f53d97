"""``make demo`` starts the server and the job runner together: a Meldcode reminder arrives in the
teacher's Berichten without anyone running a command, the jobs keep running on their (here
shortened) interval, and one Ctrl-C stops the server and the worker together.

It runs the real ``make demo`` of this checkout on a free port, with the embedded database in a
temporary folder, and drives Debian's chromium against it.
"""

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
import requests

from ketenzicht.runtime.tests.processes import clean_environment, free_port

from .browser import BROWSER_MARKS, Login, assert_accessible, chromium_tab

pytestmark = [*BROWSER_MARKS, pytest.mark.embedded_only]

CHECKOUT = Path(__file__).resolve().parents[4]
#: Loading the demo (2,000 households) and starting both processes.
START_SECONDS = 120


class Demo:
    def __init__(self, port: int, log: Path) -> None:
        self.url, self.log = f"http://127.0.0.1:{port}", log

    def health(self) -> dict:
        return requests.get(f"{self.url}/health/", timeout=5).json()


def test_make_demo_runs_the_worker_so_a_reminder_arrives_by_itself(tmp_path, monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's loop in this thread
    port, log = free_port(), tmp_path / "make-demo.log"
    environment = clean_environment({
        "PORT": str(port), "KETENZICHT_VAR_DIR": str(tmp_path / "var"),
        "KETENZICHT_JOB_INTERVALS": "*=2", "KETENZICHT_WORKER_POLL_SECONDS": "1",
        "KETENZICHT_WEB_WORKERS": "2", "KETENZICHT_WEB_THREADS": "2",
    })
    with log.open("wb") as output:
        make = subprocess.Popen(["make", "-C", str(CHECKOUT), "demo"], env=environment, stdout=output,
                                stderr=subprocess.STDOUT, start_new_session=True)
    demo = Demo(port, log)
    try:
        _wait_until_up(demo, make)
        with chromium_tab() as tab:
            login = Login(tab, demo)
            login("leerkracht")
            _wait_for_notice(tab, demo, "Meldcode: een signaal blijft liggen")
            assert_accessible(tab, "berichten-herinnering")

        first = demo.health()["taken"]["signalen-termijnen"]["laatstGeslaagd"]
        time.sleep(3)  # longer than the shortened interval of 2 s
        assert demo.health()["taken"]["signalen-termijnen"]["laatstGeslaagd"] > first

        os.killpg(make.pid, signal.SIGINT)  # Ctrl-C in the terminal reaches the whole group
        make.wait(timeout=60)
        # Nothing of the group is left: server and worker stopped (a process that just exited may
        # take a moment to be reaped by init).
        assert _group_gone_within(make.pid, seconds=10), _processes_in_group(make.pid)
    finally:
        if make.poll() is None or _group_alive(make.pid):
            os.killpg(make.pid, signal.SIGKILL)
    output = log.read_text(errors="replace")
    assert "Worker gestopt." in output and "Server en worker gestopt." in output


def _wait_until_up(demo: Demo, make: subprocess.Popen) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        assert make.poll() is None, demo.log.read_text(errors="replace")
        try:
            if demo.health()["status"] == "ok":
                return
        except (requests.ConnectionError, ValueError):
            pass
        time.sleep(0.5)
    raise AssertionError(f"make demo kwam niet op:\n{demo.log.read_text(errors='replace')}")


def _wait_for_notice(tab, demo: Demo, title: str, seconds: float = 30) -> None:
    """Open Berichten until the notice is there, as a teacher would reload the page."""
    deadline = time.monotonic() + seconds
    while True:
        tab.goto(f"{demo.url}/berichten/")
        if tab.get_by_text(title).count():
            return
        assert time.monotonic() < deadline, f"geen bericht '{title}' binnen {seconds} s"
        time.sleep(1)


def _group_gone_within(pgid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while _group_alive(pgid):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)
    return True


def _processes_in_group(pgid: int) -> str:
    return subprocess.run(["ps", "-o", "pid,stat,args", "-g", str(pgid)], capture_output=True,
                          text=True, check=False).stdout


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True
