"""Expired login sessions are removed, so the session table holds only sessions that count; sent
forms (``once``) are forgotten after a day."""

from datetime import timedelta

from django.contrib.sessions.models import Session
from django.utils import timezone

from ketenzicht.runtime.registry import Counts, job

from .once import forget_expired


@job("sessies-opschonen", every=timedelta(hours=1),
     description="Verwijdert verlopen inlogsessies (wat Django's clearsessions doet).",
     labels={"deleted": "verlopen sessies verwijderd"})
def clear_sessions() -> Counts:
    # Sessions live in the database (Django's default engine, which Ketenzicht keeps): what
    # ``clearsessions`` does there, counted.
    return {"deleted": Session.objects.filter(expire_date__lt=timezone.now()).delete()[0]}


@job("formulieren-opschonen", every=timedelta(hours=1),
     description="Vergeet verstuurde formulieren na een dag (de bescherming tegen dubbel versturen).",
     labels={"deleted": "verstuurde formulieren vergeten"})
def forget_sent_forms() -> Counts:
    return {"deleted": forget_expired()}
