"""The household plan (1Gezin1Plan): one per household, binding for every member of it.

The plan is the family's: their question and view, strengths and network, concerns per
leefgebied, goals with how progress is seen, actions (who, what, by when), safety agreements,
review dates and the parents' (and the youth's, by the age rules) agreement. Every change is a
new ``PlanVersion`` (who, when, what changed). Its regisseur is the household's lead
(``leads.HouseholdLead``), the same record a verwijsindex match records. It closes only with a
reason that says the problems are solved or manageable, never while help has not started.
Membership (``PlanMember``) is an organisation's basis to read the plan; nobody else reads it.
"""

import uuid

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ketenzicht.organisations.models import Organisation, Professional
from ketenzicht.people.models import Household, Person

from .assessment import LifeArea
from .meetings import Meeting, SharingBasis


class PlanStatus(models.TextChoices):
    DRAFT = "concept", _("Concept: nog niet met het gezin vastgesteld")
    AGREED = "vastgesteld", _("Vastgesteld met het gezin")
    CLOSED = "gesloten", _("Gesloten")


class PlanCloseReason(models.TextChoices):
    SOLVED = "opgelost", _("De problemen zijn opgelost")
    MANAGEABLE = "hanteerbaar", _("De problemen zijn hanteerbaar; het gezin kan verder zonder plan")


class HouseholdPlan(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    household = models.OneToOneField(Household, on_delete=models.PROTECT, related_name="plan",
                                     verbose_name=_("huishouden"))
    status = models.CharField(_("status"), max_length=12, choices=PlanStatus.choices,
                              default=PlanStatus.DRAFT)
    version = models.PositiveIntegerField(_("versie"), default=1)
    created_at = models.DateTimeField(_("aangemaakt op"))
    created_by = models.ForeignKey(Professional, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(_("gewijzigd op"))
    family_question = models.TextField(_("vraag van het gezin"), blank=True)
    family_view = models.TextField(_("visie van het gezin"), blank=True)
    strengths = models.TextField(_("krachten"), blank=True)
    network = models.TextField(_("netwerk"), blank=True)
    safety_agreements = models.TextField(_("veiligheidsafspraken"), blank=True)
    review_months = models.PositiveSmallIntegerField(_("evaluatie elke (maanden)"), default=3,
                                                     validators=[MinValueValidator(1), MaxValueValidator(12)])
    next_review = models.DateField(_("volgende evaluatie"), null=True, blank=True)
    parents_agreed_on = models.DateField(_("ouders akkoord op"), null=True, blank=True)
    youth_agreed_on = models.DateField(_("jeugdige akkoord op"), null=True, blank=True)
    closed_at = models.DateTimeField(_("gesloten op"), null=True, blank=True)
    close_reason = models.CharField(_("reden van sluiten"), max_length=12, choices=PlanCloseReason.choices,
                                    blank=True)
    close_explanation = models.TextField(_("toelichting bij sluiten"), blank=True)

    class Meta:
        verbose_name = _("gezinsplan")
        verbose_name_plural = _("gezinsplannen")
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="gesloten") | Q(closed_at__isnull=False) & ~Q(close_reason=""),
                name="plans_plan_closed_with_a_reason",
            ),
        ]
        indexes = [models.Index(fields=["next_review"], condition=Q(status="vastgesteld"),
                                name="plans_agreed_plan_review")]

    def __str__(self) -> str:
        return f"Gezinsplan {self.household}"


