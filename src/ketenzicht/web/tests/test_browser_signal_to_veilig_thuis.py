"""A teacher's signal about Daan de Vries, through the Meldcode to a report at Veilig Thuis, and
the feedback arriving in the teacher's overview — in a real browser, with axe on every page.

The teacher (Kristalla, in Emmen Zuid) records what she saw from Daan's person page; the system
proposes the CJG-Jeugdteam De Monden, where Daan lives, not the school's district. She consults
the aandachtsfunctionaris, skips the conversation because it would endanger the mother, answers
the afwegingskader (acute or structural unsafety: report) and reports to Veilig Thuis without
consent for safety. Veilig Thuis finds the report in its Postvak with the 5-working-day clock,
accepts it and hands it to the local team with safety conditions for the school. The teacher
sees in Mijn signalen and on the signal page what happened, and nothing of Veilig Thuis's file.
Set ``KETENZICHT_SCREENSHOTS=/some/dir`` to keep screenshots of every page.
"""

from ketenzicht.signals.decision_framework import QUESTIONS

from .browser import BROWSER_MARKS, Login, assert_accessible, demo, page  # noqa: F401 (fixtures)

pytestmark = BROWSER_MARKS

DAAN = "999990019"
FACTS = "Daan komt al een week zonder jas en zonder ontbijt op school en heeft blauwe plekken op zijn arm."
CONDITIONS = "School meldt elke dag verzuim direct aan het CJG-Jeugdteam."


def open_daan(tab) -> None:
    tab.get_by_role("link", name="Persoon zoeken", exact=True).click()
    tab.get_by_label("Burgerservicenummer (BSN)").fill(DAAN)
    tab.get_by_role("button", name="Zoeken").click()
    tab.wait_for_url("**/personen/*/")


def step_done(tab, button: str, signal_url: str) -> None:
    """Submit a Meldcode step; the page returns to the signal, at the guide."""
    tab.get_by_role("button", name=button).click()
    tab.wait_for_url(f"{signal_url}#*")


def answer(tab, question: int, value: str) -> None:
    tab.get_by_role("group", name=QUESTIONS[question - 1]).get_by_label(value, exact=True).check()


def test_teacher_signal_through_meldcode_to_veilig_thuis_and_feedback(demo, page, live_server):  # noqa: F811
    login = Login(page, live_server)

    # The teacher records what she saw, from Daan's person page.
    login("leerkracht")
    open_daan(page)
    page.get_by_role("link", name="Signaal vastleggen").click()
    page.wait_for_url("**/signalen/nieuw/?persoon=*")
    assert DAAN not in page.url
    page.get_by_label("Lichamelijke verwaarlozing").check()
    page.get_by_label("Lichamelijke mishandeling").check()
    page.get_by_label("Wat heeft u zelf waargenomen?").fill(FACTS)
    page.get_by_label("Bron 1: wie zei het?").fill("Een klasgenoot")
    page.get_by_label("Wat heeft bron 1 gezegd?").fill("Daan zegt dat papa heel boos wordt.")
    page.get_by_label("Regulier").check()
    assert_accessible(page, "signaal-vastleggen")
    page.get_by_role("button", name="Signaal vastleggen").click()
    page.wait_for_url("**/signalen/*/")
    assert DAAN not in page.url
    signal_url = page.url
    body = page.locator("main").inner_text()
    assert "CJG-Jeugdteam De Monden" in body  # where Daan lives, not Emmen Zuid
    assert "nu aan de beurt" in body
    assert_accessible(page, "signaal-meldcode-stap-2")

    # Step 2: collegial consultation with the aandachtsfunctionaris.
    page.get_by_label("Ik heb de aandachtsfunctionaris geraadpleegd").check()
    page.get_by_label("Uitkomst van de consultatie").fill("Zorgen gedeeld: melden wordt overwogen.")
    page.get_by_label("Wie doet wat?").fill("Juf houdt Daan in de gaten; IB'er neemt het besluit.")
    page.get_by_label("Wie coördineert?").fill("Marieke Zwiers, aandachtsfunctionaris")
    step_done(page, "Stap 2 vastleggen", signal_url)

    # Step 3: the conversation is skipped, with the reason why.
    page.get_by_label("Reden om het gesprek over te slaan").fill("Vader dreigt moeder als zij praat.")
    step_done(page, "Gesprek overslaan", signal_url)
    assert_accessible(page, "signaal-meldcode-stap-4")

    # Step 4: the afwegingskader — a suspicion, and structural unsafety: report.
    answer(page, 1, "Ja")
    answer(page, 2, "Ja")
    step_done(page, "Afwegingskader vastleggen", signal_url)
    assert "Melden bij Veilig Thuis" in page.locator("main").inner_text()
    assert_accessible(page, "signaal-meldcode-stap-5")

    # Step 5: report to Veilig Thuis without consent, because of the safety.
    decision = page.get_by_role("form", name="Stap 5: beslissen")
    decision.get_by_label("Melden bij Veilig Thuis", exact=True).check()
    decision.get_by_label("Zonder toestemming, vanwege de veiligheid").check()
    decision.get_by_label("Reden om zonder toestemming te delen").fill(
        "Toestemming vragen brengt moeder en Daan in gevaar.")
    step_done(page, "Besluit vastleggen", signal_url)
    body = page.locator("main").inner_text()
    assert "Veilig Thuis Drenthe" in body and "De meldcode van dit signaal is afgerond." in body
    login.logout()

    # Veilig Thuis finds the report in its Postvak, with its clock, and hands it to the local team.
    login("veiligthuis")
    page.get_by_role("link", name="Postvak").click()
    page.wait_for_url("**/loket/")
    inbox = page.locator("main").inner_text()
    assert "Daan" in inbox and "nog 5 werkdagen" in inbox
    assert_accessible(page, "veilig-thuis-postvak")
    page.get_by_role("link", name="Melding (zorgmelding)").click()
    page.wait_for_url("**/loket/*/")
    route_url = page.url
    assert FACTS in page.locator("main").inner_text()
    assert_accessible(page, "veilig-thuis-melding")
    page.get_by_role("button", name="Aannemen").click()
    page.wait_for_url(f"{route_url}*")
    page.get_by_label("Overdragen aan het lokale team").check()
    page.get_by_label("Overdragen aan", exact=True).select_option(label="CJG-Jeugdteam De Monden")
    page.get_by_label("De melder houdt een rol", exact=True).check()
    page.get_by_label("Afgesproken veiligheidsvoorwaarden").fill(CONDITIONS)
    page.get_by_role("button", name="Veiligheidsbeoordeling vastleggen").click()
    page.wait_for_url(f"{route_url}*")
    assert_accessible(page, "veilig-thuis-beoordeeld")
    login.logout()

    # The teacher sees what happened, at a privacy-safe level.
    login("leerkracht")
    page.get_by_role("link", name="Mijn signalen").click()
    page.wait_for_url("**/signalen/")
    overview = page.locator("main").inner_text()
    assert "Daan" in overview and "Triage of veiligheidsbeoordeling afgerond" in overview
    assert_accessible(page, "mijn-signalen")
    page.goto(signal_url)
    feedback = page.locator("main").inner_text()
    assert "Veilig Thuis Drenthe" in feedback and "CJG-Jeugdteam De Monden" in feedback
    assert CONDITIONS in feedback
    assert_accessible(page, "signaal-terugkoppeling")
    page.get_by_role("link", name="Berichten").click()
    assert "Het loket heeft uw signaal aangenomen" in page.locator("main").inner_text()
