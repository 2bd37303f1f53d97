"""A household's case at a team (casus), what brought it in, who holds it and the deadlines.

One open case per household and team (a database constraint, so two arrivals at once join one
case). The case always has a named responsible professional (``responsible``, never empty):
until the teamleider has assigned one it is the teamleider (``assigned`` false), and a change of
hands is a warm handover (``CaseHandover``): the old holder stays responsible until the new one
accepts.
"""

import uuid

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ketenzicht.organisations.models import Municipality, Organisation, Professional
from ketenzicht.people.models import Household, Person


class CaseSettings(models.Model):
    """A municipality's case deadlines in working days (configuration; defaults are ours) [design]."""

    municipality = models.OneToOneField(
        Municipality, on_delete=models.CASCADE, related_name="case_settings", verbose_name=_("gemeente"),
    )
    first_contact_working_days = models.PositiveSmallIntegerField(
        _("eerste contact binnen (werkdagen na het openen)"), default=5,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    intake_working_days = models.PositiveSmallIntegerField(
        _("intake binnen (werkdagen na het openen)"), default=20,
        help_text=_("Treeknorm: binnen 4 weken van aanmelding tot intake."),
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    assessment_working_days = models.PositiveSmallIntegerField(
        _("risicotaxatie binnen (werkdagen na de intake)"), default=10,
        help_text=_("Als een van de risicovragen met ja of onbekend is beantwoord."),
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    plan_working_days = models.PositiveSmallIntegerField(
        _("gezinsplan binnen (werkdagen na intake of risicotaxatie)"), default=20,
        help_text=_("Zodat de hulp binnen de treeknorm van 10 weken na de intake kan starten."),
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    review_months = models.PositiveSmallIntegerField(
        _("evaluatie van het gezinsplan elke (maanden)"), default=3,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
    )
    accountability_working_days = models.PositiveSmallIntegerField(
        _("aanspreken: termijn bij de teamleider (werkdagen)"), default=5,
        help_text=_("Blijft een aangesproken deelnemer het antwoord schuldig, dan krijgt diens "
                    "teamleider deze termijn; daarna gaat het naar de regievoerder."),
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )

    class Meta:
        verbose_name = _("termijnen casussen")
        verbose_name_plural = _("termijnen casussen")

    def __str__(self) -> str:
        return str(self.municipality)


class CaseStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "gesloten", _("Gesloten")


class Milestone(models.TextChoices):
    """The next thing a case waits for, in order; each has its deadline."""

    FIRST_CONTACT = "eerste-contact", _("Eerste contact met het gezin")
    INTAKE = "intake", _("Intake")
    ASSESSMENT = "risicotaxatie", _("Risicotaxatie")
    PLAN = "gezinsplan", _("Gezinsplan vastgesteld")
    REVIEW = "evaluatie", _("Evaluatie van het gezinsplan")


class CloseReason(models.TextChoices):
    """Why a case may close: never because nobody holds it (domain.md §4, warm handover)."""

    HELP_STARTED = "hulp-gestart", _("Hulp is gestart")
    NO_CONCERNS = "geen-zorgen", _("Geen zorgen na contact met het gezin")
    HANDED_OVER = "overgedragen", _("Warm overgedragen; de ontvanger heeft aangenomen")
    ASSESSED_ENDED = "beoordeeld", _("Na beoordeling beëindigd: advies gegeven of geen verdere actie")
    MOVED_AWAY = "verhuisd", _("Gezin verhuisd; warm overgedragen aan het team van de nieuwe woonplaats")
    #: Closed with the household plan (``household_plan.close_plan``): the case waited only for its review.
    PLAN_CLOSED = "plan-gesloten", _("Gezinsplan gesloten: de problemen zijn opgelost of hanteerbaar")


class Case(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="cases",
                                  verbose_name=_("huishouden"))
    team = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="cases",
                             verbose_name=_("team"))
    status = models.CharField(_("status"), max_length=10, choices=CaseStatus.choices,
                              default=CaseStatus.OPEN)
    opened_at = models.DateTimeField(_("geopend op"))
    responsible = models.ForeignKey(Professional, on_delete=models.PROTECT, related_name="cases",
                                    verbose_name=_("casusverantwoordelijke"))
    #: False while the teamleider holds the case until they assign it to a professional.
    assigned = models.BooleanField(_("toegewezen"), default=False)
    responsible_since = models.DateTimeField(_("verantwoordelijk sinds"))
    next_milestone = models.CharField(_("volgende stap"), max_length=20, choices=Milestone.choices,
                                      blank=True)
    next_due = models.DateField(_("uiterlijk"), null=True, blank=True)
    #: The milestone whose passed deadline was told (the job skips it); every new deadline clears
    #: it, so each one — every review's too — is told once.
    overdue_notified_for = models.CharField(max_length=20, blank=True)
    closed_at = models.DateTimeField(_("gesloten op"), null=True, blank=True)
    close_reason = models.CharField(_("reden van sluiten"), max_length=20, choices=CloseReason.choices,
                                    blank=True)
    close_explanation = models.TextField(_("toelichting bij sluiten"), blank=True)

    class Meta:
        verbose_name = _("casus")
        verbose_name_plural = _("casussen")
        constraints = [
            models.UniqueConstraint(fields=["household", "team"], condition=Q(status="open"),
                                    name="plans_one_open_case_per_household_and_team"),
            models.CheckConstraint(
                condition=Q(status="open", closed_at__isnull=True)
                | Q(status="gesloten", closed_at__isnull=False) & ~Q(close_reason=""),
                name="plans_case_closed_with_a_reason",
            ),
        ]
        indexes = [
            # The team's caseload, oldest deadline first; and the deadline job's range scan.
            models.Index(fields=["team", "next_due"], condition=Q(status="open"),
                         name="plans_open_case_by_team_due"),
            models.Index(fields=["next_due"], condition=Q(status="open"), name="plans_open_case_due"),
            models.Index(fields=["responsible"], condition=Q(status="open"),
                         name="plans_open_case_by_holder"),
        ]

    def __str__(self) -> str:
        return f"{self.household} bij {self.team}"


class ArrivalKind(models.TextChoices):
    ROUTE = "route", _("Signaal, melding of overdracht aangenomen")
    MATCH = "match", _("Verwijsindexmatch opgepakt")
    APPLICATION = "aanmelding", _("Aanmelding door het gezin of de jeugdige")


class Channel(models.TextChoices):
    PHONE = "telefoon", _("Telefoon")
    WALK_IN = "inloop", _("Inloop")
    EMAIL = "e-mail", _("E-mail")


class Applicant(models.TextChoices):
    PARENT = "ouder", _("Ouder of verzorger")
    YOUTH = "jeugdige", _("De jeugdige zelf (16 jaar of ouder)")


class Arrival(models.Model):
    """What brought the household to the team: each arrival joins the one open case."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="arrivals")
    kind = models.CharField(_("soort"), max_length=12, choices=ArrivalKind.choices)
    arrived_at = models.DateTimeField(_("binnengekomen op"))
    recorded_by = models.ForeignKey(Professional, on_delete=models.PROTECT, related_name="+")
    #: The person it is about (the household's member the signal, match or application names).
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    #: The route or match it came from (their uuid: plans keeps its own record of the arrival).
    source_uuid = models.UUIDField(_("kenmerk bron"), null=True, blank=True)
    channel = models.CharField(_("kanaal"), max_length=10, choices=Channel.choices, blank=True)
    applicant = models.CharField(_("aanmelder"), max_length=10, choices=Applicant.choices, blank=True)
    question = models.TextField(_("vraag van het gezin"), blank=True)

    class Meta:
        verbose_name = _("binnenkomst")
        verbose_name_plural = _("binnenkomsten")
        ordering = ["arrived_at", "id"]
        constraints = [
            # The same route or match never arrives twice (an accepted route re-sent by a retry).
            models.UniqueConstraint(fields=["case", "kind", "source_uuid"],
                                    condition=Q(source_uuid__isnull=False),
                                    name="plans_arrival_once_per_source"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.arrived_at:%d-%m-%Y}"


class CaseHandover(models.Model):
    """A change of hands: ``from_professional`` stays responsible until ``to_professional``
    accepts (warm handover); a declined handover leaves the case where it was."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="handovers")
    from_professional = models.ForeignKey(Professional, on_delete=models.PROTECT, related_name="+")
    to_professional = models.ForeignKey(Professional, on_delete=models.PROTECT, related_name="+")
    requested_by = models.ForeignKey(Professional, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(_("gevraagd op"))
    accepted_at = models.DateTimeField(_("aangenomen op"), null=True, blank=True)
    declined_at = models.DateTimeField(_("geweigerd op"), null=True, blank=True)
    decline_reason = models.TextField(_("reden van weigeren"), blank=True)

    class Meta:
        verbose_name = _("overdracht van een casus")
        verbose_name_plural = _("overdrachten van casussen")
        constraints = [
            # One pending handover per case: a second would leave two people believing it is theirs.
            models.UniqueConstraint(fields=["case"], condition=Q(accepted_at__isnull=True,
                                                                declined_at__isnull=True),
                                    name="plans_one_pending_handover_per_case"),
        ]

    def __str__(self) -> str:
        return f"{self.case} → {self.to_professional}"
