"""A professional's walk through the demo in a real browser, with axe on every page.

Runs Debian's chromium through Playwright against pytest-django's live server. Set
``KETENZICHT_SCREENSHOTS=/some/dir`` to keep screenshots of the pages for a visual check.
"""

import os
from pathlib import Path

import pytest
from django_otp.oath import totp

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium ontbreekt"),
]


@pytest.fixture
def demo(transactional_db, settings):
    loader = pytest.importorskip("ketenzicht.demo.loader")
    accounts = pytest.importorskip("ketenzicht.demo.accounts")
    loader.load_demo(households=5)
    settings.DEMO_MODE = True
    return accounts


@pytest.fixture
def page(live_server, monkeypatch):
    sync_api = pytest.importorskip("playwright.sync_api")
    # Playwright's sync API runs an event loop in the test thread; the ORM calls the test makes
    # meanwhile are still synchronous. Only for this test: a module-level setting would leak
    # into subprocesses of other tests (and fail ``check --deploy``).
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                             args=CHROMIUM_ARGS)
        context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.set_default_timeout(15_000)
        yield page
        context.close()
        browser.close()


def assert_accessible(page, name: str) -> None:
    """axe-core finds no violations; the CSS must have loaded, or colour contrast means nothing."""
    from axe_playwright_python.sync_playwright import Axe

    loaded = page.evaluate("() => getComputedStyle(document.querySelector('.kz-header')).backgroundColor")
    assert loaded != "rgba(0, 0, 0, 0)", f"{name}: stylesheet not loaded"
    results = Axe().run(page)
    violations = results.response["violations"]
    if violations:
        print(f"\naxe on {name}:\n{results.generate_report()}")
    assert not violations, f"{name}: " + ", ".join(v["id"] for v in violations)
    folder = os.environ.get("KETENZICHT_SCREENSHOTS")
    if folder:
        page.screenshot(path=str(Path(folder) / f"ketenzicht-{name}.png"), full_page=True)


def current_code(account) -> str:
    return f"{totp(bytes.fromhex(account.totp_key_hex)):06d}"


def test_professional_walks_from_login_to_household(demo, page, live_server):
    account = next(a for a in demo.DEMO_ACCOUNTS
                   if a.organisation_slug == "cjg-de-monden" and a.role == "professional")

    page.goto(f"{live_server.url}/inloggen/")
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.get_by_text("DEMO — fictieve gegevens").is_visible()
    assert_accessible(page, "inloggen")
    page.get_by_label("Gebruikersnaam").fill(account.username)
    page.get_by_label("Wachtwoord").fill(demo.DEMO_PASSWORD)
    page.get_by_label("Code uit uw authenticator-app").fill(current_code(account))
    page.get_by_role("button", name="Inloggen").click()

    page.wait_for_url(f"{live_server.url}/")
    header = page.locator("header")
    assert account.full_name in header.inner_text()
    assert "CJG" in header.inner_text() and "Professional" in header.inner_text()
    assert page.get_by_text("Er staat nog niets op uw werklijst.").is_visible()
    assert_accessible(page, "werklijst")

    page.get_by_role("link", name="Persoon zoeken", exact=True).click()
    page.get_by_label("Burgerservicenummer (BSN)").fill("999990019")
    page.get_by_role("button", name="Zoeken").click()
    page.wait_for_url("**/personen/*/")
    assert "999990019" not in page.url
    assert page.get_by_role("heading", level=1).inner_text() == "Daan de Vries"
    assert page.get_by_text("999990019").is_visible()
    assert page.get_by_text("U ziet deze persoon omdat:").is_visible()
    assert_accessible(page, "persoon")

    page.get_by_role("link", name="Huishouden De Vries").click()
    page.wait_for_url("**/huishoudens/*/")
    assert page.get_by_role("heading", level=1).inner_text() == "De Vries"
    assert page.get_by_role("link", name="Daan de Vries").is_visible()
    assert_accessible(page, "huishouden")
