"""Attachments go with a signal only within the size limit, as a PDF, PNG or JPEG decided by the
file's first bytes (not its name), at most ten per signal, and are deleted with the signal or
the person."""

import pytest

from ketenzicht.people.models import Person
from ketenzicht.refusals import RefusalKind, Refused
from ketenzicht.signals.attachments import MAX_PER_SIGNAL, Upload, attach
from ketenzicht.signals.models import Attachment, Signal

from .conftest import DAAN, acting, signal_as
from .support import person

PDF = b"%PDF-1.7\n% verslag\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 16
EXE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 16


def _attach(signal: Signal, name: str, data: bytes, username: str = "leerkracht") -> Attachment:
    return attach(*acting(username), signal, Upload(name, data))


@pytest.mark.parametrize(("name", "data", "content_type"), [
    pytest.param("verslag.pdf", PDF, "application/pdf", id="pdf"),
    pytest.param("foto.png", PNG, "image/png", id="png"),
    pytest.param("foto.jpg", JPEG, "image/jpeg", id="jpeg"),
    pytest.param("scan-zonder-extensie", PDF, "application/pdf", id="soort-uit-inhoud"),
])
def test_accepted_types_by_their_first_bytes(emmen, name, data, content_type):
    attachment = _attach(signal_as("leerkracht"), name, data)
    assert (attachment.content_type, attachment.size, bytes(attachment.content)) == (
        content_type, len(data), data)


@pytest.mark.parametrize(("name", "data", "code"), [
    pytest.param("verslag.pdf", EXE, "bijlage-soort", id="exe-met-pdf-naam"),
    pytest.param("notitie.txt", b"Daan was bang.", "bijlage-soort", id="tekst"),
    pytest.param("leeg.pdf", b"", "bijlage-leeg", id="leeg"),
])
def test_refused_content(emmen, name, data, code):
    signal = signal_as("leerkracht")
    with pytest.raises(Refused) as refused:
        _attach(signal, name, data)
    assert (refused.value.code, refused.value.field) == (code, "bijlage")
    assert not signal.attachments.exists()


def test_size_limit(emmen, settings):
    settings.KETENZICHT_ATTACHMENT_MAX_BYTES = 2 * 1024 * 1024
    signal = signal_as("leerkracht")
    exactly = PDF + b"x" * (2 * 1024 * 1024 - len(PDF))
    assert _attach(signal, "groot.pdf", exactly).size == 2 * 1024 * 1024
    with pytest.raises(Refused) as refused:
        _attach(signal, "te-groot.pdf", exactly + b"x")
    assert refused.value.code == "bijlage-te-groot"
    assert refused.value.message == "Een bijlage is ten hoogste 2,0\N{NO-BREAK SPACE}MB."


def test_a_limit_below_a_megabyte_is_told_in_kilobytes(emmen, settings):
    settings.KETENZICHT_ATTACHMENT_MAX_BYTES = 500 * 1024
    with pytest.raises(Refused) as refused:
        _attach(signal_as("leerkracht"), "foto.png", PNG + b"x" * 500 * 1024)
    assert refused.value.message == "Een bijlage is ten hoogste 500,0\N{NO-BREAK SPACE}KB."


def test_at_most_ten_per_signal(emmen):
    signal = signal_as("leerkracht")
    for number in range(MAX_PER_SIGNAL):
        _attach(signal, f"verslag-{number}.pdf", PDF)
    with pytest.raises(Refused) as refused:
        _attach(signal, "een-te-veel.pdf", PDF)
    assert (refused.value.code, refused.value.kind) == ("te-veel-bijlagen", RefusalKind.CONFLICT)
    assert signal.attachments.count() == MAX_PER_SIGNAL


def test_the_name_is_made_safe(emmen):
    attachment = _attach(signal_as("leerkracht"), "../../etc/verslag van juf.pdf", PDF)
    assert attachment.name == "verslag_van_juf.pdf"


def test_only_the_signaller_side_attaches(emmen):
    signal = signal_as("leerkracht")
    assert _attach(signal, "ib.pdf", PDF, "aandacht-kristalla").uploaded_by.user.username == \
        "aandacht-kristalla"
    with pytest.raises(Refused) as refused:
        _attach(signal, "cjg.pdf", PDF, "cjg-demonden")
    assert refused.value.code == "geen-melder"


def test_deleted_with_the_signal(emmen):
    signal = signal_as("leerkracht")
    _attach(signal, "verslag.pdf", PDF)
    signal.delete()
    assert not Attachment.objects.exists()


def test_deleted_with_the_person(emmen):
    _attach(signal_as("leerkracht"), "verslag.pdf", PDF)
    _attach(signal_as("jgz"), "foto.png", PNG, "jgz")
    Person.objects.filter(pk=person(DAAN).pk).delete()
    assert not Attachment.objects.exists()
    assert not Signal.objects.exists()
