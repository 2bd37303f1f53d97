"""A file with the signal reaches the desk it was shared with, as a download, with an audit event
of its own; another desk, or a file of another signal, gets the 404 of a file that does not exist
(the refused attempt audited too)."""

import uuid

import pytest

from ketenzicht.audit.models import Outcome
from ketenzicht.signals.attachments import Upload, attach
from ketenzicht.signals.tests.conftest import EMMA, acting, emmen  # noqa: F401 (the fixture)

from .conftest import events_since, last_event_id, without_csrf
from .desk_support import FOR_SAFETY, shared_signal
from .vir_login import logged_in

pytestmark = pytest.mark.usefixtures("emmen")

PDF = b"%PDF-1.4\nverslag van de intern begeleider\n"


def _shared_with_file():
    route = shared_signal()
    attachment = attach(*acting("leerkracht"), route.signal, Upload("verslag ib.pdf", PDF))
    return route, attachment


def test_desk_downloads_the_file_and_the_download_is_audited():
    route, attachment = _shared_with_file()
    client = logged_in("cjg-demonden")
    url = f"/loket/{route.uuid}/bijlagen/{attachment.uuid}/"
    assert f'href="{url}"' in client.get(f"/loket/{route.uuid}/").content.decode()
    mark = last_event_id()

    response = client.get(url)

    assert response.status_code == 200
    assert response.content == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Cache-Control"] == "no-store"
    downloads = [e for e in events_since(mark) if e.detail.get("bijlage") == str(attachment.uuid)]
    assert [e.outcome for e in downloads] == [Outcome.SUCCESS]
    assert downloads[0].client_pseudonym == str(route.signal.person.uuid)


def test_another_desk_gets_the_404_of_a_missing_file():
    route, attachment = _shared_with_file()
    client = logged_in("cjg-emmenzuid")
    mark = last_event_id()

    refused = client.get(f"/loket/{route.uuid}/bijlagen/{attachment.uuid}/")
    missing = client.get(f"/loket/{uuid.uuid4()}/bijlagen/{uuid.uuid4()}/")

    assert refused.status_code == missing.status_code == 404
    assert without_csrf(refused.content) == without_csrf(missing.content)
    assert PDF not in refused.content
    denied = [e for e in events_since(mark) if e.outcome == Outcome.DENIED]
    assert denied[0].client_pseudonym == str(route.signal.person.uuid)


def test_a_file_of_another_signal_is_not_served_through_this_route():
    route, _attachment = _shared_with_file()
    other = shared_signal(bsn=EMMA, share=FOR_SAFETY)
    foreign = attach(*acting("leerkracht"), other.signal, Upload("emma.pdf", PDF))
    client = logged_in("cjg-demonden")
    mark = last_event_id()

    response = client.get(f"/loket/{route.uuid}/bijlagen/{foreign.uuid}/")

    assert response.status_code == 404
    assert any(e.outcome == Outcome.DENIED and e.detail.get("bijlage") == str(foreign.uuid)
               for e in events_since(mark))
