"""The household page: address, district and members, or the same 404 as a missing one."""

import uuid

from .conftest import without_csrf


def test_household_page_without_basis_is_404_like_missing(parties, verified_login):
    client = verified_login(parties.stranger)

    forbidden = client.get(f"/huishoudens/{parties.household.uuid}/")
    missing = client.get(f"/huishoudens/{uuid.uuid4()}/")

    assert forbidden.status_code == missing.status_code == 404
    assert without_csrf(forbidden.content) == without_csrf(missing.content)
    assert b"De Vries" not in forbidden.content


def test_household_page_with_basis_lists_members(parties, verified_login):
    client = verified_login(parties.involved)
    response = client.get(f"/huishoudens/{parties.household.uuid}/")

    assert response.status_code == 200
    page = response.content.decode()
    assert "De Monden" in page
    assert "Daan de Vries" in page and "Anja de Vries" in page
    assert f"/personen/{parties.child.uuid}/" in page
