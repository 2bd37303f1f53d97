"""Daan de Vries registered by two organisations, in a real browser, with axe on every page.

The school (Kristalla) registers Daan from his person page; the GGD registers him by BSN and
sees the match at once, with the school's contact person and the CJG-Jeugdteam De Monden as
matchregisseur; the teacher then finds the match in Mijn verwijsindex, the notices and the
worklist. Set ``KETENZICHT_SCREENSHOTS=/some/dir`` to keep screenshots of every page.
"""

from ketenzicht.organisations.models import Professional

from .browser import BROWSER_MARKS, Login, assert_accessible, demo, page  # noqa: F401 (fixtures)

pytestmark = BROWSER_MARKS

DAAN = "999990019"


def fill_registration(tab, category: str) -> None:
    tab.get_by_label(category).check()
    tab.get_by_label("Ik heb een redelijk vermoeden").check()


def test_two_organisations_register_daan_and_both_see_the_match(demo, page, live_server):  # noqa: F811
    login = Login(page, live_server)

    # The teacher registers Daan from his person page, in a few clicks.
    login("leerkracht")
    assert_accessible(page, "vir-werklijst-leeg")
    page.get_by_role("link", name="Persoon zoeken", exact=True).click()
    page.get_by_label("Burgerservicenummer (BSN)").fill(DAAN)
    page.get_by_role("button", name="Zoeken").click()
    page.wait_for_url("**/personen/*/")
    page.get_by_role("link", name="Registreren in de verwijsindex").click()
    page.wait_for_url("**/verwijsindex/melden/?persoon=*")
    assert DAAN not in page.url
    assert page.get_by_label("Naam contactpersoon").input_value() == "Ingrid Hofstede"
    fill_registration(page, "e. Veelvuldig schoolverzuim of voortijdig schoolverlaten")
    assert_accessible(page, "vir-melden")
    page.get_by_role("button", name="Registreren").click()
    page.wait_for_url("**/verwijsindex/registraties/*/")
    assert DAAN not in page.url
    assert page.get_by_text("De registratie in de verwijsindex is vastgelegd.").is_visible()
    assert page.get_by_text("Er is een match").count() == 0
    assert_accessible(page, "vir-registratie")
    login.logout()

    # The youth nurse registers Daan by BSN: the match appears at once.
    login("jgz")
    page.get_by_role("link", name="Mijn verwijsindex").click()
    page.get_by_role("link", name="Een jeugdige registreren op BSN").click()
    page.wait_for_url("**/verwijsindex/melden/")
    page.get_by_label("Burgerservicenummer (BSN) van de jeugdige").fill(DAAN)
    fill_registration(page, "a. Geweld, vernederende behandeling of verwaarlozing")
    page.get_by_role("button", name="Registreren").click()
    page.wait_for_url("**/verwijsindex/registraties/*/")
    assert DAAN not in page.url
    alert = page.locator(".kz-match-alert")
    assert alert.get_by_role("heading", name="Er is een match").is_visible()
    assert "Ingrid Hofstede" in alert.inner_text()
    assert "Jenaplan BO Kristalla" in alert.inner_text()
    assert "Matchregisseur: CJG-Jeugdteam De Monden" in alert.inner_text()
    assert_accessible(page, "vir-match-bij-registreren")
    login.logout()

    # The teacher finds the match: worklist, notices, Mijn verwijsindex, the match page.
    login("leerkracht")
    assert page.get_by_role("link", name="Nieuwe cliëntmatch in de verwijsindex").is_visible()
    assert_accessible(page, "vir-werklijst")
    nav = page.get_by_role("navigation", name="Hoofdmenu")
    unread = nav.get_by_role("link", name="Berichten")
    assert " ".join(unread.inner_text().split()) == "Berichten 1 ongelezen"
    nav.get_by_role("link", name="Berichten").click()
    assert page.get_by_text("Cliëntmatch in de verwijsindex").first.is_visible()
    notices = page.locator(".kz-notices").inner_text()
    assert "GGD Drenthe" in notices and "Contactgegevens staan op de matchpagina" in notices
    assert_accessible(page, "vir-berichten")

    nav.get_by_role("link", name="Mijn verwijsindex").click()
    page.wait_for_url("**/verwijsindex/")
    matches = page.get_by_role("table", name="Matches van uw organisatie, open matches eerst")
    assert "CJG-Jeugdteam De Monden" in matches.inner_text()
    registrations = page.get_by_role("table", name="Registraties van uw organisatie, actieve eerst")
    assert "Daan de Vries" in registrations.inner_text()
    assert "Ja" in registrations.inner_text()
    assert_accessible(page, "vir-mijn-verwijsindex")

    matches.get_by_role("link").first.click()
    page.wait_for_url("**/verwijsindex/matches/*/")
    assert page.get_by_role("heading", level=1).inner_text() == "Cliëntmatch"
    assert page.locator(".kz-matchregisseur").inner_text() == "CJG-Jeugdteam De Monden"
    contacts = page.get_by_role("table", name="Betrokken organisaties en hun contactpersonen")
    assert "GGD Drenthe" in contacts.inner_text() and "Annemiek Kuiper" in contacts.inner_text()
    assert page.get_by_role("button", name="Contact gelegd").count() == 0  # not the regisseur
    assert_accessible(page, "vir-match")

    login.logout()

    # The matchregisseur records the contact and who the family's regisseur is.
    login("cjg-demonden")
    page.get_by_role("link", name="Cliëntmatch: contact leggen als matchregisseur").click()
    page.wait_for_url("**/verwijsindex/matches/*/")
    assert_accessible(page, "vir-match-matchregisseur")
    page.get_by_role("button", name="Contact gelegd").click()
    assert page.get_by_text("Vastgelegd dat er contact is gelegd").is_visible()
    page.get_by_role("button", name="Afstemming vastleggen").click()
    assert page.get_by_text("Kies of een professional of de ouders zelf de regie voeren.").first.is_visible()
    assert page.get_by_text("Kies de regisseur of de achtervang.").first.is_visible()
    assert_accessible(page, "vir-match-afstemmen-fout")
    # The family's regisseur is a named professional, chosen with the family (leads).
    page.get_by_label("Een professional is regisseur").check()
    nurse = Professional.objects.select_related("user").get(user__username="jgz")
    page.get_by_label("Regisseur, of achtervang als de ouders zelf regie voeren").select_option(
        value=str(nurse.uuid))
    page.get_by_label("Voorkeur van het gezin").fill("Moeder wil de jeugdverpleegkundige.")
    page.get_by_role("button", name="Afstemming vastleggen").click()
    assert page.get_by_text("Vastgelegd wie de regie voert voor het gezin.").is_visible()
    assert "GGD Drenthe" in page.get_by_role("definition").filter(
        has_text="GGD Drenthe").first.inner_text()
    assert_accessible(page, "vir-match-afgestemd")
    login.logout()

    # The regievoerder's page.
    login("regievoerder")
    page.get_by_role("link", name="Regie verwijsindex").click()
    page.wait_for_url("**/verwijsindex/regie/")
    assert page.get_by_text("Er zijn geen opgeschaalde matches.").is_visible()
    assert_accessible(page, "vir-regie")
