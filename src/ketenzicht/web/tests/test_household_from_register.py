"""The person page asks the population register (BRP) for the household, for those who may see."""

import pytest

from ketenzicht.access.models import AccessBasis
from ketenzicht.audit.models import AuditEvent, EventType, Outcome
from ketenzicht.organisations.tests.factories import OrganisationFactory, ProfessionalFactory
from ketenzicht.people.models import Person
from ketenzicht.people.services import current_household, current_members
from ketenzicht.people.tests.factories import PersonFactory

from .conftest import events_since, last_event_id, without_csrf

#: Daan de Vries of the demo dataset; the demo register knows his household (Emma, Anja, Marco).
DAAN = "999990019"
BUTTON = "Huishouden bijwerken uit de BRP"
SUCCESS = "Het huishouden is bijgewerkt uit de basisregistratie personen."


@pytest.fixture
def demo_register(settings):
    settings.KETENZICHT_POPULATION_REGISTER = "demo"
    settings.KETENZICHT_DEMO_HOUSEHOLDS = 0  # only the five example households: fast


@pytest.fixture
def daan(db):
    """Daan is known to Ketenzicht (a school registered him), his household not yet."""
    return PersonFactory(bsn=DAAN, given_names="Daan", surname_prefix="de", surname="Vries")


@pytest.fixture
def school(daan):
    school = OrganisationFactory(slug="kristalla", name="Kristalla")
    AccessBasis.objects.create(organisation=school, person=daan, kind="client")
    return ProfessionalFactory(organisation=school, user__username="juf")


def refresh_url(person) -> str:
    return f"/personen/{person.uuid}/huishouden-bijwerken/"


def test_person_page_offers_the_button(daan, school, verified_login):
    page = verified_login(school).get(f"/personen/{daan.uuid}/").content.decode()
    assert BUTTON in page
    assert f'action="{refresh_url(daan)}"' in page


def test_button_brings_the_household_into_view(daan, school, verified_login, demo_register):
    client = verified_login(school)
    mark = last_event_id()

    response = client.post(refresh_url(daan))

    assert response.status_code == 302 and response["Location"] == f"/personen/{daan.uuid}/"
    household = current_household(daan)
    assert household is not None and household.name == "De Vries"
    assert {m.person.given_names for m in current_members(household)} == {
        "Daan", "Emma", "Anja", "Marco"}
    page = client.get(response["Location"]).content.decode()
    assert SUCCESS in page
    assert f"/huishoudens/{household.uuid}/" in page
    events = events_since(mark)
    assert (events[0].event_type, events[0].outcome) == (EventType.READ, Outcome.SUCCESS)
    assert events[0].client_pseudonym == str(daan.uuid)
    written = {e.client_pseudonym for e in events if e.event_type in (EventType.CREATE,
                                                                       EventType.UPDATE)}
    assert written == {str(p.uuid) for p in Person.objects.all()}
    assert all(e.user_id == str(school.uuid) for e in events)


def test_register_error_is_shown_in_dutch(school, verified_login, demo_register):
    unknown = PersonFactory(given_names="Onbekend")  # a BSN the demo register does not know
    AccessBasis.objects.create(organisation=school.organisation, person=unknown, kind="client")
    client = verified_login(school)

    response = client.post(refresh_url(unknown), follow=True)

    page = response.content.decode()
    assert "Dit BSN komt niet voor in de basisregistratie personen." in page
    assert "utrecht-alert--error" in page
    assert current_household(unknown) is None


def test_stranger_gets_the_404_and_nothing_is_asked(daan, school, verified_login, client,
                                                    demo_register):
    stranger = ProfessionalFactory(organisation=OrganisationFactory(slug="domesta"),
                                   user__username="vreemde")
    verified_login(stranger)
    missing = client.get("/personen/00000000-0000-0000-0000-000000000000/")
    mark = last_event_id()

    response = client.post(refresh_url(daan))

    assert response.status_code == missing.status_code == 404
    assert without_csrf(response.content) == without_csrf(missing.content)
    assert current_household(daan) is None
    (denied,) = events_since(mark)
    assert (denied.event_type, denied.outcome) == (EventType.READ, Outcome.DENIED)
    assert not AuditEvent.objects.filter(event_type=EventType.CREATE).exists()


def test_refresh_is_post_only(daan, school, verified_login):
    assert verified_login(school).get(refresh_url(daan)).status_code == 405


def test_no_transaction_waits_on_the_register():
    """An open transaction would hold an audit chain's lock for as long as the BRP takes."""
    from ketenzicht.web.views.clients import person_household_refresh

    assert "default" in person_household_refresh._non_atomic_requests
