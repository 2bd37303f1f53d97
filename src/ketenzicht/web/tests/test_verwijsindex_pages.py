"""The verwijsindex in the web UI: registering, Mijn verwijsindex, the match page, regie, notices.

On the Emmen demo (the example households), logged in through the real login form.
"""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from ketenzicht.access.audited import actor_for
from ketenzicht.access.models import AccessBasis
from ketenzicht.audit.models import AuditEvent
from ketenzicht.conftest import totp_code
from ketenzicht.demo.accounts import DEMO_PASSWORD
from ketenzicht.demo.loader import load_demo
from ketenzicht.leads.services import current_lead
from ketenzicht.notify.models import Notice
from ketenzicht.organisations.models import Professional, Role
from ketenzicht.organisations.tests.factories import TOTPDeviceFactory
from ketenzicht.people.services import current_household, find_person_by_bsn
from ketenzicht.verwijsindex.lifecycle import end_registration
from ketenzicht.verwijsindex.models import (
    EndReason,
    IndexRegistration,
    Match,
    MatchStatus,
    Objection,
)
from ketenzicht.verwijsindex.services import Contact, RegistrationRequest, register

from .conftest import without_csrf

DAAN, EMMA, ANJA = "999990019", "999990020", "999990032"
YOUTHS = ["999990019", "999990020", "999990056", "999990081", "999990093", "999990123",
          "999990159"]


@pytest.fixture
def emmen(db, settings):
    settings.DEMO_MODE = True
    load_demo(households=3)


@pytest.fixture
def login(emmen):
    """A fresh client per user, logged in through the real form with password and code."""

    def as_user(username: str) -> Client:
        client = Client()
        device = TOTPDeviceFactory(user=professional(username).user)
        response = client.post("/inloggen/", {
            "username": username, "password": DEMO_PASSWORD,
            "otp_device": device.persistent_id, "otp_token": totp_code(device)})
        assert response.status_code == 302
        return client

    return as_user


def professional(username: str) -> Professional:
    return Professional.objects.select_related("organisation__type", "user").get(
        user__username=username)


def register_as(username: str, bsn: str, *, name="Ingrid Hofstede", phone="0591 123456",
                email="i.hofstede@kristalla.example"):
    who = professional(username)
    return register(who, actor_for(who, access_point="127.0.0.1"), RegistrationRequest(
        bsn=bsn, risk_categories=("e",), suspicion_confirmed=True,
        contact=Contact(name=name, phone=phone, email=email)))


def match_on_daan() -> Match:
    register_as("leerkracht", DAAN)
    return register_as("jgz", DAAN, name="Annemiek Kuiper", phone="0592 654321",
                       email="a.kuiper@ggd.example").client_match


def form_data(**overrides) -> dict:
    data = {"bsn": DAAN, "risicocategorieen": ["e"], "redelijk_vermoeden": "on",
            "contactpersoon_naam": "Ingrid Hofstede", "contactpersoon_telefoon": "0591 123456",
            "contactpersoon_email": "i.hofstede@kristalla.example"}
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


# --- registering -----------------------------------------------------------------------------

def test_register_form_never_puts_bsn_in_url(login):
    client = login("leerkracht")
    form = client.get("/verwijsindex/melden/").content.decode()
    assert 'method="post"' in form and 'action="/verwijsindex/melden/"' in form

    response = client.post("/verwijsindex/melden/", form_data())

    registration = IndexRegistration.objects.get(organisation__slug="kristalla")
    assert response.status_code == 302
    assert response["Location"] == f"/verwijsindex/registraties/{registration.uuid}/"
    assert DAAN not in response["Location"]
    # A BSN in a query string is ignored, and the person page passes only the person's uuid.
    assert f'value="{DAAN}"' not in client.get("/verwijsindex/melden/", {"bsn": DAAN}).content.decode()
    daan = find_person_by_bsn(DAAN)
    person_page = client.get(f"/personen/{daan.uuid}/").content.decode()
    assert f'href="/verwijsindex/melden/?persoon={daan.uuid}"' in person_page
    from_person = client.get(f"/verwijsindex/melden/?persoon={daan.uuid}").content.decode()
    assert DAAN not in from_person and "Daan de Vries" in from_person
    assert f'name="persoon" value="{daan.uuid}"' in from_person


