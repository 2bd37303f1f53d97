"""Mijn signalen: every signal the professional gave, newest first, with where it stands (status,
desk, latest feedback); the aandachtsfunctionaris also sees the organisation's signals; a fixed
number of queries however many signals; every client listed is in the audit trail."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ketenzicht.audit.models import AuditEvent
from ketenzicht.signals import desks
from ketenzicht.signals.services import share_signal
from ketenzicht.signals.tests.conftest import (  # noqa: F401 (the fixture)
    ANJA,
    DAAN,
    EMMA,
    OFFICE_HOURS,
    PARENTS_CONSENT,
    SANNE,
    acting,
    emmen,
    signal_as,
)

from .conftest import last_event_id
from .signal_support import page, person, squash
from .vir_login import logged_in

pytestmark = pytest.mark.usefixtures("emmen")


def _shared_and_accepted():
    signal = signal_as("leerkracht", DAAN)
    route = share_signal(*acting("leerkracht"), signal, PARENTS_CONSENT, OFFICE_HOURS)
    desks.accept(*acting("cjg-demonden"), route, now=OFFICE_HOURS)
    return signal


def test_my_signals_newest_first_with_status_desk_and_latest_feedback():
    _shared_and_accepted()
    signal_as("leerkracht", EMMA, now=OFFICE_HOURS.replace(hour=11))
    client = logged_in("leerkracht")
    assert 'href="/signalen/">Mijn signalen</a>' in page(client, "/")

    html = squash(page(client, "/signalen/"))

    assert "<h1 class=\"utrecht-heading-1\">Mijn signalen</h1>" in html
    assert html.index("Emma de Vries") < html.index("Daan de Vries")
    assert "Nog niet gedeeld (voorstel: CJG-Jeugdteam De Monden)" in html
    assert ("Aangenomen door het loket</td> <td class=\"utrecht-table__cell\">CJG-Jeugdteam De "
            "Monden</td> <td class=\"utrecht-table__cell\">25-11-2026: Het loket heeft uw signaal "
            "aangenomen</td>") in html
    assert "Emotionele verwaarlozing" in html
    assert DAAN not in html and EMMA not in html
    assert "Signalen van RK/PC Jenaplan BO Kristalla" not in html  # not an aandachtsfunctionaris


def test_safeguarding_lead_also_sees_the_organisations_signals():
    signal_as("leerkracht", DAAN)
    html = page(logged_in("aandacht-kristalla"), "/signalen/")
    assert "U heeft nog geen signalen afgegeven." in html
    assert "Signalen van RK/PC Jenaplan BO Kristalla" in html and "Daan de Vries" in html
    assert "Ingrid Hofstede" in html  # the colleague who gave it


def test_other_professionals_do_not_see_someone_elses_signals():
    signal_as("leerkracht", DAAN)
    html = page(logged_in("cjg-demonden"), "/signalen/")
    assert "Daan de Vries" not in html


def test_the_listing_is_audited_for_every_client_shown():
    signal_as("leerkracht", DAAN)
    signal_as("leerkracht", EMMA)
    mark = last_event_id()
    page(logged_in("leerkracht"), "/signalen/")
    listed = set(AuditEvent.objects.filter(id__gt=mark, object_type="signalen-overzicht")
                 .values_list("client_pseudonym", flat=True))
    assert listed == {str(person(DAAN).uuid), str(person(EMMA).uuid)}


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/signalen/").status_code == 200
    return len(captured.captured_queries)


def test_my_signals_take_a_fixed_number_of_queries(django_assert_max_num_queries):
    _shared_and_accepted()
    client = logged_in("aandacht-kristalla")
    signal_as("aandacht-kristalla", EMMA)
    few = _queries(client)
    for bsn in (DAAN, EMMA, ANJA, SANNE):
        signal_as("aandacht-kristalla", bsn)
        signal_as("leerkracht", bsn)
    many = _queries(client)
    assert many == few, f"{few} queries for 2 signals, {many} for 10"
    with django_assert_max_num_queries(30):
        client.get("/signalen/")
