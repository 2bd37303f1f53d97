"""The three risk questions and the intake (report §4.2).

The questions are the municipality's configuration and versioned: a new wording is a new
``RiskQuestionnaire`` row, and every answered screening keeps the version and the very texts it
answered, so an old intake still reads as it was asked. A screening is answered at an application
(aanmelding) or at the intake; the intake cannot be saved without one.
"""

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ketenzicht.organisations.models import Municipality, Professional

from .cases import Case

#: The default questions (report §4.2: "bij een eerste aanmelding [moeten] drie vragen gesteld
#: worden over eventuele risico's"); a municipality may word its own [design].
DEFAULT_RISK_QUESTIONS = (
    "Is er nu of eerder sprake (geweest) van acute onveiligheid van een kind in het gezin?",
    "Zijn er aanwijzingen voor huiselijk geweld, kindermishandeling, verwaarlozing of een vechtscheiding?",
    "Zijn er signalen van zorgmijding, of is eerdere hulp vastgelopen of voortijdig gestopt?",
)


class RiskQuestionnaire(models.Model):
    """One version of a municipality's risk questions; the highest version is asked."""

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT,
                                     related_name="risk_questionnaires", verbose_name=_("gemeente"))
    version = models.PositiveSmallIntegerField(_("versie"))
    questions = models.JSONField(_("vragen"), help_text=_("De vragen in hun volgorde (minstens één)."))
    created_at = models.DateTimeField(_("vastgesteld op"), auto_now_add=True)

    class Meta:
        verbose_name = _("risicovragen")
        verbose_name_plural = _("risicovragen")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "version"],
                                    name="plans_one_questionnaire_version"),
        ]

    def __str__(self) -> str:
        return f"{self.municipality} v{self.version}"


class RiskAnswer(models.TextChoices):
    YES = "ja", _("Ja")
    NO = "nee", _("Nee")
    UNKNOWN = "onbekend", _("Onbekend")


class ScreeningMoment(models.TextChoices):
    APPLICATION = "aanmelding", _("Bij de aanmelding")
    INTAKE = "intake", _("Bij de intake")


class RiskScreening(models.Model):
    """The risk questions answered for a case: a *ja* or *onbekend* makes a risk assessment due."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="screenings")
    questionnaire = models.ForeignKey(RiskQuestionnaire, on_delete=models.PROTECT, related_name="+")
    #: The texts as asked (a copy of the questionnaire's, so the record reads as it was asked).
    questions = models.JSONField(_("vragen"))
    answers = models.JSONField(_("antwoorden"), help_text=_("Per vraag: ja, nee of onbekend."))
    #: Any answer *ja* or *onbekend*: stored so the caseload can show it without reading JSON.
    concern = models.BooleanField(_("zorg of onzekerheid over veiligheid"))
    moment = models.CharField(_("moment"), max_length=12, choices=ScreeningMoment.choices)
    answered_at = models.DateTimeField(_("beantwoord op"))
    answered_by = models.ForeignKey(Professional, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("beantwoorde risicovragen")
        verbose_name_plural = _("beantwoorde risicovragen")
        ordering = ["answered_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_moment_display()} {self.answered_at:%d-%m-%Y}"

    def answered(self) -> list[tuple[str, str]]:
        """Each question as it was asked with its answer's label (Ja, Nee, Onbekend)."""
        labels = dict(RiskAnswer.choices)
        return [(question, str(labels.get(answer, answer)))
                for question, answer in zip(self.questions, self.answers, strict=False)]


class ParentsRegie(models.TextChoices):
    """Can the parents keep regie themselves (report §4.2)?"""

    YES = "zelf", _("Ja, de ouders kunnen zelf regie voeren")
    WITH_SUPPORT = "met-steun", _("Ja, met steun van een professional als achtervang")
    NO = "niet", _("Nee, er is een regisseur nodig")


class Intake(models.Model):
    """The team's intake with the household: one per case, never without answered risk questions."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="intake")
    screening = models.ForeignKey(RiskScreening, on_delete=models.PROTECT, related_name="+",
                                  verbose_name=_("risicovragen"))
    held_on = models.DateField(_("gehouden op"))
    recorded_by = models.ForeignKey(Professional, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("vastgelegd op"))
    family_question = models.TextField(_("vraag van het gezin"))
    summary = models.TextField(_("samenvatting van het gesprek"), blank=True)
    parents_regie = models.CharField(_("kunnen de ouders zelf regie voeren?"), max_length=10,
                                     choices=ParentsRegie.choices)
    parents_regie_reasoning = models.TextField(_("onderbouwing"))

    class Meta:
        verbose_name = _("intake")
        verbose_name_plural = _("intakes")
        constraints = [
            models.CheckConstraint(condition=~Q(parents_regie_reasoning=""),
                                   name="plans_intake_regie_reasoned"),
        ]

    def __str__(self) -> str:
        return f"Intake {self.held_on:%d-%m-%Y}"
