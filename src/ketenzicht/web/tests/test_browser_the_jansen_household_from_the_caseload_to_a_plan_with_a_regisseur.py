"""The Jansen household from the caseload to a plan with a regisseur, in a real browser through the
real pages, with axe on every new kind of page (issue 9, "Done when").

The demo's casework (``demo/casework.py``) starts it: the JGZ nurse's signal about Sanne (16),
shared with the CJG-Jeugdteam De Velden and accepted by its teamleider, who holds the case
unassigned. The teamleider assigns it to Jorien Hadders; she takes it on, records the first
contact and the intake with the three risk questions (a *ja* makes a risk assessment due) and the
parents' regie, assesses Sanne and Lucas, records an MDO with the JGZ nurse invited with consent,
and agrees a household plan with the father and Sanne, choosing herself as regisseur with them.
Then the JGZ nurse — involved through her signal, no plan member — sees who the regisseur is and
how to reach her, hears that there is a plan and a regisseur, but gets the one 404 page for the
plan itself.
"""

import re
from datetime import timedelta

from django.utils import timezone

from ketenzicht.leads.services import current_lead
from ketenzicht.plans.models import Case, HouseholdPlan, PlanStatus

from .browser import (  # noqa: F401 (fixtures)
    BROWSER_MARKS,
    Login,
    assert_accessible,
    demo_with_casework,
    page,
)
from .vir_login import professional

pytestmark = BROWSER_MARKS

JORIEN = "Jorien Hadders"
TEAM = "CJG-Jeugdteam De Velden"
SECOND_QUESTION = re.compile(r"^2\. Zijn er aanwijzingen voor huiselijk geweld")


def region(tab, name: str):
    """A section of the page by its heading (sections are labelled by their h2)."""
    return tab.get_by_role("region", name=name, exact=True)


