"""A professional's walk through the demo in a real browser, with axe on every page.

Runs Debian's chromium through Playwright against pytest-django's live server. Set
``KETENZICHT_SCREENSHOTS=/some/dir`` to keep screenshots of the pages for a visual check.
"""


from .browser import BROWSER_MARKS, Login, assert_accessible, demo, page  # noqa: F401 (fixtures)

pytestmark = BROWSER_MARKS


def test_professional_walks_from_login_to_household(demo, page, live_server):  # noqa: F811
    account = next(a for a in demo.DEMO_ACCOUNTS
                   if a.organisation_slug == "cjg-de-monden" and a.role == "professional")

    page.goto(f"{live_server.url}/inloggen/")
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.get_by_text("DEMO — fictieve gegevens").is_visible()
    assert_accessible(page, "inloggen")
    Login(page, live_server)(account.username)

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
