"""API clients (organisations' systems) and the answers remembered for ``Idempotency-Key``.

A token's secret is never stored: only its SHA-256 hash (for look-up) and a short prefix (so an
administrator can tell tokens apart). Idempotency records hold a keyed hash of the request, never
the request itself, because a request body may carry a BSN.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ketenzicht.organisations.models import Organisation


class ApiToken(models.Model):
    """The credential of one system of one organisation (e.g. a school's pupil administration)."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="api_tokens",
        verbose_name=_("organisatie"),
    )
    name = models.CharField(_("naam"), max_length=100, help_text=_("Welk systeem dit token gebruikt."))
    prefix = models.CharField(_("begin van het token"), max_length=12, editable=False)
    key_hash = models.CharField(_("SHA-256 van het token"), max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("laatst gebruikt"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("ingetrokken"), null=True, blank=True)

    class Meta:
        verbose_name = _("API-token")
        verbose_name_plural = _("API-tokens")
        ordering = ["organisation", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation}, {self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and self.organisation.is_active


class IdempotencyRecord(models.Model):
    """One ``Idempotency-Key`` of one organisation and the answer it produced.

    ``response_status`` is empty while the first request is still being handled; the unique
    constraint makes a concurrent duplicate wait for (or fail on) the first one.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+", verbose_name=_("organisatie"),
    )
    key = models.CharField(_("sleutel"), max_length=255)
    fingerprint = models.CharField(_("vingerafdruk verzoek"), max_length=64)
    response_status = models.PositiveSmallIntegerField(_("statuscode"), null=True, blank=True)
    response_body = models.JSONField(_("antwoord"), null=True, blank=True)
    response_headers = models.JSONField(_("headers"), default=dict, blank=True)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("idempotentiesleutel")
        verbose_name_plural = _("idempotentiesleutels")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "key"], name="idempotency_unique_key"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} {self.key}"
