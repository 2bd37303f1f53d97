"""What the browser tests share: Debian's chromium through Playwright, the demo, logging in
with a TOTP code, and axe on every page.

Set ``KETENZICHT_SCREENSHOTS=/some/dir`` to keep a screenshot of every page checked.
"""

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from django_otp.oath import totp
from playwright.sync_api import sync_playwright

from ketenzicht.demo import accounts
from ketenzicht.demo.loader import load_demo

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
#: The TOTP step of the demo devices (django-otp's default).
STEP = 30

BROWSER_MARKS = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium ontbreekt"),
]


@pytest.fixture
def demo(transactional_db, settings):
    """The Emmen demo with three generated households; the live server sees it."""
    load_demo(households=3)
    settings.DEMO_MODE = True
    return accounts


@pytest.fixture
def demo_with_casework(transactional_db, settings):
    """The same demo with its history and casework (``demo/casework.py``): the Jansen household
    in the caseload of the CJG-Jeugdteam De Velden, the Yilmaz plan agreed."""
    load_demo(households=3, history=True)
    settings.DEMO_MODE = True
    return accounts


@contextmanager
def chromium_tab() -> Iterator:
    """A tab of Debian's chromium in Dutch, for a server anywhere (live server or subprocess)."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                             args=CHROMIUM_ARGS)
        context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
        tab = context.new_page()
        tab.set_default_timeout(15_000)
        yield tab
        context.close()
        browser.close()


@pytest.fixture
def page(live_server, monkeypatch):
    # Playwright's sync API runs an event loop in the test thread; the ORM calls the test makes
    # meanwhile are still synchronous. Only for these tests: a module-level setting would leak
    # into subprocesses of other tests (and fail ``check --deploy``).
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with chromium_tab() as tab:
        yield tab


def assert_accessible(tab, name: str) -> None:
    """axe-core finds no violations; the CSS must have loaded, or colour contrast means nothing."""
    from axe_playwright_python.sync_playwright import Axe

    loaded = tab.evaluate("() => getComputedStyle(document.querySelector('.kz-header')).backgroundColor")
    assert loaded != "rgba(0, 0, 0, 0)", f"{name}: stylesheet not loaded"
    results = Axe().run(tab)
    violations = results.response["violations"]
    if violations:
        print(f"\naxe on {name}:\n{results.generate_report()}")
    assert not violations, f"{name}: " + ", ".join(v["id"] for v in violations)
    folder = os.environ.get("KETENZICHT_SCREENSHOTS")
    if folder:
        tab.screenshot(path=str(Path(folder) / f"ketenzicht-{name}.png"), full_page=True)


class Login:
    """Logs demo accounts in through the real form with password and TOTP code, waiting for a
    fresh code when an account logs in twice within one step (a code is accepted only once)."""

    def __init__(self, tab, server):
        """``server``: anything with the ``url`` it serves at (pytest's live server, a process)."""
        self.tab, self.url = tab, server.url
        self.used: dict[str, int] = {}

    def __call__(self, username: str) -> None:
        account = accounts.demo_account(username)
        while int(time.time()) // STEP <= self.used.get(username, -1):
            time.sleep(1)
        self.used[username] = int(time.time()) // STEP
        self.tab.goto(f"{self.url}/inloggen/")
        self.tab.get_by_label("Gebruikersnaam").fill(username)
        self.tab.get_by_label("Wachtwoord").fill(accounts.DEMO_PASSWORD)
        code = totp(bytes.fromhex(account.totp_key_hex), t0=0, step=STEP, drift=0)
        self.tab.get_by_label("Code uit uw authenticator-app").fill(f"{code:06d}")
        self.tab.get_by_role("button", name="Inloggen").click()
        self.tab.wait_for_url(f"{self.url}/")
        assert account.full_name in self.tab.locator("header").inner_text()

    def logout(self) -> None:
        self.tab.get_by_role("button", name="Uitloggen").click()
        self.tab.wait_for_url("**/inloggen/**")
