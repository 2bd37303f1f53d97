"""Sending notices in the app and by e-mail.

E-mail is an insecure channel: it only says that there is something to look at in Ketenzicht,
with a link; names and contact details stay behind the login.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from ketenzicht.organisations.models import Professional

from .models import Notice


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
    """E-mail the given notices that have not been e-mailed; returns how many were sent."""
    notices = list(
        Notice.objects.filter(id__in=notice_ids, emailed_at__isnull=True)
        .select_related("recipient__user")
        .exclude(recipient__user__email="")
    )
    base = getattr(settings, "KETENZICHT_BASE_URL", "").rstrip("/")
    mails = [
        (
            f"[Ketenzicht] {notice.title}",
            "Er staat een bericht voor u klaar in Ketenzicht.\n\n"
            f"{base}{notice.link or '/'}\n\n"
            "Log in om het te lezen. Dit bericht bevat bewust geen gegevens van cliënten.",
            settings.DEFAULT_FROM_EMAIL,
            [notice.recipient.user.email],
        )
        for notice in notices
    ]
    sent = send_mass_mail(mails, fail_silently=False) if mails else 0
    Notice.objects.filter(id__in=[n.id for n in notices]).update(emailed_at=timezone.now())
    return sent


def unread_notices(professional: Professional) -> QuerySet[Notice]:
    return Notice.objects.filter(recipient=professional, read_at__isnull=True).order_by("-created_at")


def notices_for(professional: Professional) -> QuerySet[Notice]:
    return Notice.objects.filter(recipient=professional).order_by("-created_at")


def mark_read(professional: Professional, notice_uuid: str) -> bool:
    return bool(Notice.objects.filter(recipient=professional, uuid=notice_uuid, read_at__isnull=True)
                .update(read_at=timezone.now()))
