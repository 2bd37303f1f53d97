"""The outbox: e-mails of notices that could not be sent when they were made."""

from datetime import timedelta

from ketenzicht.runtime.registry import Counts, job

from .services import send_pending_emails


@job("berichten-email", every=timedelta(minutes=1),
     description="Verstuurt e-mails van berichten die eerder niet verstuurd konden worden.",
     labels={"sent": "e-mails alsnog verstuurd"})
def pending_emails() -> Counts:
    return {"sent": send_pending_emails()}