class PlanMember(models.Model):
    """An organisation (and its professional) taking part in the plan: its basis to read it.

    Joining shares the whole household with the organisation. One already involved with a member
    of the household on its own basis (a signal route, a case, a client relation — not a
    verwijsindex registration alone, which opens the person only) joins as it is
    (``sharing_basis`` empty); any other joins only with the basis for sharing recorded here: the
    consent of those whose consent counts by the age bands, or the safety reason to share without
    consent (domain.md §5).
    """

    plan = models.ForeignKey(HouseholdPlan, on_delete=models.CASCADE, related_name="members")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="plan_memberships")
    professional = models.ForeignKey(Professional, on_delete=models.PROTECT, null=True, blank=True,
                                     related_name="plan_memberships")
    role = models.CharField(_("rol in het plan"), max_length=200, blank=True)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    added_at = models.DateTimeField(_("toegevoegd op"))
    ended_at = models.DateTimeField(_("tot"), null=True, blank=True)
    sharing_basis = models.CharField(
        _("grondslag voor delen"), max_length=20, choices=SharingBasis.choices, blank=True,
        help_text=_("Leeg: de organisatie was al zelf bij het gezin betrokken."))
    #: With ``sharing_basis`` consent: the household members who gave it (``plans.meetings.consent_needed``).
    consent_given_by = models.ManyToManyField(Person, blank=True, related_name="+",
                                              verbose_name=_("toestemming gegeven door"))
    safety_reason = models.TextField(_("reden om zonder toestemming te delen"), blank=True)

    class Meta:
        verbose_name = _("deelnemer aan het plan")
        verbose_name_plural = _("deelnemers aan het plan")
        constraints = [
            models.CheckConstraint(condition=~Q(sharing_basis="veiligheid") | ~Q(safety_reason=""),
                                   name="plans_member_sharing_without_consent_reasoned"),
            models.UniqueConstraint(fields=["plan", "organisation"], condition=Q(ended_at__isnull=True),
                                    name="plans_one_active_membership_per_organisation"),
        ]
        indexes = [models.Index(fields=["organisation", "plan"], condition=Q(ended_at__isnull=True),
                                name="plans_active_member_by_org")]

    def __str__(self) -> str:
        return str(self.organisation)


class PlanConcern(models.Model):
    plan = models.ForeignKey(HouseholdPlan, on_delete=models.CASCADE, related_name="concerns")
    area = models.CharField(_("leefgebied"), max_length=12, choices=LifeArea.choices)
    concern = models.TextField(_("zorg"))

    class Meta:
        verbose_name = _("zorg per leefgebied")
        verbose_name_plural = _("zorgen per leefgebied")
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.get_area_display()}: {self.concern[:60]}"


