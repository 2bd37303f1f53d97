"""Attachments with a signal: within size and type limits, never served without an access check.

The type is decided by the file's first bytes, not its name or the browser's claim, so a renamed
executable is refused. The content is kept in the database (see ``Attachment``) and streamed by
the signal's page only after ``open_signal`` allowed it.
"""

from dataclasses import dataclass
from datetime import datetime
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.text import get_valid_filename

from ketenzicht.audit.models import EventType
from ketenzicht.audit.services import Actor, record
from ketenzicht.organisations.models import Professional
from ketenzicht.refusals import RefusalKind

from .access import is_signaller_side, signal_subject
from .models import Attachment, Signal
from .services import refuse

#: Accepted types by their leading bytes ("magic numbers").
SIGNATURES: tuple[tuple[bytes, str, str], ...] = (
    (b"%PDF-", "application/pdf", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "image/png", "PNG"),
    (b"\xff\xd8\xff", "image/jpeg", "JPEG"),
)
ACCEPTED_NAMES = ", ".join(name for _magic, _type, name in SIGNATURES)
MAX_PER_SIGNAL = 10


def max_bytes() -> int:
    return settings.KETENZICHT_ATTACHMENT_MAX_BYTES


def content_type_of(data: bytes) -> str | None:
    for magic, content_type, _name in SIGNATURES:
        if data.startswith(magic):
            return content_type
    return None


def safe_name(name: str) -> str:
    """A file name fit to store and to offer back; "bijlage" when nothing usable is left."""
    try:
        return get_valid_filename(PurePath(name).name)[:200]
    except SuspiciousFileOperation:  # e.g. "#.#": nothing but punctuation
        return "bijlage"


@dataclass(frozen=True)
class Upload:
    name: str
    data: bytes


@transaction.atomic
def attach(professional: Professional, actor: Actor, signal: Signal, upload: Upload,
           now: datetime | None = None) -> Attachment:
    if not is_signaller_side(professional, signal):
        refuse("geen-melder", "Alleen de melder of de aandachtsfunctionaris voegt bijlagen toe.",
               kind=RefusalKind.FORBIDDEN)
    # Two uploads at once must not both pass the count below: count under the signal's lock.
    Signal.objects.select_for_update(of=("self",)).filter(pk=signal.pk).first()
    limit = max_bytes()
    if not upload.data:
        refuse("bijlage-leeg", "Het bestand is leeg.", "bijlage")
    if len(upload.data) > limit:
        refuse("bijlage-te-groot", f"Een bijlage is ten hoogste {filesizeformat(limit)}.",
               "bijlage")
    content_type = content_type_of(upload.data)
    if content_type is None:
        refuse("bijlage-soort", f"Alleen deze soorten bestanden kunnen mee: {ACCEPTED_NAMES}.",
               "bijlage")
    if signal.attachments.count() >= MAX_PER_SIGNAL:
        refuse("te-veel-bijlagen", f"Een signaal heeft ten hoogste {MAX_PER_SIGNAL} bijlagen.",
               "bijlage", RefusalKind.CONFLICT)
    name = safe_name(upload.name)
    attachment = Attachment.objects.create(
        signal=signal, content=upload.data, name=name, content_type=content_type,
        size=len(upload.data), uploaded_by=professional, uploaded_at=now or timezone.now(),
    )
    record(actor, EventType.CREATE, signal_subject(signal, bijlage=str(attachment.uuid)),
           purpose="bijlage toegevoegd")
    return attachment
