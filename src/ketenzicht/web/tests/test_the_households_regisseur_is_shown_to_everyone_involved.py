"""Everyone whose organisation has a basis on any member of the household (a signal included)
sees who the regisseur is and how to reach them — on the person, household, match and signal
pages — and nobody else: the regisseur's own organisation, an organisation involved through
another member (or only through a verwijsindex registration, or only through a signal it
recorded, a volunteer organisation's too), and an uninvolved organisation (404, audited). A
signal opens no person or household page to its signaller: only the regisseur section of the
signal page."""

import pytest
from django.test import Client

from ketenzicht.audit.models import AuditEvent, Outcome
from ketenzicht.conftest import totp_code
from ketenzicht.demo.accounts import DEMO_PASSWORD
from ketenzicht.demo.dataset import EXAMPLE_BSNS
from ketenzicht.leads.services import LeadChoice, Source, appoint
from ketenzicht.leads.tests.conftest import (  # noqa: F401 (the fixture)
    DAAN,
    EMMA,
    WEDNESDAY,
    acting,
    appoint_cjg,
    de_vries,
    emmen,
    professional,
)
from ketenzicht.organisations.tests.factories import TOTPDeviceFactory
from ketenzicht.people.services import find_person_by_bsn
from ketenzicht.signals.services import SignalRequest, record_signal
from ketenzicht.verwijsindex.models import Match
from ketenzicht.verwijsindex.services import Contact, RegistrationRequest, register

HEADING = "Regisseur van huishouden De Vries"


@pytest.fixture
def login(emmen):  # noqa: F811
    def as_user(username: str) -> Client:
        client = Client()
        device = TOTPDeviceFactory(user=professional(username).user)
        assert client.post("/inloggen/", {
            "username": username, "password": DEMO_PASSWORD,
            "otp_device": device.persistent_id, "otp_token": totp_code(device)}).status_code == 302
        return client

    return as_user


