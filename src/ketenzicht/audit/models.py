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
    """One event. ``chain``, ``sequence`` and ``hash`` chain the rows: a changed or removed row shows.

    The trail is several independent chains (see ``services.chain_for``), so appends of
    different professionals do not queue on one lock. ``sequence`` counts within one chain;
    across chains events are ordered by ``occurred_at`` and then ``id``.
    """

    # Not "Positive": its CHECK constraint would make adding the column scan the whole table
    # under an exclusive lock. ``record`` only ever writes 0 .. KETENZICHT_AUDIT_CHAINS - 1.
    chain = models.SmallIntegerField(_("keten"))
    sequence = models.BigIntegerField(_("volgnummer"))
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
    # The id of the request or job run (``runtime.context``), also in its log lines and in the
    # answer's X-Request-ID header. No index of its own: an operator takes the time from the log
    # line and finds the request's few events on the ``occurred_at`` index, then by this id; an
    # index would cost every append a write for a search done only when investigating.
    request_id = models.CharField(_("verzoek-id"), max_length=64, blank=True)
    previous_hash = models.CharField(max_length=64)
    # Not unique: (chain, sequence) identifies a row, and a second unique index on 64-character
    # hashes would only cost every append a write for integrity the chain already gives.
    hash = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("auditgebeurtenis")
        verbose_name_plural = _("auditgebeurtenissen")
        constraints = [
            # Also the index the verifier pages through, chain by chain.
            models.UniqueConstraint(fields=["chain", "sequence"], name="audit_event_chain_sequence"),
        ]
        indexes = [
            # One client's events in a period, every organisation (the operator's report).
            models.Index(fields=["client_pseudonym", "occurred_at"]),
            # One client's events in a period for one organisation: an exact range, already in
            # time order, so the capped report stops after ``limit`` rows instead of reading the
            # client's whole period and filtering. The index above cannot do that for a rare
            # organisation, and this one cannot serve the all-organisations report by period.
            models.Index(fields=["client_pseudonym", "organisation", "occurred_at"],
                         name="audit_event_client_org_time"),
            models.Index(fields=["user_id", "occurred_at"]),
        ]
        ordering = ["occurred_at", "id"]

    def __str__(self) -> str:
        return (f"{self.chain}#{self.sequence} {self.event_type} {self.outcome} "
                f"{self.occurred_at:%Y-%m-%d %H:%M:%S}")


class ChainHead(models.Model):
    """The newest link of one chain; locking it serialises that chain's appends so it never forks.

    It also reveals removal of the newest rows, which a chain alone cannot show. One row per
    chain; unlike the events, heads are updated on every append.
    """

    chain = models.PositiveSmallIntegerField(_("keten"), primary_key=True)
    sequence = models.BigIntegerField(default=0)
    hash = models.CharField(max_length=64, default="0" * 64)

    class Meta:
        verbose_name = _("kop van een auditketen")
        verbose_name_plural = _("koppen van de auditketens")

    def __str__(self) -> str:
        return f"{self.chain}#{self.sequence}"
