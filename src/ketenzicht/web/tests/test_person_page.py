"""The person page shows only what the professional may see; without a basis it is a 404."""

import uuid

from .conftest import without_csrf


def test_person_page_without_basis_is_404_like_missing(parties, verified_login):
    client = verified_login(parties.stranger)

    forbidden = client.get(f"/personen/{parties.child.uuid}/")
    missing = client.get(f"/personen/{uuid.uuid4()}/")
    unknown_url = client.get("/bestaat-niet/")

    assert forbidden.status_code == missing.status_code == unknown_url.status_code == 404
    assert without_csrf(forbidden.content) == without_csrf(missing.content)
    assert without_csrf(forbidden.content) == without_csrf(unknown_url.content)
    assert b"Daan" not in forbidden.content


def test_person_page_with_basis_shows_bsn_and_basis(parties, verified_login):
    from ketenzicht.people.services import reveal_bsn

    client = verified_login(parties.involved)
    response = client.get(f"/personen/{parties.child.uuid}/")

    assert response.status_code == 200
    page = response.content.decode()
    assert "Daan de Vries" in page
    assert reveal_bsn(parties.child) in page
    assert "U ziet deze persoon omdat:" in page
    assert "Cliënt van de organisatie" in page
    assert f"/huishoudens/{parties.household.uuid}/" in page
    assert "Anja de Vries" in page  # the parent, in view through the household


def test_person_page_names_only_relatives_in_view(parties, verified_login):
    from ketenzicht.people.services import relate
    from ketenzicht.people.tests.factories import PersonFactory

    elsewhere = PersonFactory(given_names="Jeroen", surname="Elders")
    relate(parties.child, elsewhere, "broer-zus")
    client = verified_login(parties.involved)

    page = client.get(f"/personen/{parties.child.uuid}/").content.decode()

    assert "Jeroen" not in page
    assert str(elsewhere.uuid) not in page
