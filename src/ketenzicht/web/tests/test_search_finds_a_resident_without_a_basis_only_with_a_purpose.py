"""The search page of a district team: a person is found only through a basis; a resident without
one only with a purpose (an application or a signal) and a reason, both audited, showing the name
and date of birth and the next step — recording the application gives the team the household."""

import pytest

from ketenzicht.audit.models import AuditEvent, Outcome
from ketenzicht.demo.dataset import DemoPerson, generate
from ketenzicht.people.models import Person
from ketenzicht.people.services import find_person_by_bsn
from ketenzicht.plans.applications import ApplicationRequest, record_application
from ketenzicht.plans.models import Applicant, Channel
from ketenzicht.signals.tests.conftest import DAAN, NOAH, emmen  # noqa: F401 (the fixture)

from .signal_support import page, person
from .vir_login import acting, logged_in

pytestmark = pytest.mark.usefixtures("emmen")
REASON = "Moeder belt: Daan slaapt slecht en is vaak boos."


def _find(client, bsn: str, doel: str = "aanmelding", reden: str = REASON):
    return client.post("/zoeken/inwoner/", {"bsn": bsn, "doel": doel, "reden": reden})


def test_without_a_basis_the_team_finds_nobody_and_its_person_page_is_404():
    cjg = logged_in("cjg-demonden")
    daan = person(DAAN)
    html = cjg.post("/zoeken/", {"bsn": DAAN}).content.decode()
    assert "Geen persoon gevonden waarvoor u een grondslag heeft." in html
    assert cjg.get(f"/personen/{daan.uuid}/").status_code == 404
    denied = AuditEvent.objects.filter(client_pseudonym=str(daan.uuid), outcome=Outcome.DENIED)
    assert set(denied.values_list("event_type", flat=True)) == {"search", "read"}


def test_the_purposeful_search_shows_name_and_birth_date_only_and_is_audited_with_its_reason():
    cjg = logged_in("cjg-demonden")
    daan = person(DAAN)
    html = _find(cjg, DAAN).content.decode()

    assert "Gevonden: Daan de Vries" in html and "12 mei 2017" in html
    for more in ("Anja", "Marco", "Emma", "Huishouden De Vries", "7881"):
        assert more not in html  # no household, parents, siblings, address
    assert 'action="/signalen/nieuw/"' not in html  # the purpose was an application
    event = AuditEvent.objects.get(object_type="inwoner-met-doel")
    assert (event.outcome, event.client_pseudonym) == (Outcome.SUCCESS, str(daan.uuid))
    assert event.purpose == f"zoeken voor aanmelding: {REASON}"
    assert cjg.get(f"/personen/{daan.uuid}/").status_code == 404  # finding opens nothing


def test_recording_the_application_then_gives_the_team_the_household():
    cjg = logged_in("cjg-demonden")
    _find(cjg, DAAN)
    record_application(*acting("cjg-demonden"), ApplicationRequest(
        bsn=DAAN, applicant=Applicant.PARENT, channel=Channel.PHONE, question=REASON))
    assert "Huishouden De Vries" in page(cjg, f"/personen/{person(DAAN).uuid}/")


def test_for_a_signal_the_bsn_goes_on_in_the_signal_forms_post_body():
    cjg = logged_in("cjg-demonden")
    html = _find(cjg, DAAN, "signaal", "De buurvrouw belt over Daan.").content.decode()
    assert 'action="/signalen/nieuw/"' in html and f'value="{DAAN}"' in html
    form = cjg.post("/signalen/nieuw/", {"bsn": DAAN, "vooraf": "1"})
    assert form.status_code == 200
    assert f'value="{DAAN}"' in form.content.decode()  # prefilled, not yet recorded
    assert "Er is iets niet goed gegaan" not in form.content.decode()


def resident_of_de_monden_only_in_the_brp() -> DemoPerson:
    """A resident of De Monden in a generated household beyond the three the test demo loaded."""
    for household in generate(40).households:
        resident = household.members[0].person
        if household.district_slug == "de-monden" and find_person_by_bsn(resident.bsn) is None:
            return resident
    raise AssertionError("no generated household in De Monden")


def test_a_resident_only_in_the_brp_is_found_without_storing_anything():
    resident = resident_of_de_monden_only_in_the_brp()
    persons = Person.objects.count()
    html = _find(logged_in("cjg-demonden"), resident.bsn).content.decode()
    assert f"Gevonden: {resident.given_names}" in html
    assert Person.objects.count() == persons


def test_a_resident_of_another_district_and_an_empty_reason_are_told_on_the_search_page():
    cjg = logged_in("cjg-demonden")
    html = _find(cjg, NOAH).content.decode()  # Noah lives in Emmen Oost
    assert "Geen inwoner van uw gebiedsregio gevonden met dit BSN." in html
    html = _find(cjg, DAAN, reden="").content.decode()
    assert "Noteer waarom u deze inwoner zoekt" in html


def test_an_organisation_that_is_no_district_team_gets_no_such_search_and_is_refused():
    school = logged_in("leerkracht")
    assert "Een inwoner zoeken voor een aanmelding of signaal" not in page(school, "/zoeken/")
    assert _find(school, DAAN).status_code == 403
    assert AuditEvent.objects.get(object_type="inwoner-met-doel").outcome == Outcome.DENIED
