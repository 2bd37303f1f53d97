"""GET personen/{uuid} and huishoudens/{uuid}: 404 identical for missing and for no basis."""

import uuid

from .conftest import without_instance


def test_person_with_basis_is_readable(parties, api_for):
    response = api_for(parties.involved).get(f"/api/v1/personen/{parties.parent.uuid}")
    assert response.status_code == 200
    assert response.json()["geslachtsnaam"] == "Vries"
    assert response.json()["huishouden"] == str(parties.household.uuid)


def test_person_without_basis_is_404_like_missing(parties, api_for):
    client = api_for(parties.stranger)
    no_basis = client.get(f"/api/v1/personen/{parties.child.uuid}")
    missing = client.get(f"/api/v1/personen/{uuid.uuid4()}")
    assert no_basis.status_code == missing.status_code == 404
    assert without_instance(no_basis.json()) == without_instance(missing.json())


def test_household_with_basis_lists_current_members(parties, api_for):
    response = api_for(parties.involved).get(f"/api/v1/huishoudens/{parties.household.uuid}")
    assert response.status_code == 200
    assert len(response.json()["leden"]) == 2


def test_household_without_basis_is_404_like_missing(parties, api_for):
    client = api_for(parties.stranger)
    no_basis = client.get(f"/api/v1/huishoudens/{parties.household.uuid}")
    missing = client.get(f"/api/v1/huishoudens/{uuid.uuid4()}")
    assert no_basis.status_code == missing.status_code == 404
    assert without_instance(no_basis.json()) == without_instance(missing.json())


def test_policy_officer_gets_404_for_a_client(parties, api_for):
    parties.involved.role = "beleidsmedewerker"
    parties.involved.save()
    response = api_for(parties.involved).get(f"/api/v1/personen/{parties.child.uuid}")
    assert response.status_code == 404
