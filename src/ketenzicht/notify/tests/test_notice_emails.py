"""Notice e-mails: a mail server that is down never fails the request that made the notice, and
what could not be sent is sent by the worker's outbox job a minute later."""

from datetime import timedelta
from io import StringIO
from smtplib import SMTPServerDisconnected

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from ketenzicht.conftest import totp_code
from ketenzicht.demo.accounts import DEMO_PASSWORD
from ketenzicht.notify.models import Notice
from ketenzicht.notify.services import Message, notify, send_pending_emails
from ketenzicht.organisations.models import Professional
from ketenzicht.organisations.tests.factories import ProfessionalFactory, TOTPDeviceFactory

DAAN = "999990019"
FAILING = "ketenzicht.notify.tests.test_notice_emails.FailingBackend"
LOCMEM = "django.core.mail.backends.locmem.EmailBackend"


class FailingBackend(BaseEmailBackend):
    """A mail server that cannot be reached."""

    def open(self):
        raise SMTPServerDisconnected("mail server down")

    def send_messages(self, email_messages):
        raise SMTPServerDisconnected("mail server down")


def logged_in(username: str) -> Client:
    client = Client(raise_request_exception=True)
    device = TOTPDeviceFactory(user=Professional.objects.get(user__username=username).user)
    assert client.post("/inloggen/", {
        "username": username, "password": DEMO_PASSWORD,
        "otp_device": device.persistent_id, "otp_token": totp_code(device)}).status_code == 302
    return client


def register_form(bsn: str) -> dict:
    return {"bsn": bsn, "risicocategorieen": ["e"], "redelijk_vermoeden": "on",
            "contactpersoon_naam": "Ingrid Hofstede", "contactpersoon_telefoon": "0591 123456",
            "contactpersoon_email": "i.hofstede@kristalla.example"}


@pytest.mark.django_db(transaction=True)  # really committed, so the e-mail goes on commit
def test_smtp_failure_does_not_fail_the_request(settings, caplog):
    from ketenzicht.demo.loader import load_demo

    settings.DEMO_MODE = True
    load_demo(households=3)
    settings.EMAIL_BACKEND = FAILING
    logged_in("leerkracht").post("/verwijsindex/melden/", register_form(DAAN))

    response = logged_in("jgz").post("/verwijsindex/melden/", register_form(DAAN))  # a match

    assert response.status_code == 302  # to the registration page, not a 500
    notices = Notice.objects.all()
    assert notices.exists() and not notices.filter(emailed_at__isnull=False).exists()
    assert "not sent" in caplog.text or "unavailable" in caplog.text
    assert DAAN not in caplog.text and "Hofstede" not in caplog.text


@pytest.fixture
def waiting(db):
    """A notice made two minutes ago whose e-mail failed, and one made just now."""
    recipient = ProfessionalFactory(user__username="bart", user__email="bart@example.org")
    old, new = (notify([recipient], Message(kind="test", title=title), email=False)[0]
                for title in ("Nieuwe match", "Nog een match"))
    Notice.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(minutes=2))
    return old, new


def run_outbox_job() -> str:
    out = StringIO()
    call_command("worker", "--run", "berichten-email", stdout=out)
    return out.getvalue()


def test_unsent_notices_are_retried_by_the_outbox_job(waiting, settings):
    old, new = waiting
    settings.EMAIL_BACKEND = FAILING
    assert "e-mails alsnog verstuurd: 0" in run_outbox_job()  # still down
    assert Notice.objects.filter(emailed_at__isnull=True).count() == 2

    settings.EMAIL_BACKEND = LOCMEM  # the server is back
    assert "e-mails alsnog verstuurd: 1" in run_outbox_job()
    assert [m.to for m in mail.outbox] == [["bart@example.org"]]
    assert mail.outbox[0].subject == "[Ketenzicht] Nieuwe match"
    old.refresh_from_db(), new.refresh_from_db()
    assert old.emailed_at is not None
    assert new.emailed_at is None  # younger than a minute: left to its own on-commit send

    assert "e-mails alsnog verstuurd: 0" in run_outbox_job()  # never twice
    assert len(mail.outbox) == 1


def test_pending_emails_respect_the_limit(waiting, settings):
    settings.EMAIL_BACKEND = LOCMEM
    Notice.objects.update(created_at=timezone.now() - timedelta(minutes=5))
    assert send_pending_emails(limit=1) == 1
    assert send_pending_emails(limit=1) == 1
    assert send_pending_emails(limit=1) == 0
