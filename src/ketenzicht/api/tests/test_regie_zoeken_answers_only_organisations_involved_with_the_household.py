"""POST /api/v1/regie/zoeken: who the household's regisseur is and how to reach them, for every
organisation with a basis on any member of the household — the regisseur's own, one involved
through another member, one only through a verwijsindex registration — and a 404 identical to an
unknown BSN for anyone else, audited; the BSN is never in a URL, an answer or a log line."""

import logging

import pytest

from ketenzicht.api.tests.conftest import without_instance
from ketenzicht.audit.models import AuditEvent, Outcome
from ketenzicht.leads.services import LeadChoice, Source, appoint
from ketenzicht.leads.tests.conftest import (  # noqa: F401 (the fixture)
    DAAN,
    EMMA,
    WEDNESDAY,
    acting,
    appoint_cjg,
    de_vries,
    emmen,
    professional,
)
from ketenzicht.people.services import find_person_by_bsn

URL = "/api/v1/regie/zoeken"


def _ask(api_for, username: str, bsn: str):
    return api_for(professional(username)).post(URL, {"bsn": bsn}, format="json")


@pytest.mark.parametrize("username, bsn", [
    ("cjg-demonden", DAAN),  # the regisseur's own organisation
    ("leerkracht", EMMA),  # the school of Daan, asked about his sister
    ("jgz", DAAN),  # only a verwijsindex registration on Emma
])
def test_every_involved_organisation_finds_the_regisseur(emmen, api_for, username, bsn):  # noqa: F811
    appoint_cjg()
    response = _ask(api_for, username, bsn)
    assert response.status_code == 200
    cjg = professional("cjg-demonden")
    assert response.json() == {
        "huishouden": str(de_vries().uuid),
        "regisseur": {"naam": cjg.display_name, "organisatie": "cjg-de-monden",
                      "telefoon": cjg.phone or cjg.organisation.phone,
                      "email": cjg.user.email or cjg.organisation.email},
        "oudersVoerenRegie": False,
        "sinds": "2026-11-25",
    }
    assert bsn not in response.content.decode()


def test_parents_keeping_regie_give_the_backup(emmen, api_for):  # noqa: F811
    by, actor = acting("cjg-demonden")
    appoint(by, actor, de_vries(), LeadChoice(professional=professional("jgz"),
                                              parents_keep_regie=True, agreements="Maandelijks bellen."),
            Source("gezinsplan"), now=WEDNESDAY)
    body = _ask(api_for, "leerkracht", DAAN).json()
    assert body["oudersVoerenRegie"] is True
    assert body["regisseur"]["organisatie"] == "ggd-drenthe"


def test_no_regisseur_yet_is_null(emmen, api_for):  # noqa: F811
    body = _ask(api_for, "leerkracht", DAAN).json()
    assert body == {"huishouden": str(de_vries().uuid), "regisseur": None,
                    "oudersVoerenRegie": False, "sinds": None}


def test_an_uninvolved_organisation_gets_the_answer_for_an_unknown_bsn_and_is_audited(
        emmen, api_for, caplog):  # noqa: F811
    appoint_cjg()
    with caplog.at_level(logging.DEBUG):
        refused = _ask(api_for, "ggz", DAAN)
        unknown = _ask(api_for, "ggz", "999999990")
    assert refused.status_code == unknown.status_code == 404
    assert refused["Content-Type"] == unknown["Content-Type"] == "application/problem+json"
    assert without_instance(refused.json()) == without_instance(unknown.json())
    assert AuditEvent.objects.filter(
        client_pseudonym=str(find_person_by_bsn(DAAN).uuid), object_type="regisseur",
        outcome=Outcome.DENIED, organisation="ggz-drenthe").count() == 1
    assert all(DAAN not in record.getMessage() and "999999990" not in record.getMessage()
               for record in caplog.records)


def test_a_look_up_is_audited_for_every_member(emmen, api_for):  # noqa: F811
    appoint_cjg()
    assert _ask(api_for, "leerkracht", DAAN).status_code == 200
    members = AuditEvent.objects.filter(object_type="regisseur", event_type="search",
                                        outcome=Outcome.SUCCESS, organisation="kristalla")
    assert members.count() == 4  # Daan, Emma, Anja, Marco


def test_an_invalid_bsn_is_a_400_without_the_bsn(emmen, api_for):  # noqa: F811
    response = _ask(api_for, "leerkracht", "123456789")
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "bsn"
    assert "123456789" not in response.content.decode()
