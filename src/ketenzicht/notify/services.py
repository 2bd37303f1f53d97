"""Sending notices in the app and by e-mail.

E-mail is an insecure channel: it only says that there is something to look at in Ketenzicht,
with a link; names and contact details stay behind the login.
"""

import contextlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from ketenzicht.organisations.models import Professional

from .models import Notice

logger = logging.getLogger(__name__)

#: How long a notice is left to the e-mail sent after its commit before the outbox takes it.
PENDING_AFTER = timedelta(minutes=1)


@dataclass(frozen=True)
class Message:
    kind: str
    title: str
    body: str = ""
    link: str = ""
    subject_key: str = ""


def notify(recipients: Iterable[Professional], message: Message, *, email: bool = True) -> list[Notice]:
    """One notice per recipient (none twice for the same subject), e-mailed after commit."""
    created = []
    for recipient in recipients:
        if message.subject_key and Notice.objects.filter(
            recipient=recipient, kind=message.kind, subject_key=message.subject_key
        ).exists():
            continue
        created.append(Notice.objects.create(
            recipient=recipient, kind=message.kind, title=message.title, body=message.body,
            link=message.link, subject_key=message.subject_key,
        ))
    if email and created:
        ids = [notice.id for notice in created]
        transaction.on_commit(lambda: send_notice_emails(ids))
    return created


def send_notice_emails(notice_ids: list[int]) -> int:
    """E-mail the given notices that have not been e-mailed; returns how many were sent.

    Runs after the commit of the request that made them, so it must never raise: the work is
    done and the user must not see an error page. What fails stays unsent (``emailed_at`` empty)
    and ``send_pending_emails`` tries again from the worker's outbox job.
    """
    try:
        return _send(Notice.objects.filter(id__in=notice_ids))
    except Exception as error:  # after commit nothing may fail the request
        logger.warning("Notice e-mails not sent (%s); the outbox job retries them.",
                       type(error).__name__)
        return 0


def send_pending_emails(limit: int = 500) -> int:
    """The outbox: e-mail notices still unsent a minute after they were made (SMTP was down).

    Called every minute by the worker (job ``berichten-email``). The minute leaves the fresh
    ones to ``send_notice_emails`` after their commit; ``SKIP LOCKED`` lets overlapping runs
    take different notices. Returns how many were sent.
    """
    cutoff = timezone.now() - PENDING_AFTER
    return _send(Notice.objects.filter(created_at__lt=cutoff).order_by("created_at", "id"),
                 limit=limit)


def _send(notices: QuerySet[Notice], limit: int | None = None) -> int:
    """Claim the unsent notices (rows locked, others skipped), send each, mark those sent.

    Each mail is sent on its own so one refused address does not hold back the others; a
    server that cannot be reached stops the batch. Logs name the notice, never its text or the
    recipient: no client data in the logs.
    """
    with transaction.atomic():
        claimed = (
            notices.filter(emailed_at__isnull=True).exclude(recipient__user__email="")
            .select_for_update(of=("self",), skip_locked=True)
            .select_related("recipient__user")
        )
        claimed = list(claimed[:limit] if limit is not None else claimed)
        if not claimed:
            return 0
        sent = _deliver(claimed)
        Notice.objects.filter(id__in=sent).update(emailed_at=timezone.now())
    return len(sent)


def _deliver(notices: list[Notice]) -> list[int]:
    """Send each notice's e-mail over one connection; the ids of those sent."""
    base = getattr(settings, "KETENZICHT_BASE_URL", "").rstrip("/")
    sent: list[int] = []
    try:
        connection = get_connection(fail_silently=False)
        connection.open()
    except Exception as error:  # any backend, any failure: retry later
        logger.warning("Mail server unavailable (%s); %d notice e-mails wait for the next run.",
                       type(error).__name__, len(notices))
        return sent
    try:
        for notice in notices:
            mail = EmailMessage(
                f"[Ketenzicht] {notice.title}",
                "Er staat een bericht voor u klaar in Ketenzicht.\n\n"
                f"{base}{notice.link or '/'}\n\n"
                "Log in om het te lezen. Dit bericht bevat bewust geen gegevens van cliënten.",
                settings.DEFAULT_FROM_EMAIL, [notice.recipient.user.email],
                connection=connection,
            )
            try:
                if mail.send():
                    sent.append(notice.id)
            except Exception as error:  # a refused address: the others still go
                logger.warning("E-mail for notice %s not sent (%s); retried later.",
                               notice.id, type(error).__name__)
    finally:
        with contextlib.suppress(Exception):  # closing a broken connection may fail too
            connection.close()
    return sent


def forget_notices(link_contains: str) -> int:
    """Delete every notice whose link contains ``link_contains`` (e.g. a deleted match's uuid).

    Returns how many were deleted; an empty string deletes nothing.
    """
    if not link_contains:
        return 0
    deleted, _rows = Notice.objects.filter(link__contains=link_contains).delete()
    return deleted


def unread_notices(professional: Professional) -> QuerySet[Notice]:
    return Notice.objects.filter(recipient=professional, read_at__isnull=True).order_by("-created_at")


def notices_for(professional: Professional) -> QuerySet[Notice]:
    return Notice.objects.filter(recipient=professional).order_by("-created_at")


def mark_read(professional: Professional, notice_uuid: str) -> bool:
    return bool(Notice.objects.filter(recipient=professional, uuid=notice_uuid, read_at__isnull=True)
                .update(read_at=timezone.now()))