def test_the_jansen_household_goes_from_the_caseload_to_a_plan_with_a_regisseur(
        demo_with_casework, page, live_server):  # noqa: F811
    today = timezone.localdate().isoformat()
    login = Login(page, live_server)

    # --- The teamleider finds the Jansens on the list still to assign and assigns them to Jorien.
    login("teamleider-develden")
    page.get_by_role("link", name="Werkvoorraad", exact=True).click()
    page.wait_for_url("**/casussen/")
    to_assign = region(page, "Nog toe te wijzen")
    row = to_assign.get_by_role("row").filter(has=page.get_by_role("link", name="Huishouden Jansen"))
    assert "Sanne Jansen" in row.inner_text()
    assert "Albert Kremer (teamleider), nog toe te wijzen" in row.inner_text()
    assert_accessible(page, "jansen-werkvoorraad-teamleider")
    row.get_by_role("link", name="Huishouden Jansen").click()
    page.wait_for_url("**/casussen/*/")
    assert page.get_by_role("heading", level=1).inner_text() == "Huishouden Jansen"
    arrival = region(page, "Wat het gezin bij het team bracht").inner_text()
    assert "over Sanne Jansen" in arrival and "Signaal van GGD Drenthe, jeugdgezondheidszorg" in arrival
    page.get_by_label("Aan", exact=True).select_option(label=f"{JORIEN} (Jeugd- en gezinswerker)")
    page.get_by_role("button", name="Toewijzen").click()
    page.wait_for_url("**/casussen/*/")
    assert page.get_by_text(f"De casus is toegewezen aan {JORIEN}.").is_visible()
    case_url = page.url
    login.logout()

    # --- Jorien takes it on from her worklist and records the first contact.
    login("cjg-develden")
    page.get_by_role("listitem").filter(has_text="Van Albert Kremer").get_by_role(
        "link", name="Overdracht van een casus aannemen of weigeren").click()
    page.wait_for_url(case_url)
    page.get_by_role("button", name="Casus aannemen").click()
    assert page.get_by_text("U heeft de casus aangenomen: u bent nu verantwoordelijk.").is_visible()
    page.get_by_role("button", name="Eerste contact vastleggen").click()
    assert page.get_by_text("Het eerste contact is vastgelegd.").is_visible()
    assert_accessible(page, "jansen-casus")

    # --- The intake: first without answers (every problem at once), then the three questions.
    page.get_by_role("link", name="Intake vastleggen").click()
    page.wait_for_url("**/intake/")
    assert page.get_by_role("heading", level=1).inner_text() == "Intake met het huishouden Jansen"
    page.get_by_role("button", name="Intake vastleggen").click()
    assert page.get_by_text("Er is iets niet goed gegaan").is_visible()
    for number in (1, 2, 3):  # no intake before the three risk questions are answered
        assert page.get_by_text(f"Beantwoord risicovraag {number}").first.is_visible()
    assert page.get_by_text("Geef aan of de ouders zelf de regie kunnen voeren.").first.is_visible()
    assert_accessible(page, "jansen-intake-fouten")
    questions = page.get_by_role("group", name="De risicovragen")
    groups = questions.get_by_role("group")
    assert groups.count() == 3
    for number in range(3):
        answer = "Ja" if number == 1 else "Nee"
        groups.nth(number).get_by_label(answer, exact=True).check()
    assert SECOND_QUESTION.match(groups.nth(1).locator("legend").inner_text())
    page.get_by_label("Datum van de intake").fill(today)
    page.get_by_label("De vraag van het gezin, in hun eigen woorden").fill(
        "Peter: 'Ik wil dat Sanne weer naar school gaat en niet voor Lucas hoeft te zorgen.'")
    page.get_by_label("Samenvatting van het gesprek").fill(
        "Huisbezoek met Peter, Sanne en Lucas. Peter erkent dat hij 's avonds drinkt.")
    page.get_by_role("group", name="Kunnen de ouders zelf de regie voeren?").get_by_label(
        "Nee, er is een regisseur nodig").check()
    page.get_by_label("Onderbouwing").fill(
        "Peter staat er alleen voor en drinkt; Sanne neemt de zorg voor Lucas over. Hij vraagt zelf "
        "om één vast aanspreekpunt.")
    page.get_by_role("button", name="Intake vastleggen").click()
    page.wait_for_url(case_url)
    assert page.get_by_text("De intake is vastgelegd.").is_visible()
    intake = region(page, "Risicovragen en intake")
    assert "een risicotaxatie van het hele huishouden is nodig" in intake.inner_text()
    assert "Nee, er is een regisseur nodig" in intake.inner_text()
    assert "Risicotaxatie" in region(page, "Verantwoordelijk en volgende stap").inner_text()

    # --- The risk assessment of the whole household: Sanne and Lucas in the same format.
    region(page, "Risicotaxatie van het hele huishouden").get_by_role(
        "link", name="Risicotaxatie vastleggen").click()
    page.wait_for_url("**/risicotaxatie/")
    assert_accessible(page, "jansen-risicotaxatie-formulier")
    page.get_by_label("Datum van de risicotaxatie").fill(today)
    sanne = region(page, "Sanne Jansen (16 jaar)")
    lucas = region(page, "Lucas Jansen (11 jaar)")
    sanne.get_by_label("Gevaarsomschrijving 1").fill(
        "Sanne zorgt 's avonds alleen voor Lucas als haar vader drinkt en verzuimt school.")
    sanne.get_by_label("Veiligheidsdoel 1").fill(
        "Een volwassene zorgt 's avonds voor Lucas; Sanne gaat elke dag naar school.")
    sanne.get_by_label("Veiligheidsschaal voor Sanne Jansen: uw oordeel").select_option("5")
    sanne.get_by_label("Score van Sanne Jansen zelf").select_option("6")
    lucas.get_by_label("Gevaarsomschrijving 1").fill(
        "Lucas is 's avonds zonder volwassene thuis als zijn vader drinkt.")
    lucas.get_by_label("Veiligheidsdoel 1").fill("Er is 's avonds altijd een nuchtere volwassene thuis.")
    lucas.get_by_label("Veiligheidsschaal voor Lucas Jansen: uw oordeel").select_option("5")
    areas = region(page, "Draagkracht en draaglast per leefgebied")
    for area in ("Gezin", "Wonen", "Werk", "Inkomen", "Gezondheid", "Onderwijs", "Veiligheid"):
        burden = "4" if area in ("Gezin", "Gezondheid", "Onderwijs") else "2"
        areas.get_by_label(f"{area}: draagkracht", exact=True).select_option("3")
        areas.get_by_label(f"{area}: draaglast", exact=True).select_option(burden)
    areas.get_by_label("Gezondheid: langdurig probleem").check()
    judgement = region(page, "Oordeel en vervolg")
    judgement.get_by_label("Oordeel over de huidige veiligheid, met onderbouwing").fill(
        "Voldoende veilig overdag; 's avonds zijn de kinderen op zichzelf aangewezen.")
    judgement.get_by_label("Oordeel over de toekomstige veiligheid, met onderbouwing").fill(
        "Zonder hulp bij het drinken van Peter blijft Sanne de zorg dragen.")
    judgement.get_by_label("Hulp via het gezinsplan").check()
    page.get_by_role("button", name="Risicotaxatie vastleggen").click()
    page.wait_for_url("**/risicotaxaties/*/")
    assert page.get_by_text("De risicotaxatie is vastgelegd.").is_visible()
    assert page.get_by_text("Hulp via het gezinsplan").first.is_visible()
    assert_accessible(page, "jansen-risicotaxatie")
    page.get_by_role("link", name="Alle risicotaxaties naast elkaar").click()
    page.wait_for_url("**/risicotaxaties/")
    chart = page.get_by_role("img", name="Veiligheidsschaal per kind in de tijd")
    assert chart.is_visible()
    scale = page.get_by_role("table", name="Veiligheidsschaal per kind (oordeel van de professional)")
    assert scale.get_by_role("row", name=re.compile("Sanne Jansen")).is_visible()
    assert scale.get_by_role("row", name=re.compile("Lucas Jansen")).is_visible()
    assert_accessible(page, "jansen-risicotaxaties-naast-elkaar")
    page.get_by_role("link", name="Terug naar de casus").click()
    page.wait_for_url(case_url)

    # --- An MDO with the JGZ nurse, invited with the consent of Peter and of Sanne (16); the
    #     action is Jorien's, so the JGZ does not become a member of the plan.
    page.get_by_role("link", name="Consultatie of MDO vastleggen").click()
    page.wait_for_url("**/overleg/nieuw/")
    assert_accessible(page, "jansen-overleg-formulier")
    page.get_by_label("Multidisciplinair overleg (MDO)").check()
    page.get_by_label("Datum van het overleg").fill(today)
    page.get_by_label("De ouders namen deel").check()
    page.get_by_label("Besproken feiten").fill(
        "Sanne verzuimt sinds de herfstvakantie; Peter drinkt 's avonds. De JGZ ziet Sanne op school.")
    page.get_by_label("Besluiten", exact=True).fill(
        "Het CJG start gezinsondersteuning; de JGZ houdt het verzuim van Sanne in het oog.")
    page.get_by_label("Deelnemer 1: professional").select_option(
        label="Annemiek Kuiper — GGD Drenthe, jeugdgezondheidszorg")
    page.get_by_label("Deelnemer 1: rol").select_option(label="Ketenpartner")
    page.locator("#id_d0_grondslag").get_by_label("Toestemming van ouders en/of jeugdige").check()
    consent = page.locator("#id_d0_toestemming")
    consent.get_by_label(re.compile(r"^Peter Jansen")).check()
    consent.get_by_label(re.compile(r"^Sanne Jansen")).check()
    page.get_by_label("Actie 1: wie").select_option(label="Professional")
    page.get_by_label("Actie 1: professional").select_option(label=f"{JORIEN} — {TEAM}")
    page.get_by_label("Actie 1: wat").fill("Gezinsondersteuning thuis: avondritme en zorg voor Lucas.")
    page.get_by_label("Actie 1: uiterlijk").fill(
        (timezone.localdate() + timedelta(days=14)).isoformat())
    page.get_by_label("Actie 1: dit is hulp voor het gezin").check()
    page.get_by_role("button", name="Overleg vastleggen").click()
    page.wait_for_url("**/overleggen/*/")
    assert page.get_by_text("Het overleg is vastgelegd").is_visible()
    participants = region(page, "Deelnemers")
    assert "Annemiek Kuiper" in participants.inner_text()
    assert "Peter Jansen" in participants.inner_text() and "Sanne Jansen" in participants.inner_text()
    assert JORIEN in region(page, "Wie doet wat wanneer").inner_text()
    assert_accessible(page, "jansen-mdo")
    page.get_by_role("link", name="Naar de casus van huishouden Jansen").click()
    page.wait_for_url(case_url)
    assert "Annemiek" not in region(page, "Gezinsplan van huishouden Jansen").inner_text()

    # --- The household plan: the MDO's action opened it as a draft; the family's question, a goal,
    #     the regisseur chosen with Peter, and the agreement of Peter and of Sanne (16).
    page.get_by_role("link", name="Naar het gezinsplan").click()
    page.wait_for_url("**/plan/")
    plan_url = page.url
    assert page.get_by_role("heading", level=1).inner_text() == "Gezinsplan van huishouden Jansen"
    assert page.get_by_text("Gezinsondersteuning thuis: avondritme en zorg voor Lucas.").is_visible()
    members = region(page, "Deelnemers en contactgegevens").inner_text()
    assert TEAM in members and "GGD" not in members
    assert_accessible(page, "jansen-gezinsplan-concept")

    region(page, "Het gezin aan het woord").get_by_role("link", name="Wijzigen").click()
    page.get_by_label("Vraag van het gezin").fill(
        "Sanne gaat weer elke dag naar school en Peter zorgt 's avonds zelf voor de kinderen.")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(plan_url)
    assert page.get_by_text("Het gezinsplan is bijgewerkt.").is_visible()

    region(page, "Doelen").get_by_role("link", name="Doel toevoegen").click()
    page.get_by_label("Voor wie").select_option(label="Sanne Jansen")
    page.get_by_label("Doel", exact=True).fill("Sanne gaat elke schooldag naar school.")
    page.get_by_label("Waaraan zien we vooruitgang?").fill("Het verzuim op school daalt naar nul.")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(plan_url)

    # The agreement before there is a regisseur: every missing part at once.
    region(page, "Vaststellen, evalueren en sluiten").get_by_role(
        "link", name="Akkoord van het gezin vastleggen").click()
    assert page.get_by_text("Vanaf 12 jaar stemt de jeugdige zelf in: Sanne.").is_visible()
    page.get_by_role("button", name="Opslaan").click()
    assert page.get_by_text("Kies eerst met het gezin een regisseur").first.is_visible()
    assert page.get_by_text("Leg vast op welke datum de ouders akkoord gaven.").first.is_visible()
    assert page.get_by_text("Leg vast op welke datum Sanne akkoord gaf").first.is_visible()
    assert_accessible(page, "jansen-akkoord-fouten")
    page.get_by_role("link", name="Terug naar het gezinsplan van huishouden Jansen").click()
    page.wait_for_url(plan_url)

    page.get_by_role("link", name="Regisseur kiezen").click()
    page.get_by_label("Een professional is regisseur").check()
    page.get_by_label("Regisseur, of achtervang als de ouders zelf regie voeren").select_option(
        label=f"{JORIEN} — {TEAM}")
    page.get_by_label("Voorkeur van het gezin").fill("Peter wil Jorien als vast aanspreekpunt.")
    assert_accessible(page, "jansen-regisseur-kiezen")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(plan_url)
    assert page.locator(".kz-regisseur").first.inner_text() == JORIEN

    region(page, "Vaststellen, evalueren en sluiten").get_by_role(
        "link", name="Akkoord van het gezin vastleggen").click()
    page.get_by_label("Ouders akkoord op").fill(today)
    page.get_by_label("Jeugdige akkoord op").fill(today)
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(plan_url)
    assert page.locator(".kz-plan-status").inner_text() == "Vastgesteld met het gezin"
    status = page.locator(".kz-plan-status").locator("xpath=..").inner_text()
    assert re.search(r"ouders akkoord op \d+ \w+ \d{4}; jeugdige akkoord op \d+ \w+ \d{4}", status), status
    assert_accessible(page, "jansen-gezinsplan-vastgesteld")
    page.get_by_role("link", name="alle versies").click()
    page.wait_for_url("**/plan/versies/")
    assert page.get_by_text(f"Regisseur gekozen met het gezin: {JORIEN} ({TEAM}).").is_visible()
    assert_accessible(page, "jansen-gezinsplan-versies")
    household = Case.objects.get(uuid=case_url.rstrip("/").rsplit("/", 1)[1]).household
    plan = HouseholdPlan.objects.get(household=household)
    assert plan.status == PlanStatus.AGREED
    assert plan.parents_agreed_on == plan.youth_agreed_on == timezone.localdate()
    lead = current_lead(household)
    assert lead.professional.display_name == JORIEN
    assert lead.family_preference == "Peter wil Jorien als vast aanspreekpunt."
    login.logout()

    # --- The JGZ nurse: involved through her signal, no plan member. Her signal page tells her
    #     there is a plan and a regisseur, who it is and how to reach her; the plan itself is the
    #     one 404 page. (Her signal opens no person file: Sanne's name is no link for her.)
    jorien = professional("cjg-develden")
    login("jgz")
    page.get_by_role("link", name="Mijn signalen", exact=True).click()
    page.wait_for_url("**/signalen/")
    page.get_by_role("link", name=re.compile("Sanne Jansen")).first.click()
    page.wait_for_url("**/signalen/*/")
    assert page.get_by_role("heading", level=1).inner_text() == "Signaal over Sanne Jansen"
    feedback = region(page, "Terugkoppeling").inner_text()
    assert "Er is een plan en een regisseur" in feedback
    assert f"Regisseur: {JORIEN} ({TEAM})" in feedback
    lead = region(page, "Regisseur van huishouden Jansen")
    assert f"{JORIEN}, {TEAM}" in lead.inner_text()
    phone = jorien.phone or jorien.organisation.phone
    assert lead.get_by_role("link", name=phone).get_attribute("href") == "tel:" + phone.replace("-", "")
    assert lead.get_by_role("link", name=jorien.user.email).is_visible()
    assert page.get_by_role("link", name="Sanne Jansen", exact=True).count() == 0
    content = page.content()
    assert "Gezinsondersteuning" not in content and "elke schooldag" not in content
    assert_accessible(page, "jansen-signaal-jgz-regisseur")

    response = page.goto(plan_url)
    assert response.status == 404
    refused = page.locator("main").inner_text()
    response = page.goto(f"{live_server.url}/huishoudens/00000000-0000-0000-0000-000000000000/plan/")
    assert response.status == 404
    assert page.locator("main").inner_text() == refused
    assert "Jansen" not in refused
    assert_accessible(page, "jansen-gezinsplan-niet-gevonden")
