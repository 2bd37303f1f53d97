"""The structured risk assessment (risicotaxatie) of the whole household (domain.md §4).

One fixed format, the same for every child, versioned: every assessment stores the format
version it was made in (``format_version``; the lists of signals and factors per version live in
``plans/assessment_format.py``), so assessments stay comparable when the format changes. It
supports the professional's judgement and never decides: the follow-up is the professional's
choice, with a reason when a safety score of 4 or lower leads to no action. Not LIRIK or any
other licensed instrument.
"""

import uuid

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ketenzicht.organisations.models import Organisation, Professional
from ketenzicht.people.models import Household, Person

from .cases import Case


class LifeArea(models.TextChoices):
    """The seven leefgebieden of the GGSR factsheet."""

    FAMILY = "gezin", _("Gezin")
    HOUSING = "wonen", _("Wonen")
    WORK = "werk", _("Werk")
    INCOME = "inkomen", _("Inkomen")
    HEALTH = "gezondheid", _("Gezondheid")
    EDUCATION = "onderwijs", _("Onderwijs")
    SAFETY = "veiligheid", _("Veiligheid")


class FollowUp(models.TextChoices):
    """What the professional decides after the assessment; the system never decides."""

    NONE = "geen", _("Geen verdere actie")
    NETWORK = "netwerk", _("Steun in het netwerk van het gezin")
    PLAN = "plan", _("Hulp via het gezinsplan")
    MELDCODE = "meldcode", _("De stappen van de Meldcode")
    REPORT = "melding-veilig-thuis", _("Melding bij Veilig Thuis")
    ESCALATION = "opschaling", _("Opschalen")


#: A safety score at or below this asks for a reason when the follow-up is no action.
LOW_SAFETY_SCORE = 4


