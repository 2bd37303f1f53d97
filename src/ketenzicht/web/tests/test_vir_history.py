"""The youth's verwijsindex history from the person page: a deliberate, audited look-up for a
professional whose organisation has an active registration on the youth (issue 3)."""

import pytest

from ketenzicht.access.models import BasisKind
from ketenzicht.access.services import grant_basis
from ketenzicht.audit.models import AuditEvent
from ketenzicht.audit.services import SYSTEM
from ketenzicht.people.services import find_person_by_bsn
from ketenzicht.verwijsindex.lifecycle import end_registration
from ketenzicht.verwijsindex.models import EndReason

from .vir_login import acting, logged_in, professional, register_as

DAAN = "999990019"
BUTTON = "Historie verwijsindex bekijken"


@pytest.fixture
def daan(db, settings):
    """Daan: the GGD's registration ended (risk gone, in the archive), the school's active."""
    from ketenzicht.demo.loader import load_demo

    settings.DEMO_MODE = True
    load_demo(households=3)
    ended = register_as("jgz", DAAN).registration
    end_registration(*acting("jgz"), ended.uuid, EndReason.RISK_GONE)
    register_as("leerkracht", DAAN)
    return find_person_by_bsn(DAAN)


def history_url(person) -> str:
    return f"/personen/{person.uuid}/verwijsindex-historie/"


def test_history_lookup_from_person_page_is_audited(daan):
    client = logged_in("leerkracht")
    assert BUTTON in client.get(f"/personen/{daan.uuid}/").content.decode()

    assert client.get(history_url(daan)).status_code == 405  # a look-up is a POST
    response = client.post(history_url(daan))
    assert response.status_code == 200
    html = response.content.decode()
    assert professional("jgz").organisation.name in html
    assert "Risico is weggenomen" in html

    event = AuditEvent.objects.get(object_type="verwijsindex-historie")
    assert (event.event_type, event.outcome) == ("read", "success")
    assert event.user_id == str(professional("leerkracht").uuid)
    assert event.client_pseudonym == str(daan.uuid)
    assert DAAN not in str(list(AuditEvent.objects.values()))


def test_history_button_hidden_without_active_registration(daan):
    # The team sees Daan through its case, but registered nothing.
    grant_basis(professional("cjg-demonden").organisation, daan, BasisKind.CASE, "casus",
                actor=SYSTEM)
    client = logged_in("cjg-demonden")
    page = client.get(f"/personen/{daan.uuid}/")
    assert page.status_code == 200
    assert BUTTON not in page.content.decode()
    assert client.post(history_url(daan)).status_code == 403
    assert AuditEvent.objects.filter(object_type="verwijsindex-historie").exists()  # still traced


def test_history_of_someone_out_of_view_is_the_404_page(daan):
    client = logged_in("cjg-emmenzuid")  # Daan lives in De Monden
    assert client.post(history_url(daan)).status_code == 404
    assert AuditEvent.objects.get(object_type="verwijsindex-historie").outcome == "denied"
