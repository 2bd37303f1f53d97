"""The Postvak holds what was shared with this desk, nothing else; another desk, the signaller and
a stranger get the same 404 on a route page as for a route that does not exist."""

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ketenzicht.audit.models import AuditEvent, Outcome
from ketenzicht.people.services import find_person_by_bsn
from ketenzicht.signals.tests.conftest import (  # noqa: F401 (the fixture)
    ANJA,
    DAAN,
    EMMA,
    NOAH,
    SANNE,
    emmen,
    signal_as,
)

from .conftest import events_since, last_event_id, without_csrf
from .desk_support import FOR_SAFETY, shared_signal
from .vir_login import logged_in

pytestmark = pytest.mark.usefixtures("emmen")


def test_inbox_lists_the_routes_shared_with_this_desk_only():
    daan = shared_signal(bsn=DAAN)
    shared_signal(bsn=NOAH)  # Emmen Oost: another CJG-Jeugdteam
    signal_as("leerkracht", EMMA)  # recorded, not shared: still the signaller's

    page = logged_in("cjg-demonden").get("/loket/").content.decode()

    assert daan.desk.slug == "cjg-de-monden"
    assert f'href="/loket/{daan.uuid}/"' in page
    assert "Daan de Vries" in page and "Jenaplan" in page
    assert "Noah" not in page and "Emma" not in page
    assert "Postvak" in page


def test_inbox_listing_is_audited_for_every_person_shown():
    route = shared_signal(bsn=DAAN)
    client = logged_in("cjg-demonden")
    mark = last_event_id()

    client.get("/loket/")

    listed = [e for e in events_since(mark) if e.object_type == "loket-postvak"]
    assert [e.client_pseudonym for e in listed] == [str(route.signal.person.uuid)]


def test_route_page_of_another_desk_is_404_like_a_missing_route():
    route = shared_signal(bsn=DAAN)
    for username in ("cjg-emmenzuid", "leerkracht", "beleid"):
        client = logged_in(username)
        mark = last_event_id()
        refused = client.get(f"/loket/{route.uuid}/")
        missing = client.get(f"/loket/{uuid.uuid4()}/")

        assert refused.status_code == missing.status_code == 404, username
        assert without_csrf(refused.content) == without_csrf(missing.content), username
        denied = [e for e in events_since(mark) if e.outcome == Outcome.DENIED]
        assert denied[0].client_pseudonym == str(route.signal.person.uuid), username
        # Nor can anyone else act on it.
        assert client.post(f"/loket/{route.uuid}/aannemen/").status_code == 404, username
    route.refresh_from_db()
    assert route.status == "gedeeld"


def test_route_page_shows_the_signal_as_the_desk_received_it():
    route = shared_signal(bsn=DAAN, statements=())
    page = logged_in("cjg-demonden").get(f"/loket/{route.uuid}/").content.decode()

    daan = find_person_by_bsn(DAAN)
    assert f'href="/personen/{daan.uuid}/"' in page
    assert "12 mei 2017" in page  # date of birth
    assert "Emotionele verwaarlozing" in page
    assert "Daan komt al een week zonder jas" in page
    assert "Ingrid Hofstede" in page  # the signaller, a chain partner to call
    assert "Met toestemming van ouders of gezagdragers" in page
    assert "niet die van de school" in page  # the system's reason
    assert "Aannemen" in page
    assert AuditEvent.objects.filter(object_type="signaal-route", object_id=str(route.uuid),
                                     outcome=Outcome.SUCCESS).exists()


def test_postvak_in_the_navigation_of_desks_only():
    assert 'href="/loket/"' in logged_in("cjg-demonden").get("/").content.decode()
    assert 'href="/loket/"' in logged_in("veiligthuis").get("/").content.decode()
    assert 'href="/loket/"' not in logged_in("leerkracht").get("/").content.decode()


def _inbox_queries(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/loket/").status_code == 200
    return len(captured.captured_queries)


def test_inbox_is_a_fixed_number_of_queries(django_assert_max_num_queries):
    shared_signal(bsn=DAAN)
    client = logged_in("cjg-demonden")
    few = _inbox_queries(client)
    for bsn in (EMMA, ANJA):
        shared_signal(bsn=bsn, share=FOR_SAFETY)
    shared_signal("jgz", SANNE, share=FOR_SAFETY)  # De Velden: not this desk
    many = _inbox_queries(client)
    assert many == few, f"{few} queries for one route, {many} for three"
    with django_assert_max_num_queries(25):
        client.get("/loket/")
