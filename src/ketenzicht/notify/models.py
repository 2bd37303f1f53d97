"""Notices: what the chain tells a professional (a match, a deadline, an escalation).

A notice is addressed to one professional. Its text says what to do and with whom, never the
content of another organisation's file; the link leads to a page that checks access itself.
"""

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ketenzicht.organisations.models import Professional


class Notice(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    recipient = models.ForeignKey(
        Professional, on_delete=models.CASCADE, related_name="notices", verbose_name=_("ontvanger"),
    )
    kind = models.CharField(_("soort"), max_length=50)
    title = models.CharField(_("titel"), max_length=200)
    body = models.TextField(_("bericht"), blank=True)
    link = models.CharField(_("link"), max_length=200, blank=True)
    #: What the notice is about (e.g. a match uuid), so the same notice is never sent twice.
    subject_key = models.CharField(_("onderwerp"), max_length=100, blank=True)
    created_at = models.DateTimeField(_("verstuurd"), auto_now_add=True)
    read_at = models.DateTimeField(_("gelezen"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("gemaild"), null=True, blank=True)

    class Meta:
        verbose_name = _("bericht")
        verbose_name_plural = _("berichten")
        indexes = [
            models.Index(fields=["recipient", "created_at"]),
            models.Index(fields=["recipient"], condition=Q(read_at__isnull=True),
                         name="notice_unread_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "kind", "subject_key"], condition=~Q(subject_key=""),
                name="notice_once_per_subject",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} → {self.recipient}"
