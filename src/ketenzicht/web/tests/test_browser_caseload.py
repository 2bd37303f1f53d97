"""The werkvoorraad and the case page in a real browser, with axe on every page: the teamleider
finds the De Vries family on the list still to assign and assigns it to Bart Lubbers; Bart
accepts it from his worklist, records the first contact, and a close without reason shows both
errors at once."""

from ketenzicht.people.services import find_person_by_bsn
from ketenzicht.plans import cases
from ketenzicht.plans.models import ArrivalKind

from .browser import BROWSER_MARKS, Login, assert_accessible, demo, page  # noqa: F401 (fixtures)
from .vir_login import acting

pytestmark = BROWSER_MARKS


def test_a_teamleider_assigns_a_case_and_the_professional_takes_it_on(demo, page, live_server):  # noqa: F811
    daan = find_person_by_bsn("999990019")
    cases.arrive(*acting("cjg-demonden"), daan.memberships.get(until__isnull=True).household,
                 cases.ArrivalRequest(kind=ArrivalKind.APPLICATION, person=daan, channel="telefoon",
                                      applicant="ouder", question="We maken ons zorgen over Daan."))
    login = Login(page, live_server)

    login("teamleider-demonden")
    page.get_by_role("link", name="Werkvoorraad", exact=True).click()
    page.wait_for_url("**/casussen/")
    assert page.get_by_text("Hilde Boelens (teamleider), nog toe te wijzen").first.is_visible()
    assert_accessible(page, "werkvoorraad-teamleider")
    page.get_by_role("link", name="Huishouden De Vries").first.click()
    page.wait_for_url("**/casussen/*/")
    assert_accessible(page, "casus-teamleider")
    page.get_by_label("Aan", exact=True).select_option(label="Bart Lubbers (Jeugd- en gezinswerker)")
    page.get_by_role("button", name="Toewijzen").click()
    page.wait_for_url("**/casussen/*/")
    assert page.get_by_text("De casus is toegewezen aan Bart Lubbers.").is_visible()
    login.logout()

    login("cjg-demonden")
    page.get_by_role("link", name="Overdracht van een casus aannemen of weigeren").click()
    page.wait_for_url("**/casussen/*/")
    assert_accessible(page, "casus-overdracht-aan-u")
    page.get_by_role("button", name="Casus aannemen").click()
    assert page.get_by_text("U heeft de casus aangenomen: u bent nu verantwoordelijk.").is_visible()
    page.get_by_role("button", name="Eerste contact vastleggen").click()
    assert page.get_by_text("Het eerste contact is vastgelegd.").is_visible()
    page.get_by_role("button", name="Casus sluiten").click()
    assert page.get_by_text("Kies waarom de casus sluit.").first.is_visible()
    assert page.get_by_text("Licht toe waarom de casus kan sluiten.").first.is_visible()
    assert_accessible(page, "casus-sluiten-fouten")
