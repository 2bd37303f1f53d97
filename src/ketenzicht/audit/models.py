"""The audit trail (NEN 7513): one append-only, hash-chained row per access to client data.

This app imports no domain app: callers pass plain values (pseudonyms, slugs, names), so the
trail outlives the objects it describes and never holds a BSN.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventType(models.TextChoices):
    CREATE = "create", _("Aanmaken")
    READ = "read", _("Inzien")
    UPDATE = "update", _("Wijzigen")
    DELETE = "delete", _("Verwijderen")
    SEARCH = "search", _("Zoeken")
    EXPORT = "export", _("Exporteren")
    PRINT = "print", _("Afdrukken")
    LOGIN = "login", _("Inloggen")
    LOGOUT = "logout", _("Uitloggen")


class Outcome(models.TextChoices):
    SUCCESS = "success", _("Geslaagd")
    DENIED = "denied", _("Geweigerd")
    FAILURE = "failure", _("Mislukt")


class AuditEvent(models.Model):
    """One event. ``sequence`` and ``hash`` chain the rows: a changed or removed row shows."""

    sequence = models.BigIntegerField(_("volgnummer"), unique=True)
    occurred_at = models.DateTimeField(_("tijdstip (UTC)"), db_index=True)
    event_type = models.CharField(_("soort"), max_length=10, choices=EventType.choices)
    outcome = models.CharField(_("resultaat"), max_length=10, choices=Outcome.choices)
    user_id = models.CharField(_("gebruiker"), max_length=150, blank=True)
    user_name = models.CharField(_("naam gebruiker"), max_length=200, blank=True)
    organisation = models.CharField(_("organisatie"), max_length=100, blank=True)
    role = models.CharField(_("rol"), max_length=30, blank=True)
    on_behalf_of = models.CharField(_("namens"), max_length=200, blank=True)
    access_point = models.CharField(_("netwerktoegangspunt"), max_length=100, blank=True)
    client_pseudonym = models.CharField(_("cliënt (pseudoniem)"), max_length=64, blank=True)
    object_type = models.CharField(_("soort object"), max_length=50, blank=True)
    object_id = models.CharField(_("object"), max_length=64, blank=True)
    purpose = models.CharField(_("grondslag/doel"), max_length=200, blank=True)
    detail = models.JSONField(_("toelichting"), default=dict, blank=True)
    previous_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        verbose_name = _("auditgebeurtenis")
        verbose_name_plural = _("auditgebeurtenissen")
        indexes = [
            models.Index(fields=["client_pseudonym", "occurred_at"]),
            models.Index(fields=["user_id", "occurred_at"]),
        ]
        ordering = ["sequence"]

    def __str__(self) -> str:
        return f"#{self.sequence} {self.event_type} {self.outcome} {self.occurred_at:%Y-%m-%d %H:%M:%S}"


class ChainHead(models.Model):
    """The newest link of the chain; locking it serialises appends so the chain never forks.

    It also reveals removal of the newest rows, which a chain alone cannot show.
    """

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    sequence = models.BigIntegerField(default=0)
    hash = models.CharField(max_length=64, default="0" * 64)

    def __str__(self) -> str:
        return f"#{self.sequence}"
