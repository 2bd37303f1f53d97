"""The household's regisseur (1Gezin1Plan: één huishouden, één plan, één regisseur; domain.md §4).

A household has at most one current regisseur (``HouseholdLead`` with ``ended_at`` empty: a
partial unique index, so two writers at once cannot both appoint one). The regisseur is always a
named professional: the one who carries the regie, or — when the parents keep regie themselves —
the named back-up professional, with the agreements recorded. The record lives below the chain
apps, so the regisseur a verwijsindex match records and the one a household plan records are the
same row (``agreed_via`` says where it was agreed). A change of regisseur is a warm handover
(``LeadHandover``): the current regisseur stays until the new one accepts.
"""

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ketenzicht.organisations.models import Organisation, Professional
from ketenzicht.people.models import Household


class LeadKind(models.TextChoices):
    PROFESSIONAL = "professional", _("Een professional voert regie")
    PARENTS = "ouders", _("De ouders voeren zelf regie")


class AgreedVia(models.TextChoices):
    """Where the regisseur was agreed (a free source label is allowed beside these)."""

    MATCH = "verwijsindex-match", _("Verwijsindex-match")
    PLAN = "gezinsplan", _("Gezinsplan")
    CASE = "casus", _("Casus")
    HANDOVER = "overdracht", _("Warme overdracht van de regie")
    MIGRATION = "migratie", _("Overgenomen uit de verwijsindex")
    #: The regisseur's account was deactivated: their teamleider took the regie (``leavers``).
    DEACTIVATED = "account-gedeactiveerd", _("Regisseur niet meer actief: naar de teamleider")


class HouseholdLead(models.Model):
    """Who carries the regie of a household from ``started_at`` until ``ended_at`` (regisseur)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    household = models.ForeignKey(
        Household, on_delete=models.CASCADE, related_name="leads", verbose_name=_("huishouden"),
    )
    kind = models.CharField(_("soort regie"), max_length=20, choices=LeadKind.choices)
    #: The regisseur; when the parents keep regie, the named back-up professional.
    professional = models.ForeignKey(
        Professional, on_delete=models.PROTECT, related_name="household_leads",
        verbose_name=_("regisseur of achtervang"),
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="household_leads",
        verbose_name=_("organisatie"),
    )
    family_preference = models.TextField(
        _("voorkeur van het gezin"), blank=True,
        help_text=_("Wat het gezin zelf wil: de regisseur wordt met het gezin gekozen."),
    )
    agreements = models.TextField(
        _("afspraken"), blank=True,
        help_text=_("Verplicht als de ouders zelf regie voeren: wat is afgesproken, met wie."),
    )
    started_at = models.DateTimeField(_("regisseur sinds"))
    ended_at = models.DateTimeField(_("regisseur tot"), null=True, blank=True)
    end_reason = models.CharField(_("reden van beëindigen"), max_length=300, blank=True)
    agreed_via = models.CharField(_("afgesproken via"), max_length=40, blank=True)
    agreed_via_uuid = models.UUIDField(_("kenmerk van de bron"), null=True, blank=True)
    appointed_by = models.ForeignKey(
        Professional, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("vastgelegd door"),
    )

    class Meta:
        verbose_name = _("regisseur van het huishouden")
        verbose_name_plural = _("regisseurs van huishoudens")
        constraints = [
            models.UniqueConstraint(
                fields=["household"], condition=Q(ended_at__isnull=True),
                name="household_lead_one_current",
            ),
            models.CheckConstraint(
                condition=~Q(kind="ouders") | ~Q(agreements=""),
                name="household_lead_parents_have_agreements",
            ),
            models.CheckConstraint(
                condition=Q(ended_at__isnull=True) | Q(ended_at__gte=models.F("started_at")),
                name="household_lead_ends_after_start",
            ),
        ]
        indexes = [
            models.Index(fields=["professional"], condition=Q(ended_at__isnull=True),
                         name="household_lead_current_prof"),
            models.Index(fields=["organisation"], condition=Q(ended_at__isnull=True),
                         name="household_lead_current_org"),
        ]

    def __str__(self) -> str:
        return f"Regisseur {self.household_id}: {self.professional_id} ({self.get_kind_display()})"

    @property
    def parents_keep_regie(self) -> bool:
        return self.kind == LeadKind.PARENTS


class LeadHandover(models.Model):
    """A proposed change of regisseur: the current one stays until the proposed one accepts."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    household = models.ForeignKey(
        Household, on_delete=models.CASCADE, related_name="lead_handovers",
        verbose_name=_("huishouden"),
    )
    lead = models.ForeignKey(
        HouseholdLead, on_delete=models.CASCADE, related_name="handovers",
        verbose_name=_("huidige regisseur"),
    )
    kind = models.CharField(_("soort regie"), max_length=20, choices=LeadKind.choices)
    professional = models.ForeignKey(
        Professional, on_delete=models.PROTECT, related_name="lead_handovers",
        verbose_name=_("voorgestelde regisseur of achtervang"),
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("organisatie"),
    )
    family_preference = models.TextField(_("voorkeur van het gezin"), blank=True)
    agreements = models.TextField(_("afspraken"), blank=True)
    reason = models.TextField(_("reden van de wissel"), blank=True)
    agreed_via = models.CharField(_("afgesproken via"), max_length=40, blank=True)
    agreed_via_uuid = models.UUIDField(_("kenmerk van de bron"), null=True, blank=True)
    proposed_by = models.ForeignKey(
        Professional, on_delete=models.PROTECT, related_name="+", verbose_name=_("voorgesteld door"),
    )
    proposed_at = models.DateTimeField(_("voorgesteld op"))
    accepted_at = models.DateTimeField(_("aangenomen op"), null=True, blank=True)
    declined_at = models.DateTimeField(_("afgewezen op"), null=True, blank=True)
    decline_reason = models.TextField(_("reden van afwijzen"), blank=True)

    class Meta:
        verbose_name = _("wissel van regisseur")
        verbose_name_plural = _("wissels van regisseur")
        constraints = [
            models.UniqueConstraint(
                fields=["household"], condition=Q(accepted_at__isnull=True, declined_at__isnull=True),
                name="lead_handover_one_pending",
            ),
            models.CheckConstraint(
                condition=Q(accepted_at__isnull=True) | Q(declined_at__isnull=True),
                name="lead_handover_accepted_or_declined",
            ),
            models.CheckConstraint(
                condition=~Q(kind="ouders") | ~Q(agreements=""),
                name="lead_handover_parents_have_agreements",
            ),
        ]
        indexes = [
            models.Index(fields=["professional"],
                         condition=Q(accepted_at__isnull=True, declined_at__isnull=True),
                         name="lead_handover_pending_prof"),
        ]

    def __str__(self) -> str:
        return f"Wissel regisseur {self.household_id} → {self.professional_id}"

    @property
    def is_pending(self) -> bool:
        return self.accepted_at is None and self.declined_at is None
