"""A signal makes its organisation involved with the household of the person it is about (issue 9
§7): the JGZ that signalled about Sanne Jansen finds the Jansen household's regisseur through
`POST /api/v1/regie/zoeken` (for Sanne and for the other members), without any access basis — a
signal still opens neither Sanne's nor the household's record. An uninvolved organisation gets
the 404 of an unknown BSN, audited."""

import pytest

from ketenzicht.access.models import AccessBasis, BasisKind
from ketenzicht.access.services import grant_basis
from ketenzicht.api.tests.conftest import without_instance
from ketenzicht.audit.models import AuditEvent, Outcome
from ketenzicht.audit.services import SYSTEM
from ketenzicht.demo.dataset import EXAMPLE_BSNS
from ketenzicht.demo.tests.stage import WEDNESDAY, acting, load_emmen, professional
from ketenzicht.leads.services import LeadChoice, Source, appoint
from ketenzicht.people.services import current_household, current_members, find_person_by_bsn
from ketenzicht.signals.access import signalling_organisation_ids
from ketenzicht.signals.services import SignalRequest, record_signal

URL = "/api/v1/regie/zoeken"
SANNE, LUCAS, PETER = EXAMPLE_BSNS["sanne"], EXAMPLE_BSNS["lucas"], EXAMPLE_BSNS["peter"]


@pytest.fixture
def jansen(db, settings):
    """The Jansen household with the CJG-Jeugdteam De Velden (a case) and its regisseur."""
    load_emmen(settings)
    sanne = find_person_by_bsn(SANNE)
    team = professional("cjg-develden")
    grant_basis(team.organisation, sanne, BasisKind.CASE, "casus-test", actor=SYSTEM)
    appoint(*acting("cjg-develden"), current_household(sanne),
            LeadChoice(professional=team, family_preference="Peter wil Jorien als aanspreekpunt."),
            Source("gezinsplan"), now=WEDNESDAY)
    return current_household(sanne)


def _signal(username: str, bsn: str = SANNE) -> None:
    record_signal(*acting(username), SignalRequest(
        bsn=bsn, categories=("schoolverzuim",), urgency="regulier",
        facts="Verzuimt sinds de herfstvakantie veel."), WEDNESDAY)


def _ask(api_for, username: str, bsn: str):
    return api_for(professional(username)).post(URL, {"bsn": bsn}, format="json")


@pytest.mark.parametrize("username", ["jgz", "vrijwilliger"])
def test_a_signaller_finds_the_regisseur_of_the_household_of_the_person_it_signalled_about(
        jansen, api_for, username):
    organisation = professional(username).organisation
    members = [person.pk for person in current_members(jansen)]
    assert not AccessBasis.objects.filter(organisation=organisation, person_id__in=members).exists()
    assert _ask(api_for, username, SANNE).status_code == 404  # before its signal: not involved
    _signal(username)
    assert not AccessBasis.objects.filter(organisation=organisation, person_id__in=members).exists()
    team = professional("cjg-develden")
    for bsn in (SANNE, LUCAS, PETER):
        response = _ask(api_for, username, bsn)
        assert response.status_code == 200, bsn
        assert response.json() == {
            "huishouden": str(jansen.uuid),
            "regisseur": {"naam": team.display_name, "organisatie": "cjg-de-velden",
                          "telefoon": team.phone or team.organisation.phone,
                          "email": team.user.email or team.organisation.email},
            "oudersVoerenRegie": False,
            "sinds": "2026-11-25",
        }
    assert AuditEvent.objects.filter(object_type="regisseur", event_type="search", outcome=Outcome.SUCCESS,
                                     organisation=organisation.slug).count() == 3 * len(members)


def test_the_signal_still_opens_neither_the_person_nor_the_household(jansen, api_for):
    _signal("jgz")
    client = api_for(professional("jgz"))
    assert client.get(f"/api/v1/personen/{find_person_by_bsn(SANNE).uuid}").status_code == 404
    assert client.get(f"/api/v1/huishoudens/{jansen.uuid}").status_code == 404


def test_an_uninvolved_organisation_gets_the_answer_for_an_unknown_bsn(jansen, api_for):
    _signal("jgz")
    refused, unknown = _ask(api_for, "ggz", SANNE), _ask(api_for, "ggz", "999999990")
    assert refused.status_code == unknown.status_code == 404
    assert without_instance(refused.json()) == without_instance(unknown.json())
    assert AuditEvent.objects.filter(
        client_pseudonym=str(find_person_by_bsn(SANNE).uuid), object_type="regisseur",
        outcome=Outcome.DENIED, organisation="ggz-drenthe").count() == 1


def test_a_signal_about_someone_of_another_household_is_no_involvement_with_this_one(jansen, api_for):
    _signal("jgz", bsn=EXAMPLE_BSNS["daan"])
    assert _ask(api_for, "jgz", SANNE).status_code == 404


def test_the_signalling_organisations_are_found_in_one_query(jansen, django_assert_num_queries):
    _signal("jgz")
    _signal("vrijwilliger", bsn=LUCAS)
    with django_assert_num_queries(1):
        found = signalling_organisation_ids(jansen)
    assert found == {professional("jgz").organisation_id, professional("vrijwilliger").organisation_id}
