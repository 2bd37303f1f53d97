"""Recorded bases for access: why an organisation may see a person (need-to-know).

Deny by default: without an active basis, or a role basis such as being the CJG-Jeugdteam of the
person's district, a person does not exist for a professional.
"""

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ketenzicht.organisations.models import Organisation
from ketenzicht.people.models import Person


class BasisKind(models.TextChoices):
    """Sources of involvement; later chain functions add theirs."""

    REGISTRATION = "verwijsindex", _("Registratie in de verwijsindex")
    SIGNAL = "signaal", _("Signaal ontvangen als loket")
    PLAN = "gezinsplan", _("Betrokken bij gezinsplan")
    CASE = "casus", _("Casus van het team")
    REFERRAL = "toeleiding", _("Toeleiding of verwijzing")
    CLIENT = "client", _("Cliënt van de organisatie")


class AccessBasis(models.Model):
    """One organisation's involvement with one person, from ``started_at`` until ``ended_at``."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="access_bases",
        verbose_name=_("organisatie"),
    )
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="access_bases", verbose_name=_("persoon"),
    )
    kind = models.CharField(_("grondslag"), max_length=20, choices=BasisKind.choices)
    reference = models.CharField(
        _("verwijzing"), max_length=64, blank=True,
        help_text=_("Kenmerk van de registratie, het signaal of het plan dat de grondslag geeft."),
    )
    started_at = models.DateTimeField(_("vanaf"), auto_now_add=True)
    ended_at = models.DateTimeField(_("tot"), null=True, blank=True)

    class Meta:
        verbose_name = _("grondslag voor toegang")
        verbose_name_plural = _("grondslagen voor toegang")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "person", "kind", "reference"],
                condition=Q(ended_at__isnull=True),
                name="access_basis_unique_active",
            ),
        ]
        indexes = [
            models.Index(
                fields=["organisation", "person"], condition=Q(ended_at__isnull=True),
                name="access_basis_active_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} → {self.person_id} ({self.get_kind_display()})"
