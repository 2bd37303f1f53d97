"""Collegial consultation and the multidisciplinary case discussion (MDO).

Recorded with date, participants (professional, organisation, and whether the parents and the
youth took part), the facts considered and the decisions; who does what by when are actions of
the household plan (``PlanAction.meeting``). Inviting another organisation records the basis for
sharing — consent, or the safety reason without it (domain.md §5) — and the invited organisation
sees only the record of the meeting it took part in: taking part gives no access to the household.
"""

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ketenzicht.organisations.models import Organisation, Professional
from ketenzicht.people.models import Household, Person

from .cases import Case


class MeetingKind(models.TextChoices):
    CONSULTATION = "consultatie", _("Collegiale consultatie")
    MDO = "mdo", _("Multidisciplinair overleg (MDO)")


class Meeting(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="meetings",
                                  verbose_name=_("huishouden"))
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="meetings")
    kind = models.CharField(_("soort"), max_length=12, choices=MeetingKind.choices)
    held_on = models.DateField(_("datum"))
    organised_by = models.ForeignKey(Professional, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("vastgelegd op"))
    parents_took_part = models.BooleanField(_("ouders namen deel"), default=False)
    youth_took_part = models.BooleanField(_("jeugdige nam deel"), default=False)
    facts = models.TextField(_("besproken feiten"))
    decisions = models.TextField(_("besluiten"))
    #: The token of the form that recorded it: a double submit meets the unique index and
    #: returns the meeting already recorded instead of recording it twice.
    form_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        verbose_name = _("overleg")
        verbose_name_plural = _("overleggen")
        ordering = ["held_on", "id"]
        indexes = [models.Index(fields=["household", "held_on"]),
                   models.Index(fields=["case", "held_on"], name="plans_meeting_by_case")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.held_on:%d-%m-%Y}"


class SharingBasis(models.TextChoices):
    """Why the household's information may be shared with an invited organisation (domain.md §5)."""

    OWN_TEAM = "eigen-organisatie", _("Eigen organisatie")
    CONSENT = "toestemming", _("Toestemming van ouders en/of jeugdige")
    SAFETY = "veiligheid", _("Zonder toestemming: veiligheid van het kind")


class ConsultantRole(models.TextChoices):
    BEHAVIOURAL_SCIENTIST = "gedragswetenschapper", _("Gedragswetenschapper")
    SAFEGUARDING_LEAD = "aandachtsfunctionaris", _("Aandachtsfunctionaris")
    COLLEAGUE = "collega", _("Collega")
    PARTNER = "ketenpartner", _("Ketenpartner")


class MeetingParticipant(models.Model):
    """A professional taking part; for another organisation, with the basis for sharing."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="participants")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    professional = models.ForeignKey(Professional, on_delete=models.PROTECT, null=True, blank=True,
                                     related_name="meetings")
    name = models.CharField(_("naam"), max_length=200, blank=True,
                            help_text=_("Voor een deelnemer zonder account in Ketenzicht."))
    role = models.CharField(_("rol"), max_length=25, choices=ConsultantRole.choices)
    sharing_basis = models.CharField(_("grondslag voor delen"), max_length=20, choices=SharingBasis.choices)
    safety_reason = models.TextField(_("reden om zonder toestemming te delen"), blank=True)
    #: With ``sharing_basis`` consent: the household members who gave it (whose consent counts
    #: follows the age bands, ``people.ages``; ``plans.meetings.consent_needed``).
    consent_given_by = models.ManyToManyField(Person, blank=True, related_name="+",
                                              verbose_name=_("toestemming gegeven door"))
    #: When the participant (with an account) first opened the record: until then it is on
    #: their worklist.
    seen_at = models.DateTimeField(_("gelezen op"), null=True, blank=True)

    class Meta:
        verbose_name = _("deelnemer")
        verbose_name_plural = _("deelnemers")
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(condition=~Q(sharing_basis="veiligheid") | ~Q(safety_reason=""),
                                   name="plans_sharing_without_consent_reasoned"),
            models.CheckConstraint(condition=Q(professional__isnull=False) | ~Q(name=""),
                                   name="plans_participant_named"),
        ]
        indexes = [models.Index(fields=["organisation", "meeting"], name="plans_participant_by_org"),
                   models.Index(fields=["professional"], condition=Q(seen_at__isnull=True),
                                name="plans_participant_unseen")]

    def __str__(self) -> str:
        return self.name or str(self.professional)
