"""Verwijsindex in cijfers: aggregates for the municipality's policy officers, regievoerder and
the inspectors (issue 3 item 9); never a youth, and nothing for client professionals."""

import pytest

from ketenzicht.people.services import find_person_by_bsn

from .vir_login import logged_in, register_as

DAAN, MILA = "999990019", "999990123"
URL = "/verwijsindex/cijfers/"


@pytest.fixture
def emmen(db, settings):
    from ketenzicht.demo.loader import load_demo

    settings.DEMO_MODE = True
    load_demo(households=3)
    register_as("leerkracht", DAAN)
    register_as("jgz", DAAN)  # a match in De Monden
    register_as("cjg-emmenzuid", MILA)


def cells(html: str) -> str:
    return " ".join(html.split())


def test_figures_page_shows_aggregates_for_policy_officer(emmen):
    response = logged_in("beleid").get(URL)
    assert response.status_code == 200
    html = cells(response.content.decode())
    assert 'href="/verwijsindex/cijfers/" aria-current="page"' in html  # in the navigation
    assert "Gemeente Emmen" in html
    assert ('<th scope="row" class="utrecht-table__header-cell">School</th> '
            '<td class="utrecht-table__cell">De Monden</td> '
            '<td class="utrecht-table__cell utrecht-table__cell--numeric">1</td>') in html
    assert '<th scope="row" class="utrecht-table__header-cell">De Monden</th>' in html  # matches
    assert "Opvolgingspercentage" in html and ">0%<" in html


@pytest.mark.parametrize("username", ["regievoerder", "beheer", "inspecteur"])
def test_figures_page_is_open_to_regievoerder_beheer_and_inspectors(emmen, username):
    response = logged_in(username).get(URL, {"gemeente": "emmen"})
    assert response.status_code == 200
    assert "Emmen Zuid" in response.content.decode()


def test_inspector_chooses_among_existing_municipalities(emmen):
    client = logged_in("inspecteur")
    html = client.get(URL, {"gemeente": "bestaat-niet"}).content.decode()
    assert '<option value="emmen" selected>' in html  # falls back to the first


@pytest.mark.parametrize("username", ["leerkracht", "jgz", "cjg-demonden", "teamleider-demonden"])
def test_figures_page_forbidden_for_client_professionals(emmen, username):
    client = logged_in(username)
    assert client.get(URL).status_code == 403
    assert 'href="/verwijsindex/cijfers/"' not in client.get("/").content.decode()


def test_figures_page_shows_no_youth(emmen):
    html = logged_in("inspecteur").get(URL).content.decode()
    for bsn in (DAAN, MILA):
        person = find_person_by_bsn(bsn)
        for value in (bsn, str(person.uuid), person.full_name, person.given_names):
            assert value not in html
    assert "/personen/" not in html and "/verwijsindex/matches/" not in html
