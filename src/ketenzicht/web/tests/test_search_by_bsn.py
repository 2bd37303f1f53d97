"""Finding a person by BSN: POST only, specific errors for a wrong BSN, one neutral 'not found'."""

from ketenzicht.people.services import reveal_bsn

NEUTRAL = "Geen persoon gevonden waarvoor u een grondslag heeft."


def test_search_by_bsn_never_puts_bsn_in_url(parties, verified_login):
    client = verified_login(parties.involved)
    bsn = reveal_bsn(parties.child)

    response = client.post("/zoeken/", {"bsn": bsn})

    assert response.status_code == 302
    assert response["Location"] == f"/personen/{parties.child.uuid}/"
    assert bsn not in response["Location"]
    page = client.get("/zoeken/").content.decode()
    assert 'method="post"' in page


def test_search_by_bsn_get_query_is_ignored(parties, verified_login):
    client = verified_login(parties.involved)
    response = client.get("/zoeken/", {"bsn": reveal_bsn(parties.child)})
    assert response.status_code == 200
    assert reveal_bsn(parties.child) not in response.content.decode()


def test_invalid_bsn_gives_dutch_error(parties, verified_login):
    client = verified_login(parties.involved)

    response = client.post("/zoeken/", {"bsn": "123456789"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "Dit BSN klopt niet: het voldoet niet aan de elfproef." in page
    assert 'aria-invalid="true"' in page
    assert 'aria-describedby="id_bsn_hulp id_bsn_fout"' in page
    assert 'id="id_bsn_fout"' in page
    assert 'href="#id_bsn"' in page  # the error summary links to the field
    too_short = client.post("/zoeken/", {"bsn": "12345"}).content.decode()
    assert "Een BSN heeft 9 cijfers." in too_short


def test_not_found_and_no_basis_give_the_same_message(parties, verified_login):
    client = verified_login(parties.stranger)

    no_basis = client.post("/zoeken/", {"bsn": reveal_bsn(parties.child)})
    unknown = client.post("/zoeken/", {"bsn": "999999990"})

    assert no_basis.status_code == unknown.status_code == 200
    assert NEUTRAL in no_basis.content.decode()
    assert NEUTRAL in unknown.content.decode()
