"""Veilig Thuis gets an advice request (adviesvraag) without the person's name: the Postvak and the
route page show the concern and who asks, never whom it is about; the listing is no read of the
person; the files are not offered; the outcomes are advice or end, never a handover."""

import pytest

from ketenzicht.audit.models import AuditEvent
from ketenzicht.signals.models import Attachment, RouteStatus
from ketenzicht.signals.tests.conftest import emmen  # noqa: F401 (the fixture)

from .desk_support import ADVICE_QUESTION, advice_request
from .vir_login import logged_in

pytestmark = pytest.mark.usefixtures("emmen")

DAANS_NAME = ("Daan", "de Vries", "12 mei 2017")


def test_inbox_shows_an_advice_request_without_name():
    route = advice_request()
    page = logged_in("veiligthuis").get("/loket/").content.decode()

    assert f'href="/loket/{route.uuid}/"' in page
    assert "Adviesvraag zonder naam" in page
    for part in DAANS_NAME:
        assert part not in page, part
    assert not AuditEvent.objects.filter(object_type="loket-postvak").exists()


def test_route_page_of_an_advice_request_shows_its_question_not_the_signals_facts():
    """The signal's facts name Daan; Veilig Thuis sees only the question asked without names."""
    route = advice_request()
    assert "Daan" in route.signal.facts
    page = logged_in("veiligthuis").get(f"/loket/{route.uuid}/").content.decode()

    assert ADVICE_QUESTION in page and "Ingrid Hofstede" in page
    assert route.signal.facts not in page
    assert "Niet nodig: adviesvraag zonder naam" in page
    for part in DAANS_NAME:
        assert part not in page, part
    assert f"/personen/{route.signal.person.uuid}/" not in page


def test_files_of_an_advice_request_are_not_offered_nor_served():
    route = advice_request()
    attachment = Attachment.objects.create(
        signal=route.signal, content=b"%PDF-1.4 Daan de Vries", name="daan.pdf",
        content_type="application/pdf", size=22, uploaded_by=route.signal.signaller,
        uploaded_at=route.shared_at)
    client = logged_in("veiligthuis")

    assert "daan.pdf" not in client.get(f"/loket/{route.uuid}/").content.decode()
    response = client.get(f"/loket/{route.uuid}/bijlagen/{attachment.uuid}/")

    assert response.status_code == 404
    assert b"Daan" not in response.content


def test_advice_request_is_answered_with_advice_never_handed_over():
    route = advice_request()
    client = logged_in("veiligthuis")
    client.post(f"/loket/{route.uuid}/aannemen/")
    page = client.get(f"/loket/{route.uuid}/").content.decode()
    assert 'value="alleen-advies"' in page and 'value="afsluiten"' in page
    assert 'value="lokaal-team"' not in page and 'value="onderzoek"' not in page
    assert "Hulp is gestart" not in page

    refused = client.post(f"/loket/{route.uuid}/beoordelen/", {
        "uitkomst": "lokaal-team", "overdragen_aan": "cjg-de-monden"})
    assert refused.status_code == 200
    route.refresh_from_db()
    assert route.status == RouteStatus.ACCEPTED
    assert route.signal.routes.count() == 1

    answered = client.post(f"/loket/{route.uuid}/beoordelen/", {"uitkomst": "alleen-advies"},
                           follow=True).content.decode()
    assert "Het advies is vastgelegd." in answered
    route.refresh_from_db()
    assert route.status == RouteStatus.ENDED