class PlanGoal(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    plan = models.ForeignKey(HouseholdPlan, on_delete=models.CASCADE, related_name="goals")
    #: The member the goal is for; empty: the whole household.
    member = models.ForeignKey(Person, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    goal = models.TextField(_("doel"))
    progress_sign = models.TextField(_("waaraan zien we vooruitgang"))
    achieved_on = models.DateField(_("bereikt op"), null=True, blank=True)

    class Meta:
        verbose_name = _("doel")
        verbose_name_plural = _("doelen")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.goal[:60]


class ActionHolder(models.TextChoices):
    PROFESSIONAL = "professional", _("Professional")
    ORGANISATION = "organisatie", _("Organisatie")
    FAMILY = "gezinslid", _("Gezinslid")
    NETWORK = "netwerk", _("Iemand uit het netwerk")


class PlanAction(models.Model):
    """Who does what by when; an action for help must have started before the plan closes."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    plan = models.ForeignKey(HouseholdPlan, on_delete=models.CASCADE, related_name="actions")
    goal = models.ForeignKey(PlanGoal, on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="actions")
    #: The MDO or consultation that agreed it, if any.
    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, null=True, blank=True,
                                related_name="actions")
    holder_kind = models.CharField(_("wie"), max_length=12, choices=ActionHolder.choices)
    professional = models.ForeignKey(Professional, on_delete=models.PROTECT, null=True, blank=True,
                                     related_name="plan_actions")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, null=True, blank=True,
                                     related_name="plan_actions")
    holder_name = models.CharField(_("naam"), max_length=200, blank=True,
                                   help_text=_("Voor een gezinslid of iemand uit het netwerk."))
    what = models.TextField(_("wat"))
    due_on = models.DateField(_("uiterlijk"))
    #: An action that is help for the family (a referral, a treatment): it must start before closing.
    is_help = models.BooleanField(_("dit is hulp voor het gezin"), default=False)
    help_started_on = models.DateField(_("hulp gestart op"), null=True, blank=True)
    done_on = models.DateField(_("gedaan op"), null=True, blank=True)
    created_at = models.DateTimeField(_("afgesproken op"))

    class Meta:
        verbose_name = _("actie")
        verbose_name_plural = _("acties")
        ordering = ["due_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(holder_kind="professional", professional__isnull=False)
                | Q(holder_kind="organisatie", organisation__isnull=False)
                | Q(holder_kind__in=["gezinslid", "netwerk"]) & ~Q(holder_name=""),
                name="plans_action_has_a_holder",
            ),
        ]
        indexes = [models.Index(fields=["professional"], condition=Q(done_on__isnull=True),
                                name="plans_open_action_by_pro"),
                   models.Index(fields=["organisation"], condition=Q(done_on__isnull=True),
                                name="plans_open_action_by_org")]

    def __str__(self) -> str:
        return f"{self.what[:60]} (uiterlijk {self.due_on:%d-%m-%Y})"


class AccountabilityStage(models.TextChoices):
    """Doorzettingsmacht: the member, then their teamleider, then the municipality's regievoerder."""

    MEMBER = "lid", _("Aangesproken")
    TEAM_LEAD = "teamleider", _("Bij de teamleider")
    CHAIN_DIRECTOR = "regievoerder", _("Bij de regievoerder")


class Accountability(models.Model):
    """The regisseur calls a plan member to account on an action (aanspreken), with a due date."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    action = models.ForeignKey(PlanAction, on_delete=models.CASCADE, related_name="accountabilities")
    asked_by = models.ForeignKey(Professional, on_delete=models.PROTECT, related_name="+")
    asked_at = models.DateTimeField(_("aangesproken op"))
    question = models.TextField(_("wat de regisseur vraagt"))
    due_on = models.DateField(_("antwoord uiterlijk"))
    stage = models.CharField(_("stap"), max_length=12, choices=AccountabilityStage.choices,
                             default=AccountabilityStage.MEMBER)
    escalated_at = models.DateTimeField(_("opgeschaald op"), null=True, blank=True)
    answered_at = models.DateTimeField(_("beantwoord op"), null=True, blank=True)
    answered_by = models.ForeignKey(Professional, on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="+")
    answer = models.TextField(_("antwoord"), blank=True)
    #: When the teamleider and the regisseur were told the municipality has no regievoerder (the
    #: call then stays with the teamleider; the job looks at it again once there is one).
    no_director_told_at = models.DateTimeField(_("gemeld: geen regievoerder"), null=True, blank=True)

    class Meta:
        verbose_name = _("aanspreken")
        verbose_name_plural = _("aanspreken")
        constraints = [
            models.UniqueConstraint(fields=["action"], condition=Q(answered_at__isnull=True),
                                    name="plans_one_open_accountability_per_action"),
        ]
        indexes = [models.Index(fields=["due_on"], condition=Q(answered_at__isnull=True),
                                name="plans_open_account_due")]

    def __str__(self) -> str:
        return f"Aangesproken op {self.asked_at:%d-%m-%Y}"


class PlanVersion(models.Model):
    """Every change of the plan: who, when, what changed (and the plan as it then read)."""

    plan = models.ForeignKey(HouseholdPlan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("versie"))
    changed_at = models.DateTimeField(_("gewijzigd op"))
    changed_by = models.ForeignKey(Professional, on_delete=models.PROTECT, related_name="+")
    summary = models.TextField(_("wat is gewijzigd"))
    snapshot = models.JSONField(_("het plan in deze versie"))

    class Meta:
        verbose_name = _("versie van het plan")
        verbose_name_plural = _("versies van het plan")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="plans_version_numbers_unique"),
        ]

    def __str__(self) -> str:
        return f"Versie {self.number}"
