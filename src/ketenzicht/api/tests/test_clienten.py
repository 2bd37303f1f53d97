"""``POST /api/v1/clienten`` and ``POST /api/v1/clienten/{uuid}/beeindigen``: an adult-care
system makes a person its client (201, or 200 when already one), which opens the kindcheck; a
bad BSN is a 400, an organisation type that does no kindcheck gets 403, ending a relation that
does not exist is a 404; every attempt is audited."""

import uuid

import pytest

from ketenzicht.access.models import AccessBasis, BasisKind
from ketenzicht.audit.models import AuditEvent, Outcome
from ketenzicht.signals.tests.conftest import ANJA, DAAN, LINDA, NOAH
from ketenzicht.signals.tests.support import person

from .signalen_support import api_fixture, emmen  # noqa: F401 (fixtures)

pytestmark = pytest.mark.usefixtures("emmen")
CLIENTS = "/api/v1/clienten"


def _end(client, person_uuid):
    return client.post(f"{CLIENTS}/{person_uuid}/beeindigen")


def _client_bases(bsn: str):
    return AccessBasis.objects.filter(person=person(bsn), kind=BasisKind.CLIENT, ended_at=None)


def test_a_new_client_is_201_with_the_persons_uuid_and_again_200(api):
    ggz = api("ggz")
    first = ggz.post(CLIENTS, {"bsn": ANJA}, format="json")
    assert first.status_code == 201, first.content
    anja = person(ANJA)
    assert first.json() == {
        "uuid": str(anja.uuid), "voornamen": anja.given_names, "voorvoegsel": "de",
        "geslachtsnaam": "Vries", "geboortedatum": "1985-09-21", "overlijdensdatum": None,
        "organisatie": "ggz-drenthe"}
    assert first["Location"] == f"/api/v1/personen/{anja.uuid}"
    assert ANJA not in first.content.decode()

    again = ggz.post(CLIENTS, {"bsn": ANJA}, format="json")
    assert again.status_code == 200 and again.json()["uuid"] == str(anja.uuid)
    assert _client_bases(ANJA).filter(organisation__slug="ggz-drenthe").count() == 1
    # Now the kindcheck's client: Anja and her household (her son Daan) are in view.
    assert ggz.get(f"/api/v1/personen/{person(DAAN).uuid}").status_code == 200


@pytest.mark.parametrize(("body", "code"), [
    ({"bsn": "123456789"}, "bsn-ongeldig"),
    ({"bsn": NOAH}, "geen-volwassene"),
])
def test_a_bad_bsn_or_a_youth_is_a_400_problem(api, body, code):
    response = api("ggz").post(CLIENTS, body, format="json")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["invalidParams"][0]["code"] == code


def test_an_organisation_type_that_does_no_kindcheck_gets_403_and_it_is_audited(api):
    response = api("leerkracht").post(CLIENTS, {"bsn": ANJA}, format="json")
    assert response.status_code == 403
    assert response.json()["code"] == "geen-volwassenenzorg"
    assert not _client_bases(ANJA).exists()
    assert AuditEvent.objects.get(object_type="client").outcome == Outcome.DENIED


def test_ending_the_relation_is_204_and_then_404(api):
    ggz = api("ggz")
    linda = person(LINDA)
    assert _end(ggz, linda.uuid).status_code == 204
    assert not _client_bases(LINDA).exists()
    assert ggz.get(f"/api/v1/personen/{linda.uuid}").status_code == 404
    second = _end(ggz, linda.uuid)
    assert second.status_code == 404 and second.json()["code"] == "niet-gevonden"
    assert _end(ggz, uuid.uuid4()).status_code == 404  # the same answer as for nobody
    denied = AuditEvent.objects.filter(object_type="client", outcome=Outcome.DENIED)
    assert list(denied.values_list("client_pseudonym", flat=True).order_by("id")) == [
        str(linda.uuid), ""]


def test_another_organisation_cannot_end_ggzs_client(api):
    assert _end(api("leerkracht"), person(LINDA).uuid).status_code == 403
    assert _client_bases(LINDA).exists()
