"""POST /api/v1/personen/zoeken: the BSN in the body; an answer only where there is a basis."""

from ketenzicht.access.models import BasisKind
from ketenzicht.access.services import grant_basis
from ketenzicht.audit.services import SYSTEM
from ketenzicht.demo.bsns import synthetic_bsns
from ketenzicht.people.services import reveal_bsn

from .conftest import without_instance

URL = "/api/v1/personen/zoeken"


def test_search_with_basis_returns_person_and_household(parties, api_for):
    response = api_for(parties.involved).post(URL, {"bsn": reveal_bsn(parties.child)}, format="json")

    assert response.status_code == 200
    body = response.json()
    assert body["persoon"] == {
        "uuid": str(parties.child.uuid),
        "voornamen": "Daan",
        "voorvoegsel": "de",
        "geslachtsnaam": "Vries",
        "geboortedatum": "2015-01-01",
        "overlijdensdatum": None,
        "huishouden": str(parties.household.uuid),
    }
    household = body["huishouden"]
    assert household["uuid"] == str(parties.household.uuid)
    assert household["naam"] == "De Vries"
    assert household["gebiedsregio"] == "de-monden"
    assert household["adres"]["postcode"] == "7881AB"
    assert {(m["uuid"], m["rol"]) for m in household["leden"]} == {
        (str(parties.child.uuid), "kind"), (str(parties.parent.uuid), "ouder"),
    }


def test_district_team_finds_a_resident_only_through_a_basis(parties, api_for):
    """Living in the team's district is no basis (need-to-know); the team's case is."""
    client = api_for(parties.district_team)
    assert client.post(URL, {"bsn": reveal_bsn(parties.parent)}, format="json").status_code == 404
    grant_basis(parties.district_team.organisation, parties.child, BasisKind.CASE, "casus-1",
                actor=SYSTEM)
    response = client.post(URL, {"bsn": reveal_bsn(parties.parent)}, format="json")
    assert response.status_code == 200
    assert response.json()["persoon"]["uuid"] == str(parties.parent.uuid)


def test_search_without_basis_is_404_like_missing(parties, api_for):
    client = api_for(parties.stranger)
    no_basis = client.post(URL, {"bsn": reveal_bsn(parties.child)}, format="json")
    nobodys_bsn = next(synthetic_bsns(first_serial=40_000))  # valid; below the factories' range
    missing = client.post(URL, {"bsn": nobodys_bsn}, format="json")

    assert no_basis.status_code == missing.status_code == 404
    assert no_basis["Content-Type"] == missing["Content-Type"] == "application/problem+json"
    assert without_instance(no_basis.json()) == without_instance(missing.json())


def test_invalid_bsn_gives_problem_json_400(parties, api_for):
    response = api_for(parties.involved).post(URL, {"bsn": "123456789"}, format="json")

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["invalidParams"] == [{
        "name": "bsn",
        "code": "bsn_checksum",
        "reason": "Dit BSN klopt niet: het voldoet niet aan de elfproef.",
    }]
    assert "123456789" not in response.content.decode()


def test_missing_bsn_gives_problem_json_400(parties, api_for):
    response = api_for(parties.involved).post(URL, {}, format="json")
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "bsn"
    assert response.json()["invalidParams"][0]["code"] == "required"


def test_search_answer_never_contains_the_bsn(parties, api_for):
    bsn = reveal_bsn(parties.child)
    response = api_for(parties.involved).post(URL, {"bsn": bsn}, format="json")
    assert response.status_code == 200
    assert bsn not in response.content.decode()
    assert reveal_bsn(parties.parent) not in response.content.decode()