def test_register_from_person_page_looks_up_the_bsn_on_the_server(login):
    client = login("jgz")  # the GGD sees Daan through its district role
    daan = find_person_by_bsn(DAAN)
    if client.get(f"/personen/{daan.uuid}/").status_code != 200:
        AccessBasis.objects.create(organisation=professional("jgz").organisation, person=daan,
                                   kind="client")
    response = client.post("/verwijsindex/melden/", form_data(bsn=None, persoon=str(daan.uuid)))
    assert response.status_code == 302
    assert IndexRegistration.objects.get(organisation__slug="ggd-drenthe").person == daan


def test_register_from_person_page_without_basis_is_404(login):
    client = login("vrijwilliger")
    assert client.get("/verwijsindex/melden/").status_code == 403
    client = login("wijkagent")
    noah = find_person_by_bsn("999990056")
    missing = client.post("/verwijsindex/melden/", form_data(bsn=None, persoon=str(noah.uuid)))
    if missing.status_code == 302:  # the police happens to see Noah in this demo
        pytest.skip("demo gives the police a basis on Noah")
    assert missing.status_code == 404
    assert not IndexRegistration.objects.exists()


def test_register_button_hidden_for_volunteers(login):
    daan = find_person_by_bsn(DAAN)
    volunteer = professional("vrijwilliger")
    AccessBasis.objects.create(organisation=volunteer.organisation, person=daan, kind="client")
    client = login("vrijwilliger")
    page = client.get(f"/personen/{daan.uuid}/").content.decode()
    assert "Daan de Vries" in page
    assert "Registreren in de verwijsindex" not in page
    assert client.get("/verwijsindex/melden/").status_code == 403
    assert client.post("/verwijsindex/melden/", form_data()).status_code == 403
    assert not IndexRegistration.objects.exists()
    # A teacher's school may register: the button is there.
    assert "Registreren in de verwijsindex" in login("leerkracht").get(
        f"/personen/{daan.uuid}/").content.decode()


def test_register_form_shows_specific_dutch_errors(login):
    client = login("leerkracht")

    typo = client.post("/verwijsindex/melden/", form_data(bsn="999990018")).content.decode()
    assert "Dit BSN klopt niet: het voldoet niet aan de elfproef." in typo
    assert 'id="id_bsn_fout"' in typo and 'aria-invalid="true"' in typo
    assert 'href="#id_bsn"' in typo

    nothing = client.post("/verwijsindex/melden/", form_data(
        risicocategorieen=None, redelijk_vermoeden=None)).content.decode()
    assert "Kies ten minste één wettelijke risicocategorie (a–l)." in nothing
    assert 'id="id_risicocategorieen_fout"' in nothing
    assert 'aria-describedby="id_risicocategorieen_hulp id_risicocategorieen_fout"' in nothing
    assert "Bevestig dat u een redelijk vermoeden heeft" in nothing
    assert 'id="id_redelijk_vermoeden_fout"' in nothing

    adult = client.post("/verwijsindex/melden/", form_data(bsn=ANJA)).content.decode()
    assert "23 jaar of ouder" in adult and 'id="id_bsn_fout"' in adult

    bad_phone = client.post("/verwijsindex/melden/", form_data(
        contactpersoon_telefoon="0591")).content.decode()
    assert "ten minste 10 cijfers" in bad_phone and 'id="id_contactpersoon_telefoon_fout"' in bad_phone

    assert client.post("/verwijsindex/melden/", form_data()).status_code == 302
    duplicate = client.post("/verwijsindex/melden/", form_data()).content.decode()
    existing = IndexRegistration.objects.get(organisation__slug="kristalla")
    assert "heeft deze jeugdige al actief geregistreerd" in duplicate
    assert f'href="/verwijsindex/registraties/{existing.uuid}/"' in duplicate
    assert IndexRegistration.objects.count() == 1


def test_success_page_shows_the_match_prominently(login):
    register_as("leerkracht", DAAN)
    client = login("jgz")
    response = client.post("/verwijsindex/melden/", form_data(
        contactpersoon_naam="Annemiek Kuiper", contactpersoon_email="a.kuiper@ggd.example"),
        follow=True)
    page = response.content.decode()
    assert "Er is een match" in page
    assert "Ook betrokken is:" in page and "Ingrid Hofstede" in page
    assert "Jenaplan BO Kristalla" in page
    assert "Matchregisseur: <strong>CJG-Jeugdteam De Monden</strong>" in page
    assert 'href="tel:0591123456"' in page


