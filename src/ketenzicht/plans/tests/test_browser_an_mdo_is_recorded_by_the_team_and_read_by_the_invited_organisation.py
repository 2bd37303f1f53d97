"""An MDO about the De Vries household in a real browser, with axe on every page: the team records
it from the case page (first with problems, all shown at once), and the invited JGZ finds it on its
worklist and reads its record."""

from django.utils import timezone

from ketenzicht.web.tests.browser import (  # noqa: F401 (fixtures)
    BROWSER_MARKS,
    Login,
    assert_accessible,
    demo,
    page,
)

from .support import application

pytestmark = BROWSER_MARKS


def test_the_team_records_an_mdo_and_the_invited_jgz_reads_it(demo, page, live_server):  # noqa: F811
    case = application(now=timezone.now())
    login = Login(page, live_server)
    login("cjg-demonden")
    page.goto(f"{live_server.url}/casussen/{case.uuid}/overleg/nieuw/")
    page.get_by_role("button", name="Overleg vastleggen").click()
    assert page.get_by_text("Er is iets niet goed gegaan").is_visible()
    assert_accessible(page, "overleg-fouten")

    page.get_by_label("Datum van het overleg").fill(timezone.localdate().isoformat())
    page.get_by_label("Besproken feiten").fill("Daan komt vaak zonder ontbijt op school.")
    page.get_by_label("Besluiten", exact=True).fill("Opvoedondersteuning starten.")
    jgz = "Annemiek Kuiper — GGD Drenthe, jeugdgezondheidszorg"
    page.get_by_label("Deelnemer 1: professional").select_option(label=jgz)
    page.get_by_label("Deelnemer 1: rol").select_option(label="Ketenpartner")
    page.locator("#id_d0_grondslag").get_by_label("Zonder toestemming: veiligheid van het kind").check()
    page.get_by_label("Deelnemer 1: reden om zonder toestemming te delen").fill("Acuut gevaar voor Daan.")
    page.get_by_role("button", name="Overleg vastleggen").click()
    page.wait_for_url("**/overleggen/*/")
    assert page.get_by_text("Het overleg is vastgelegd").is_visible()
    assert_accessible(page, "overleg-team")

    login.logout()
    login("jgz")
    item = page.get_by_role("link", name="U bent deelnemer aan het MDO over huishouden De Vries")
    item.click()
    page.wait_for_url("**/overleggen/*/")
    assert page.get_by_text("De casus en het huishouden zelf zijn niet voor u in te zien.").is_visible()
    assert_accessible(page, "overleg-deelnemer")