class RiskAssessment(models.Model):
    """One assessment of a household: by a team under its case, or without a case by an
    organisation whose type assesses risk (``OrganisationType.assesses_risk``: the GGD's JGZ).

    Each organisation's assessments are its own file: its history shows only its own."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="risk_assessments",
                                  verbose_name=_("huishouden"))
    #: Empty for an assessment without a case (the JGZ): no case milestone moves after it.
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="assessments", null=True,
                             blank=True)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    format_version = models.PositiveSmallIntegerField(_("versie van het format"))
    assessed_on = models.DateField(_("datum"))
    assessed_by = models.ForeignKey(Professional, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("vastgelegd op"))
    care_avoidance = models.BooleanField(_("signalen van zorgmijding"), default=False)
    care_avoidance_notes = models.TextField(_("toelichting zorgmijding"), blank=True)
    social_network = models.TextField(_("sociaal netwerk"), blank=True)
    parents_unable_to_solve = models.BooleanField(_("ouders kunnen de problemen niet zelf oplossen"),
                                                  default=False)
    #: Chronic problems on at least four leefgebieden and parents unable to solve them (factsheet):
    #: computed by the service from the areas, stored for the caseload and the figures.
    meets_ggsr = models.BooleanField(_("voldoet aan de GGSR-definitie"), default=False)
    current_safety = models.TextField(_("oordeel over de huidige veiligheid"))
    future_safety = models.TextField(_("oordeel over de toekomstige veiligheid"))
    follow_up = models.CharField(_("vervolg"), max_length=25, choices=FollowUp.choices)
    follow_up_reason = models.TextField(_("reden voor het vervolg"), blank=True)

    class Meta:
        verbose_name = _("risicotaxatie")
        verbose_name_plural = _("risicotaxaties")
        ordering = ["assessed_on", "id"]
        constraints = [
            models.CheckConstraint(condition=~Q(current_safety="") & ~Q(future_safety=""),
                                   name="plans_assessment_judged"),
        ]
        indexes = [models.Index(fields=["household", "assessed_on"])]

    def __str__(self) -> str:
        return f"Risicotaxatie {self.assessed_on:%d-%m-%Y}"


class LifeAreaJudgement(models.Model):
    """Draagkracht and draaglast on one leefgebied (1 = little, 5 = much) [design]."""

    assessment = models.ForeignKey(RiskAssessment, on_delete=models.CASCADE, related_name="life_areas")
    area = models.CharField(_("leefgebied"), max_length=12, choices=LifeArea.choices)
    capacity = models.PositiveSmallIntegerField(_("draagkracht"),
                                                validators=[MinValueValidator(1), MaxValueValidator(5)])
    burden = models.PositiveSmallIntegerField(_("draaglast"),
                                              validators=[MinValueValidator(1), MaxValueValidator(5)])
    chronic = models.BooleanField(_("langdurig probleem"), default=False)
    notes = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("leefgebied")
        verbose_name_plural = _("leefgebieden")
        constraints = [
            models.UniqueConstraint(fields=["assessment", "area"], name="plans_one_judgement_per_area"),
            models.CheckConstraint(
                condition=Q(capacity__gte=1, capacity__lte=5, burden__gte=1, burden__lte=5),
                name="plans_area_scores_1_to_5",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_area_display()}: draagkracht {self.capacity}, draaglast {self.burden}"


class ChildAssessment(models.Model):
    """The same format for every child: signals, factors, danger statements and the safety scale."""

    assessment = models.ForeignKey(RiskAssessment, on_delete=models.CASCADE, related_name="children")
    child = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    #: Codes from the format's fixed lists (``assessment_format``), plus free additions.
    signals = models.JSONField(_("signalen"), default=list)
    risk_factors = models.JSONField(_("risicofactoren"), default=list)
    protective_factors = models.JSONField(_("beschermende factoren"), default=list)
    other_signals = models.TextField(_("andere signalen"), blank=True)
    other_risk_factors = models.TextField(_("andere risicofactoren"), blank=True)
    other_protective_factors = models.TextField(_("andere beschermende factoren"), blank=True)
    #: 0: the child is not safe and must be protected now; 10: safe enough to close.
    safety_score = models.PositiveSmallIntegerField(_("veiligheidsschaal (professional)"),
                                                    validators=[MaxValueValidator(10)])

    class Meta:
        verbose_name = _("taxatie per kind")
        verbose_name_plural = _("taxaties per kind")
        constraints = [
            models.UniqueConstraint(fields=["assessment", "child"],
                                    name="plans_one_child_row_per_assessment"),
            models.CheckConstraint(condition=Q(safety_score__lte=10), name="plans_safety_score_0_to_10"),
        ]
        indexes = [models.Index(fields=["child"])]

    def __str__(self) -> str:
        return f"{self.child}: {self.safety_score}/10"


class DangerStatement(models.Model):
    """A danger statement paired with its safety goal (Signs of Safety)."""

    child_assessment = models.ForeignKey(ChildAssessment, on_delete=models.CASCADE, related_name="dangers")
    statement = models.TextField(_("gevaarsomschrijving"))
    safety_goal = models.TextField(_("veiligheidsdoel"))

    class Meta:
        verbose_name = _("gevaarsomschrijving")
        verbose_name_plural = _("gevaarsomschrijvingen")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.statement[:60]


class Scorer(models.TextChoices):
    PARENT = "ouder", _("Ouder")
    CHILD = "jeugdige", _("De jeugdige (12+)")
    NETWORK = "netwerk", _("Netwerk")


class SafetyScore(models.Model):
    """Someone else's score on the child's safety scale: the difference matters."""

    child_assessment = models.ForeignKey(ChildAssessment, on_delete=models.CASCADE,
                                         related_name="other_scores")
    scorer = models.CharField(_("wie"), max_length=10, choices=Scorer.choices)
    scorer_name = models.CharField(_("naam"), max_length=200, blank=True)
    score = models.PositiveSmallIntegerField(_("score"), validators=[MaxValueValidator(10)])

    class Meta:
        verbose_name = _("veiligheidsscore")
        verbose_name_plural = _("veiligheidsscores")
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(condition=Q(score__lte=10), name="plans_other_score_0_to_10"),
        ]

    def __str__(self) -> str:
        return f"{self.get_scorer_display()}: {self.score}/10"