# --- the match page ----------------------------------------------------------------------------

def test_match_page_without_involvement_is_404_like_missing(login):
    match = match_on_daan()
    client = login("ggz")  # adult mental health: not in this match
    refused = client.get(f"/verwijsindex/matches/{match.uuid}/")
    missing = client.get("/verwijsindex/matches/00000000-0000-4000-8000-000000000000/")
    unknown_url = client.get("/bestaat-niet/")
    assert refused.status_code == missing.status_code == unknown_url.status_code == 404
    assert without_csrf(refused.content) == without_csrf(missing.content) \
        == without_csrf(unknown_url.content)
    assert AuditEvent.objects.filter(object_type="verwijsindex-match", outcome="denied",
                                     client_pseudonym=str(match.person.uuid)).exists()


def test_match_page_shows_contacts_and_matchregisseur(login):
    match = match_on_daan()
    page = login("leerkracht").get(f"/verwijsindex/matches/{match.uuid}/").content.decode()
    assert "Cliëntmatch" in page and "Nieuw" in page
    assert "Daan de Vries" in page
    assert "CJG-Jeugdteam De Monden" in page
    for text in ("Annemiek Kuiper", 'href="tel:0592654321"', 'href="mailto:a.kuiper@ggd.example"',
                 "Ingrid Hofstede", "GGD Drenthe"):
        assert text in page, text
    assert "Nog niet afgestemd" in page
    assert AuditEvent.objects.filter(object_type="verwijsindex-match", event_type="read",
                                     outcome="success").exists()


def test_only_matchregisseur_sees_coordination_actions(login):
    match = match_on_daan()
    url = f"/verwijsindex/matches/{match.uuid}/"
    teacher = login("leerkracht")
    page = teacher.get(url).content.decode()
    assert "Contact gelegd" not in page and 'value="afgestemd"' not in page
    assert teacher.post(url, {"actie": "contact"}).status_code == 403

    cjg = login("cjg-demonden")
    page = cjg.get(url).content.decode()
    assert ">Contact gelegd<" in page and 'value="afgestemd"' in page
    assert "De ouders voeren zelf regie" in page
    assert cjg.post(url, {"actie": "contact"}).status_code == 302
    match.refresh_from_db()
    assert match.status == MatchStatus.CONTACT_MADE
    missing = cjg.post(url, {"actie": "afgestemd"}, follow=True).content.decode()
    # every missing answer at once
    assert "Kies of een professional of de ouders zelf de regie voeren." in missing
    assert "Kies de regisseur of de achtervang." in missing
    without_preference = cjg.post(url, {"actie": "afgestemd", "regie": "professional",
                                        "professional": str(professional("jgz").uuid)})
    assert "Leg vast wat het gezin wil" in without_preference.content.decode()
    cjg.post(url, {"actie": "afgestemd", "regie": "professional",
                   "professional": str(professional("jgz").uuid),
                   "voorkeur_gezin": "Moeder vertrouwt de jeugdverpleegkundige."})
    match.refresh_from_db()
    assert match.status == MatchStatus.COORDINATED
    lead = current_lead(current_household(match.person))
    assert (lead.organisation.slug, lead.agreed_via_uuid) == ("ggd-drenthe", match.uuid)
    # Everyone involved (the teacher too) sees who the regisseur is.
    page = teacher.get(url).content.decode()
    assert "Regisseur van het gezin" in page
    assert f"{professional('jgz').display_name}, {lead.organisation.name}</dd>" in page


# --- worklist, notices ------------------------------------------------------------------------

def test_worklist_shows_matches_to_coordinate(login):
    match = match_on_daan()
    page = login("cjg-demonden").get("/").content.decode()
    assert "Cliëntmatch: contact leggen als matchregisseur" in page
    assert f'href="/verwijsindex/matches/{match.uuid}/"' in page
    teacher = login("leerkracht").get("/").content.decode()
    assert "Nieuwe cliëntmatch in de verwijsindex" in teacher
    assert "Informeren over een registratie vastleggen" in teacher
    assert "contact leggen als matchregisseur" not in teacher


def test_worklist_shows_escalations_to_the_regievoerder(login):
    match = match_on_daan()
    Match.objects.filter(pk=match.pk).update(escalated_at=match.created_at)
    client = login("regievoerder")
    assert "Opgeschaalde cliëntmatch zonder contact" in client.get("/").content.decode()
    regie = client.get("/verwijsindex/regie/").content.decode()
    assert f'href="/verwijsindex/matches/{match.uuid}/"' in regie
    assert client.get(f"/verwijsindex/matches/{match.uuid}/").status_code == 200
    assert login("leerkracht").get("/verwijsindex/regie/").status_code == 403