def _page(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_person_and_household_pages_show_the_regisseur_to_the_involved(login):
    appoint_cjg()
    cjg = professional("cjg-demonden")
    daan, emma = find_person_by_bsn(DAAN), find_person_by_bsn(EMMA)
    for username, url in [("cjg-demonden", f"/huishoudens/{de_vries().uuid}/"),
                          ("leerkracht", f"/personen/{daan.uuid}/"),
                          ("leerkracht", f"/huishoudens/{de_vries().uuid}/"),
                          ("jgz", f"/personen/{emma.uuid}/")]:  # only a registration on Emma
        page = _page(login(username), url)
        assert HEADING in page and cjg.display_name in page and "CJG-Jeugdteam De Monden" in page, url
        phone = cjg.phone or cjg.organisation.phone
        assert not phone or phone in page


def test_an_uninvolved_organisation_gets_404_and_the_attempt_is_audited(login):
    appoint_cjg()
    ggz = login("ggz")
    daan = find_person_by_bsn(DAAN)
    assert ggz.get(f"/personen/{daan.uuid}/").status_code == 404
    assert ggz.get(f"/huishoudens/{de_vries().uuid}/").status_code == 404
    assert AuditEvent.objects.filter(client_pseudonym=str(daan.uuid), organisation="ggz-drenthe",
                                     outcome=Outcome.DENIED).count() == 2


def test_parents_keeping_regie_show_the_backup_and_their_agreements_to_everyone_involved(login):
    """domain.md §4: if the parents keep regie themselves, the agreements are recorded and
    visible to all involved."""
    by, actor = acting("cjg-demonden")
    appoint(by, actor, de_vries(), LeadChoice(professional=professional("jgz"),
                                              parents_keep_regie=True, agreements="Maandelijks bellen."),
            Source("gezinsplan"), now=WEDNESDAY)
    page = _page(login("cjg-demonden"), f"/huishoudens/{de_vries().uuid}/")
    assert "De ouders voeren zelf regie" in page and "Maandelijks bellen." in page
    assert f"{professional('jgz').display_name}, " in page


def test_the_match_page_shows_the_regisseur_to_its_participants(login):
    appoint_cjg()
    for username in ("leerkracht", "jgz"):
        register(*acting(username), RegistrationRequest(
            bsn=DAAN, risk_categories=("e",), suspicion_confirmed=True,
            contact=Contact(name="Contact", phone="0591 000000", email="c@example.org")))
    match = Match.objects.get(kind="client", person=find_person_by_bsn(DAAN))
    page = _page(login("jgz"), f"/verwijsindex/matches/{match.uuid}/")
    assert HEADING in page and professional("cjg-demonden").display_name in page
    assert login("ggz").get(f"/verwijsindex/matches/{match.uuid}/").status_code == 404


def test_the_signal_page_shows_the_regisseur_to_every_signaller_a_volunteer_included(login):
    """The issue makes no exception for volunteers (and the feedback moment already tells every
    signaller the regisseur's name): a volunteer organisation's signal about Daan makes it
    involved, yet it still opens neither Daan's page nor the household's."""
    appoint_cjg()
    request = SignalRequest(bsn=DAAN, categories=("emotionele-verwaarlozing",), urgency="regulier",
                            facts="Daan komt zonder jas.")
    school_signal = record_signal(*acting("leerkracht"), request, WEDNESDAY)
    assert HEADING in _page(login("leerkracht"), f"/signalen/{school_signal.uuid}/")
    volunteer = login("vrijwilliger")
    volunteer_signal = record_signal(*acting("vrijwilliger"), request, WEDNESDAY)
    page = _page(volunteer, f"/signalen/{volunteer_signal.uuid}/")
    cjg = professional("cjg-demonden")
    assert HEADING in page and cjg.display_name in page and cjg.user.email in page
    daan = find_person_by_bsn(DAAN)
    assert f"/personen/{daan.uuid}/" not in page and f"/huishoudens/{de_vries().uuid}/" not in page
    assert volunteer.get(f"/personen/{daan.uuid}/").status_code == 404
    assert volunteer.get(f"/huishoudens/{de_vries().uuid}/").status_code == 404
    assert login("ggz").get(f"/signalen/{school_signal.uuid}/").status_code == 404


def test_a_signaller_of_another_household_sees_no_regisseur_on_its_signal_page(login):
    """Involvement is with the household of the person the signal is about: the volunteer's signal
    about a child of another household shows no regisseur of the De Vries household."""
    appoint_cjg()
    signal = record_signal(*acting("vrijwilliger"), SignalRequest(
        bsn=EXAMPLE_BSNS["sanne"], categories=("emotionele-verwaarlozing",), urgency="regulier",
        facts="Sanne komt zonder jas."), WEDNESDAY)
    page = _page(login("vrijwilliger"), f"/signalen/{signal.uuid}/")
    assert "Regisseur van huishouden Jansen" in page and "nog geen regisseur" in page
    assert HEADING not in page and professional("cjg-demonden").display_name not in page


def test_a_care_organisations_own_signal_makes_it_involved_without_opening_the_person(login):
    """The JGZ has no basis on Daan but signalled about him: its signal page shows the regisseur
    and how to reach them (a signal is a basis, issue 9 §7), but not a link to Daan's person page,
    which its signal does not open."""
    appoint_cjg()
    request = SignalRequest(bsn=DAAN, categories=("emotionele-verwaarlozing",), urgency="regulier",
                            facts="Daan komt moe op het consultatiebureau.")
    signal = record_signal(*acting("jgz"), request, WEDNESDAY)
    jgz = login("jgz")
    page = _page(jgz, f"/signalen/{signal.uuid}/")
    cjg = professional("cjg-demonden")
    assert HEADING in page and cjg.display_name in page and cjg.user.email in page
    daan = find_person_by_bsn(DAAN)
    assert f"/personen/{daan.uuid}/" not in page
    assert jgz.get(f"/personen/{daan.uuid}/").status_code == 404
