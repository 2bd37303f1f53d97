"""A professional's walk through the demo in a real browser, with axe on every page.

Runs Debian's chromium through Playwright against pytest-django's live server. Set
``KETENZICHT_SCREENSHOTS=/some/dir`` to keep screenshots of the pages for a visual check.
"""


from ketenzicht.plans.applications import ApplicationRequest, record_application
from ketenzicht.plans.models import Applicant, Channel

from .browser import BROWSER_MARKS, Login, assert_accessible, demo, page  # noqa: F401 (fixtures)
from .vir_login import acting as _acting

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

    # Daan lives in the team's district, but the team has no basis: not found.
    page.get_by_role("link", name="Persoon zoeken", exact=True).click()
    search = page.locator("form[action='/zoeken/']")
    search.get_by_label("Burgerservicenummer (BSN)").fill("999990019")
    page.get_by_role("button", name="Zoeken", exact=True).click()
    assert page.get_by_text("Geen persoon gevonden waarvoor u een grondslag heeft.").is_visible()
    assert_accessible(page, "zoeken-zonder-grondslag")
    # His mother calls: the purposeful search shows his name and birth date, nothing more.
    resident = page.locator("form[action='/zoeken/inwoner/']")
    resident.get_by_label("Burgerservicenummer (BSN)").fill("999990019")
    resident.get_by_label("Een aanmelding vastleggen").check()
    resident.get_by_label("Reden").fill("Moeder belt: Daan slaapt slecht.")
    page.get_by_role("button", name="Inwoner zoeken").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Gevonden: Daan de Vries"
    assert page.get_by_text("Huishouden De Vries").count() == 0
    assert_accessible(page, "inwoner-gevonden")
    # Recording the application (its own page) opens the household's case at the team.
    record_application(*_acting(account.username), ApplicationRequest(
        bsn="999990019", applicant=Applicant.PARENT, channel=Channel.PHONE,
        question="Daan slaapt slecht."))

    page.get_by_role("link", name="Persoon zoeken", exact=True).click()
    search.get_by_label("Burgerservicenummer (BSN)").fill("999990019")
    page.get_by_role("button", name="Zoeken", exact=True).click()
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