def test_regievoerder_records_and_decides_an_objection(login):
    registration = register_as("leerkracht", DAAN).registration
    client = login("regievoerder")
    today = registration.registered_at.date().isoformat()
    client.post("/verwijsindex/regie/", {"actie": "bezwaar", "registratie": str(registration.uuid),
                                         "ontvangen_op": today})
    objection = Objection.objects.get()
    assert str(registration.uuid) in client.get("/verwijsindex/regie/").content.decode()
    client.post("/verwijsindex/regie/", {"actie": "besluit", "bezwaar": objection.id,
                                         "gegrond": "ja"})
    assert not IndexRegistration.objects.filter(pk=registration.pk).exists()
    wrong = client.post("/verwijsindex/regie/", {"actie": "bezwaar", "registratie": "geen-uuid",
                                                 "ontvangen_op": today}).content.decode()
    assert "Dit is geen geldig kenmerk van een registratie." in wrong


def test_notices_page_marks_read(login):
    match_on_daan()
    client = login("leerkracht")
    notice = Notice.objects.get(recipient__user__username="leerkracht")
    page = client.get("/berichten/").content.decode()
    assert notice.title in page and "Ongelezen" in page
    assert re.search(r'class="kz-count">1<span class="kz-visually-hidden"> ongelezen', page)
    assert "GGD Drenthe" in page and "Contactgegevens staan op de matchpagina." in page
    assert "Annemiek Kuiper" not in page and "0592 654321" not in page  # on the match page only

    assert client.get(f"/berichten/{notice.uuid}/gelezen/").status_code == 405  # POST only
    response = client.post(f"/berichten/{notice.uuid}/gelezen/")
    assert response.status_code == 302
    notice.refresh_from_db()
    assert notice.read_at is not None
    page = client.get("/berichten/").content.decode()
    assert "Ongelezen" not in page and "kz-count" not in page
    # Somebody else's notice is left alone.
    other = Notice.objects.get(recipient__user__username="jgz")
    client.post(f"/berichten/{other.uuid}/gelezen/")
    other.refresh_from_db()
    assert other.read_at is None


def test_opening_a_notice_marks_it_read_and_follows_its_link(login):
    match = match_on_daan()
    client = login("leerkracht")
    notice = Notice.objects.get(recipient__user__username="leerkracht")
    response = client.post(f"/berichten/{notice.uuid}/gelezen/", {"openen": "ja"})
    assert response["Location"] == f"/verwijsindex/matches/{match.uuid}/"


# --- Mijn verwijsindex --------------------------------------------------------------------------

def test_my_registrations_shows_matches_and_informing(login):
    match = match_on_daan()
    register_as("leerkracht", EMMA)
    page = login("leerkracht").get("/verwijsindex/").content.decode()
    assert "Daan de Vries" in page and "Emma de Vries" in page
    assert f'href="/verwijsindex/matches/{match.uuid}/"' in page
    assert "Te informeren: De ouders" in page  # Daan is 9: his parents are informed
    assert "Te informeren: De jeugdige en de ouders" in page  # Emma is 14


def test_registration_actions_extend_inform_and_end(login):
    registration = register_as("leerkracht", EMMA).registration
    client = login("leerkracht")
    url = f"/verwijsindex/registraties/{registration.uuid}/"
    today = registration.registered_at.date().isoformat()

    too_little = client.post(url, {"actie": "informeren", "geinformeerd": "ouders", "op": today})
    assert "van 12 tot 16 jaar worden de jeugdige én de ouders geïnformeerd" in \
        too_little.content.decode()
    client.post(url, {"actie": "informeren", "geinformeerd": "beiden", "op": today})
    registration.refresh_from_db()
    assert registration.informed == "beiden"

    unconfirmed = client.post(url, {"actie": "beeindigen", "reden": "onterecht"}).content.decode()
    assert "Bevestig dat de onterechte registratie wordt verwijderd." in unconfirmed
    response = client.post(url, {"actie": "beeindigen", "reden": "onterecht",
                                 "bevestig_verwijderen": "on"}, follow=True)
    assert "De onterechte registratie is verwijderd." in response.content.decode()
    assert not IndexRegistration.objects.filter(pk=registration.pk).exists()
    assert client.get(url).status_code == 404


