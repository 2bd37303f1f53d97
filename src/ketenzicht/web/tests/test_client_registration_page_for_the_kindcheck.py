"""The client registration page of adult care: a BSN makes the person the organisation's client
(then the kindcheck is on their page); the person page ends the relation, after which the person
is gone from view; other organisations get neither page."""

import pytest

from ketenzicht.access.models import AccessBasis, BasisKind
from ketenzicht.signals.tests.conftest import ANJA, LINDA, emmen  # noqa: F401 (the fixture)

from .signal_support import error_of, page, person
from .vir_login import logged_in

pytestmark = pytest.mark.usefixtures("emmen")


def test_adult_care_registers_a_client_and_the_kindcheck_appears():
    ggz = logged_in("ggz")
    assert "Een nieuwe cliënt inschrijven (voor de kindcheck)" in page(ggz, "/zoeken/")
    anja = person(ANJA)

    response = ggz.post("/clienten/inschrijven/", {"bsn": ANJA})

    assert response.status_code == 302 and response["Location"] == f"/personen/{anja.uuid}/"
    html = page(ggz, response["Location"])
    assert "Anja de Vries is ingeschreven als cliënt van GGZ Drenthe" in html
    assert f"/personen/{anja.uuid}/kindcheck/" in html and "Cliëntrelatie beëindigen" in html
    again = page(ggz, ggz.post("/clienten/inschrijven/", {"bsn": ANJA})["Location"])
    assert "Anja de Vries was al cliënt van GGZ Drenthe" in again


def test_a_youth_or_a_bad_bsn_is_told_next_to_the_field():
    ggz = logged_in("ggz")
    html = ggz.post("/clienten/inschrijven/", {"bsn": "999990056"}).content.decode()  # Noah
    assert error_of(html, "client_bsn").startswith("Alleen een volwassene wordt cliënt")


def test_ending_the_relation_takes_the_client_out_of_view():
    ggz = logged_in("ggz")
    linda = person(LINDA)
    assert ggz.post(f"/personen/{linda.uuid}/client-beeindigen/").status_code == 302
    assert not AccessBasis.objects.filter(person=linda, kind=BasisKind.CLIENT, ended_at=None).exists()
    assert ggz.get(f"/personen/{linda.uuid}/").status_code == 404
    assert ggz.post(f"/personen/{linda.uuid}/client-beeindigen/").status_code == 404


def test_other_organisations_get_neither_page():
    school = logged_in("leerkracht")
    assert "cliënt inschrijven" not in page(school, "/zoeken/")
    assert school.get("/clienten/inschrijven/").status_code == 403
    assert school.post(f"/personen/{person(LINDA).uuid}/client-beeindigen/").status_code == 403
