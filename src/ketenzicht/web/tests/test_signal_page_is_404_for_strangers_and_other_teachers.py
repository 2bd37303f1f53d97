"""A signal's page and its attachments: the signaller and their aandachtsfunctionaris work on it; a
desk it was shared with reads it without the Meldcode's forms; a stranger and another teacher of
the same school get exactly the 404 of a signal that does not exist, and the attempt is audited."""

import uuid

import pytest

from ketenzicht.audit.models import AuditEvent, Outcome
from ketenzicht.signals.attachments import Upload, attach
from ketenzicht.signals.services import share_signal
from ketenzicht.signals.tests.conftest import (  # noqa: F401 (the fixture)
    PARENTS_CONSENT,
    acting,
    emmen,
    signal_as,
)

from .conftest import events_since, last_event_id, without_csrf
from .signal_support import PDF, colleague, page
from .vir_login import logged_in

pytestmark = pytest.mark.usefixtures("emmen")


def _missing_and(client, url: str, missing_url: str) -> tuple[bytes, bytes]:
    existing, missing = client.get(url), client.get(missing_url)
    assert existing.status_code == missing.status_code == 404
    return without_csrf(existing.content), without_csrf(missing.content)


@pytest.mark.parametrize("username", ["other-teacher", "cjg-emmenzuid", "ggz"])
def test_stranger_and_other_teacher_get_the_404_of_a_missing_signal(username):
    signal = signal_as("leerkracht")
    if username == "other-teacher":
        colleague("kristalla", "other-teacher")
    client = logged_in(username)
    mark = last_event_id()

    existing, missing = _missing_and(client, f"/signalen/{signal.uuid}/", f"/signalen/{uuid.uuid4()}/")

    assert existing == missing
    denied = [e for e in events_since(mark) if e.outcome == Outcome.DENIED]
    assert any(e.client_pseudonym == str(signal.person.uuid) for e in denied)


def test_signaller_and_their_safeguarding_lead_see_the_meldcode_forms():
    signal = signal_as("leerkracht")
    for username in ("leerkracht", "aandacht-kristalla"):
        html = page(logged_in(username), f"/signalen/{signal.uuid}/")
        assert "Signaal over Daan de Vries" in html
        assert "Stap 2 vastleggen" in html and "Signaal delen" in html
        assert "Terugkoppeling" in html


def test_desk_reads_the_signal_but_not_the_meldcode_forms_nor_the_feedback():
    signal = signal_as("leerkracht", bsn="999990019")
    share_signal(*acting("leerkracht"), signal, PARENTS_CONSENT)
    client = logged_in("cjg-demonden")

    html = page(client, f"/signalen/{signal.uuid}/")

    assert "Daan komt al een week zonder jas" in html
    assert "Stap 2 vastleggen" not in html and "Signaal delen" not in html
    assert "Terugkoppeling" not in html
    assert client.post(f"/signalen/{signal.uuid}/stap/2/", {
        "aandachtsfunctionaris": "on", "uitkomst": "x", "afspraken": "x", "coordinator": "x",
    }).status_code == 403
    assert signal.dossier.count() == 1


def test_attachment_download_is_access_checked_and_audited():
    signal = signal_as("leerkracht")
    attachment = attach(*acting("leerkracht"), signal, Upload("verslag.pdf", PDF))
    url = f"/signalen/{signal.uuid}/bijlagen/{attachment.uuid}/"
    mark = last_event_id()

    response = logged_in("leerkracht").get(url)

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="verslag.pdf"'
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == PDF
    assert AuditEvent.objects.filter(id__gt=mark, detail__bijlage=str(attachment.uuid),
                                     outcome=Outcome.SUCCESS).exists()

    stranger = logged_in("cjg-emmenzuid")
    existing, missing = _missing_and(
        stranger, url, f"/signalen/{signal.uuid}/bijlagen/{uuid.uuid4()}/")
    assert existing == missing
    assert without_csrf(stranger.get(f"/signalen/{uuid.uuid4()}/bijlagen/{attachment.uuid}/").content) \
        == existing