def test_registration_of_another_organisation_is_404(login):
    registration = register_as("leerkracht", DAAN).registration
    assert login("jgz").get(f"/verwijsindex/registraties/{registration.uuid}/").status_code == 404


def _overview_queries(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/verwijsindex/").status_code == 200
    return len(captured.captured_queries)


def test_my_registrations_without_n_plus_one(login, django_assert_max_num_queries):
    register_as("jgz", DAAN)
    for bsn in YOUTHS[:2]:
        register_as("leerkracht", bsn)
    client = login("leerkracht")
    few = _overview_queries(client)
    for bsn in YOUTHS[2:]:
        register_as("leerkracht", bsn)
    register_as("jgz", "999990081")
    many = _overview_queries(client)
    assert many == few, f"{few} queries for 2 registrations, {many} for {len(YOUTHS)}"
    # The budget includes the audit append for the clients listed (a fixed handful of queries)
    # and one query for the households' regisseurs of the matches listed.
    with django_assert_max_num_queries(26):
        client.get("/verwijsindex/")


def test_my_verwijsindex_page_is_audited_for_every_youth_listed(login):
    from ketenzicht.audit.models import AuditEvent
    from ketenzicht.people.services import find_person_by_bsn

    for bsn in YOUTHS[:3]:
        register_as("leerkracht", bsn)
    client = login("leerkracht")
    assert client.get("/verwijsindex/").status_code == 200
    listed = set(AuditEvent.objects.filter(object_type="verwijsindex-overzicht")
                 .values_list("client_pseudonym", flat=True))
    assert listed == {str(find_person_by_bsn(bsn).uuid) for bsn in YOUTHS[:3]}


# --- review rules: ended registrants, the family's parent, the regievoerder ----------------------

def test_ended_registrant_no_longer_sees_the_match(login):
    register_as("leerkracht", DAAN)
    register_as("jgz", DAAN, name="Annemiek Kuiper", phone="0592 654321",
                email="a.kuiper@ggd.example")
    school = IndexRegistration.objects.get(organisation__slug="kristalla")
    match = register_as("cjg-demonden", DAAN, name="Piet Bakker").client_match
    teacher = professional("leerkracht")
    end_registration(teacher, actor_for(teacher, access_point="127.0.0.1"), school.uuid,
                     EndReason.RISK_GONE)

    url = f"/verwijsindex/matches/{match.uuid}/"
    assert login("leerkracht").get(url).status_code == 404
    assert f'href="{url}"' not in login("leerkracht").get("/verwijsindex/").content.decode()
    page = login("jgz").get(url).content.decode()
    assert "Piet Bakker" in page
    assert "Ingrid Hofstede" not in page  # the ended registration's contact is shown to nobody


def test_family_match_page_never_shows_or_links_the_parent(login):
    register_as("leerkracht", DAAN)
    match = register_as("jgz", EMMA).family_matches[0]
    parent = match.person
    assert parent.given_names and parent.uuid != find_person_by_bsn(DAAN).uuid
    for username in ("leerkracht", "jgz", "cjg-demonden", "regievoerder"):
        page = login(username).get(f"/verwijsindex/matches/{match.uuid}/").content.decode()
        assert "Gezinsmatch" in page, username
        assert str(parent.uuid) not in page, username
        assert f"/personen/{parent.uuid}/" not in page, username
        assert parent.given_names not in page, username


def test_regie_needs_the_municipality_regievoerder_not_just_the_role(login):
    match = match_on_daan()
    Match.objects.filter(pk=match.pk).update(escalated_at=match.created_at)
    impostor = professional("jgz")  # the GGD is no gemeente
    impostor.role = Role.CHAIN_DIRECTOR
    impostor.save(update_fields=["role"])
    client = login("jgz")
    assert client.get("/verwijsindex/regie/").status_code == 403
    assert client.post("/verwijsindex/regie/", {"actie": "besluit"}).status_code == 403
    assert "Opgeschaalde cliëntmatch zonder contact" not in client.get("/").content.decode()
    regievoerder = login("regievoerder")
    assert regievoerder.get("/verwijsindex/regie/").status_code == 200
    assert "Opgeschaalde cliëntmatch zonder contact" in regievoerder.get("/").content.decode()
