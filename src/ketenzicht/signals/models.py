"""Signals (zorgsignalen), their Meldcode dossier, the routes to a desk, feedback and kindchecks.

A signal is one professional's concern about a person (a youth, or an adult whose children are
involved). What was observed (facts) is kept apart from what others said (``Statement``, always
with its source). Each Meldcode step is one dated dossier entry with its author. Sharing the
signal with a desk is a ``Route``: who received it, as what (signal, report, advice request,
crisis), on which consent basis, and how far it has come; the signaller hears about it through
``Feedback`` rows built only from those structured fields.
"""

import uuid
from datetime import time

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ketenzicht.organisations.models import (
    District,
    Municipality,
    Organisation,
    OrganisationType,
    Professional,
)
from ketenzicht.people.models import Person

from .categories import Category, Urgency


class SignalSettings(models.Model):
    """A municipality's desks, office hours and Meldcode deadlines (configuration, not code)."""

    municipality = models.OneToOneField(
        Municipality, on_delete=models.CASCADE, related_name="signal_settings",
        verbose_name=_("gemeente"),
    )
    youth_desk_type = models.ForeignKey(
        OrganisationType, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("loket jeugd: organisatietype"),
        help_text=_("Het team van dit type in de gebiedsregio waar de jeugdige woont (CJG-Jeugdteam)."),
    )
    adult_desk_type = models.ForeignKey(
        OrganisationType, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("loket volwassenen: organisatietype"),
        help_text=_("Het team van dit type in de gebiedsregio van de woonplaats (sociaal gebiedsteam)."),
    )
    report_desk = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("Veilig Thuis"),
    )
    crisis_desk = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("crisisdienst buiten kantoortijd"),
    )
    secondary_school_team = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", null=True, blank=True,
        verbose_name=_("team voortgezet onderwijs (CJG 12+)"),
    )
    office_opens = models.TimeField(_("kantoortijd vanaf"), default=time(8, 30))
    office_closes = models.TimeField(_("kantoortijd tot"), default=time(17, 0))
    handover_time = models.TimeField(
        _("overdracht crisisdienst uiterlijk om"), default=time(12, 0),
        help_text=_("Op de eerstvolgende werkdag."),
    )
    step_working_days = models.PositiveSmallIntegerField(
        _("termijn per stap van de meldcode (werkdagen)"), default=5,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    safety_assessment_working_days = models.PositiveSmallIntegerField(
        _("veiligheidsbeoordeling Veilig Thuis binnen (werkdagen)"), default=5,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text=_("Geldt voor een melding; een adviesvraag zonder naam heeft geen termijn."),
    )
    #: A local team's own term to take a signal on (no law sets one: a design default).
    acceptance_working_days = models.PositiveSmallIntegerField(
        _("aannemen door een lokaal team binnen (werkdagen)"), default=2,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text=_("Een signaal dat met een CJG-Jeugdteam of sociaal gebiedsteam is gedeeld, "
                    "wordt uiterlijk aan het eind van de kantoordag zoveel werkdagen later "
                    "aangenomen; anders hoort de teamleider het."),
    )
    #: The sector's target for Veilig Thuis's own investigation (domain.md §4), not a law.
    investigation_weeks = models.PositiveSmallIntegerField(
        _("onderzoek Veilig Thuis afgerond binnen (weken)"), default=10,
        validators=[MinValueValidator(1), MaxValueValidator(26)],
    )
    oggz_first_meeting = models.DateField(_("eerste OGGZ-overleg"), null=True, blank=True)
    oggz_interval_days = models.PositiveSmallIntegerField(
        _("OGGZ-overleg elke (dagen)"), default=21, validators=[MinValueValidator(1)],
    )

    class Meta:
        verbose_name = _("instellingen signalen")
        verbose_name_plural = _("instellingen signalen")
        constraints = [
            models.CheckConstraint(
                condition=Q(office_opens__lt=models.F("office_closes")),
                name="signal_settings_office_hours_in_order",
            ),
            models.CheckConstraint(
                condition=Q(safety_assessment_working_days__lte=5),
                name="signal_settings_safety_assessment_within_five_days",
            ),
        ]

    def __str__(self) -> str:
        return f"Signalen {self.municipality}"


class SignalStatus(models.TextChoices):
    OPEN = "open", _("Bij de melder (meldcode)")
    SHARED = "gedeeld", _("Gedeeld, wacht op aanname")
    ACCEPTED = "aangenomen", _("Aangenomen door het loket")
    ASSESSED = "beoordeeld", _("Beoordeeld")
    HELP_STARTED = "hulp-gestart", _("Hulp gestart")
    CLOSED = "afgesloten", _("Afgesloten")


class RouteKind(models.TextChoices):
    """As what the desk receives the signal (the API's ``soort``)."""

    SIGNAL = "signaal", _("Signaal")
    REPORT = "melding", _("Melding (zorgmelding)")
    ADVICE = "advies", _("Adviesvraag")
    CRISIS = "crisis", _("Crisis")


class Source(models.TextChoices):
    WEB = "web", _("Ketenzicht")
    API = "api", _("Systeem van de organisatie")
    CHILD_CHECK = "kindcheck", _("Kindcheck")


class MeldcodeStep(models.IntegerChoices):
    SIGNALS = 1, _("Stap 1: signalen in kaart brengen")
    CONSULTATION = 2, _("Stap 2: collegiale consultatie en advies")
    CONVERSATION = 3, _("Stap 3: gesprek met betrokkenen")
    WEIGHING = 4, _("Stap 4: wegen met het afwegingskader")
    DECISION = 5, _("Stap 5: beslissen: hulp organiseren en/of melden")


class Signal(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="signals", verbose_name=_("persoon"),
    )
    signaller = models.ForeignKey(
        Professional, on_delete=models.PROTECT, related_name="signals", verbose_name=_("melder"),
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="signals",
        verbose_name=_("organisatie van de melder"),
    )
    #: Where the person lived when the signal was recorded: supervision counts per district.
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, related_name="+", null=True, blank=True,
        verbose_name=_("gebiedsregio van de woonplaats"),
    )
    urgency = models.CharField(_("urgentie"), max_length=10, choices=Urgency.choices)
    #: A concern about a child, also when the signal names an adult's circumstances (a positive
    #: kindcheck with concerns): it routes to the youth desk, never to the adults' desk.
    child_concern = models.BooleanField(_("zorg over een kind"), default=False)
    observed_at = models.DateTimeField(_("waargenomen op"))
    facts = models.TextField(_("waarneming (feiten)"))
    source = models.CharField(_("bron"), max_length=10, choices=Source.choices, default=Source.WEB)
    status = models.CharField(
        _("status"), max_length=15, choices=SignalStatus.choices, default=SignalStatus.OPEN,
    )
    # The route the system proposed when the signal was recorded.
    #: None when no desk of the chain serves the person (they live outside its districts): the
    #: signal is still recorded and its Meldcode starts; the signaller chooses where to go.
    proposed_desk = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", null=True, blank=True,
        verbose_name=_("voorgesteld loket"),
    )
    proposed_kind = models.CharField(_("voorgestelde soort"), max_length=10, choices=RouteKind.choices)
    proposed_reason = models.CharField(_("reden van het voorstel"), max_length=300)
    proposed_rule = models.CharField(_("routeringsregel van het voorstel"), max_length=40)
    created_at = models.DateTimeField(_("vastgelegd op"))
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    # The Meldcode's next step and its deadline, kept with the dossier in one transaction so
    # the reminder job finds signals left lying with one index range scan (not by recomputing
    # every open signal's dossier each minute). None when step 5 is done.
    next_step = models.PositiveSmallIntegerField(_("volgende stap"), null=True, blank=True,
                                                 choices=MeldcodeStep.choices)
    step_due = models.DateField(_("volgende stap uiterlijk"), null=True, blank=True)
    reminded_step = models.PositiveSmallIntegerField(_("herinnerd voor stap"), default=0)
    #: After "hulp organiseren": the agreed date to answer question 5 of the afwegingskader
    #: (does the help bring the needed safety?). None when nothing is to be evaluated.
    evaluate_on = models.DateField(_("vraag 5 evalueren op"), null=True, blank=True)
    #: False for a signal only about an adult's own circumstances without a concern about a
    #: child: the Meldcode is about domestic violence and child abuse, so no dossier, no steps,
    #: no reminders; the signal goes to the sociaal gebiedsteam.
    meldcode_applies = models.BooleanField(_("meldcode van toepassing"), default=True)
    #: The parent the concern is about when the signal is about their child (a kindcheck in
    #: adult care: the signal is about Noah, the concern about his mother, the client).
    concerns_parent = models.ForeignKey(
        Person, on_delete=models.SET_NULL, related_name="+", null=True, blank=True,
        verbose_name=_("zorgen over de ouder"),
    )
    #: The kindcheck that opened this signal: one check with concerns about several children
    #: opens one signal per child (routing, consent and the desk's basis are per child).
    child_check = models.ForeignKey(
        "ChildCheck", on_delete=models.SET_NULL, related_name="signals", null=True, blank=True,
        verbose_name=_("kindcheck"),
    )

    class Meta:
        verbose_name = _("signaal")
        verbose_name_plural = _("signalen")
        indexes = [
            # Mijn signalen: newest first, in the list's own order.
            models.Index(fields=["signaller", "-created_at", "-id"], name="signal_signaller_idx"),
            models.Index(fields=["organisation", "created_at"], name="signal_organisation_idx"),
            models.Index(fields=["district", "created_at"], name="signal_district_idx"),
            models.Index(fields=["person"], name="signal_person_idx"),
            models.Index(fields=["status", "created_at"], name="signal_status_idx"),
            models.Index(fields=["step_due"], condition=Q(next_step__isnull=False),
                         name="signal_step_due_idx"),
            models.Index(fields=["evaluate_on"], condition=Q(evaluate_on__isnull=False),
                         name="signal_evaluate_on_idx"),
        ]

    def __str__(self) -> str:
        return f"Signaal {self.uuid}"


class SignalCategory(models.Model):
    """One category of a signal; a table of its own so supervision counts them in SQL."""

    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="categories")
    category = models.CharField(_("categorie"), max_length=40, choices=Category.choices)

    class Meta:
        verbose_name = _("categorie van een signaal")
        verbose_name_plural = _("categorieën van signalen")
        constraints = [
            models.UniqueConstraint(fields=["signal", "category"], name="signal_category_once"),
        ]
        indexes = [models.Index(fields=["category"], name="signal_category_idx")]

    def __str__(self) -> str:
        return self.get_category_display()


class Statement(models.Model):
    """What someone else said: never mixed with the signaller's own observation."""

    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="statements")
    source = models.CharField(_("bron (wie zei het)"), max_length=200)
    content = models.TextField(_("wat is gezegd"))
    recorded_at = models.DateTimeField(_("vastgelegd op"))

    class Meta:
        verbose_name = _("uitspraak van een ander")
        verbose_name_plural = _("uitspraken van anderen")
        constraints = [
            models.CheckConstraint(condition=~Q(source=""), name="statement_has_source"),
        ]

    def __str__(self) -> str:
        return f"Uitspraak van {self.source}"


class Attachment(models.Model):
    """A file with the signal, served only after an access check.

    Kept in the database, not on disk: it is written in the signal's transaction (a refused
    signal leaves no file behind) and deleted with the signal or the person (retention).
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="attachments")
    content = models.BinaryField(_("inhoud"))
    name = models.CharField(_("bestandsnaam"), max_length=200)
    content_type = models.CharField(_("soort bestand"), max_length=100)
    size = models.PositiveIntegerField(_("grootte (bytes)"))
    uploaded_by = models.ForeignKey(Professional, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(_("toegevoegd op"))

    class Meta:
        verbose_name = _("bijlage")
        verbose_name_plural = _("bijlagen")

    def __str__(self) -> str:
        return self.name


class FrameworkOutcome(models.TextChoices):
    """Where the afwegingskader leads (domain.md §3)."""

    CLOSE = "afsluiten", _("Geen vermoeden: afsluiten en vastleggen")
    REPORT = "melden", _("Melden bij Veilig Thuis")
    ORGANISE_HELP = "hulp-organiseren", _("Hulp bieden of organiseren en de veiligheid volgen")
    CLOSE_WITH_MONITORING = "afsluiten-met-monitoring", _(
        "Hulp afsluiten met afspraken over monitoring"
    )


class Decision(models.TextChoices):
    """Step 5."""

    CLOSE = "afsluiten", _("Afsluiten: geen vermoeden (meer)")
    ORGANISE_HELP = "hulp-organiseren", _("Hulp organiseren")
    REPORT = "melden", _("Melden bij Veilig Thuis")
    REPORT_AND_HELP = "melden-en-hulp", _("Melden bij Veilig Thuis en hulp organiseren")
    CLOSE_WITH_MONITORING = "afsluiten-met-monitoring", _("Afsluiten met afspraken over monitoring")


class DossierEntry(models.Model):
    """One Meldcode step of one signal: dated, with its author (one per step)."""

    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="dossier")
    step = models.PositiveSmallIntegerField(_("stap"), choices=MeldcodeStep.choices)
    author = models.ForeignKey(Professional, on_delete=models.PROTECT, related_name="+",
                               verbose_name=_("auteur"))
    recorded_at = models.DateTimeField(_("vastgelegd op"))
    notes = models.TextField(_("aantekeningen"), blank=True)
    # Step 2: the consultation.
    consulted_safeguarding_lead = models.BooleanField(_("aandachtsfunctionaris geraadpleegd"),
                                                      default=False)
    consulted_veilig_thuis = models.BooleanField(_("advies gevraagd aan Veilig Thuis"), default=False)
    consultation_outcome = models.TextField(_("uitkomst van de consultatie"), blank=True)
    agreements = models.TextField(_("wie doet wat"), blank=True)
    coordinator = models.CharField(_("wie coördineert"), max_length=200, blank=True)
    # Step 3: may be skipped where talking endangers someone.
    skipped = models.BooleanField(_("overgeslagen"), default=False)
    skip_reason = models.TextField(_("reden om over te slaan"), blank=True)
    # Step 4: the afwegingskader's answers (None: not asked, because an earlier answer decided).
    q1_suspicion = models.BooleanField(_("1. vermoeden van (dreigend) geweld"), null=True)
    q2_acute_or_structural = models.BooleanField(_("2. acute of structurele onveiligheid"), null=True)
    q3_can_organise_help = models.BooleanField(_("3. passende hulp bieden of organiseren"), null=True)
    q4_help_accepted = models.BooleanField(_("4. betrokkenen aanvaarden de hulp"), null=True)
    q5_help_achieves_safety = models.BooleanField(_("5. hulp leidt tot de nodige veiligheid"), null=True)
    framework_outcome = models.CharField(_("uitkomst afwegingskader"), max_length=30, blank=True,
                                         choices=FrameworkOutcome.choices)
    # Step 5.
    decision = models.CharField(_("besluit"), max_length=30, blank=True, choices=Decision.choices)

    class Meta:
        verbose_name = _("dossierregel meldcode")
        verbose_name_plural = _("dossierregels meldcode")
        ordering = ["step"]
        constraints = [
            models.UniqueConstraint(fields=["signal", "step"], name="dossier_one_entry_per_step"),
            models.CheckConstraint(
                condition=Q(skipped=False) | (Q(step=3) & ~Q(skip_reason="")),
                name="dossier_only_step_3_skipped_with_reason",
            ),
        ]

    def __str__(self) -> str:
        return self.get_step_display()


class Evaluation(models.Model):
    """Question 5 of the afwegingskader, answered at the agreed time after help was organised:
    yes closes the help with agreements on monitoring, no leads to a report (domain.md §3)."""

    signal = models.OneToOneField(Signal, on_delete=models.CASCADE, related_name="evaluation")
    author = models.ForeignKey(Professional, on_delete=models.PROTECT, related_name="+",
                               verbose_name=_("auteur"))
    recorded_at = models.DateTimeField(_("vastgelegd op"))
    help_achieves_safety = models.BooleanField(_("5. hulp leidt tot de nodige veiligheid"))
    notes = models.TextField(_("aantekeningen"), blank=True)

    class Meta:
        verbose_name = _("evaluatie van de hulp (vraag 5)")
        verbose_name_plural = _("evaluaties van de hulp (vraag 5)")

    def __str__(self) -> str:
        return f"Evaluatie {self.signal_id}"


class ConsentBasis(models.TextChoices):
    CONSENT = "toestemming", _("Met toestemming")
    SAFETY = "veiligheid", _("Zonder toestemming: veiligheid")
    NOT_NEEDED = "niet-nodig", _("Niet nodig: adviesvraag zonder naam")


class ConsentGiver(models.TextChoices):
    """Who gave consent, following the age rules (under 12 parents; 12-15 both; 16+ the youth)."""

    PARENTS = "ouders", _("Ouders of gezagdragers")
    YOUTH_AND_PARENTS = "jeugdige-en-ouders", _("Jeugdige en ouders")
    YOUTH = "jeugdige", _("Jeugdige")
    CLIENT = "client", _("De cliënt zelf (volwassene)")


class RouteStatus(models.TextChoices):
    SHARED = "gedeeld", _("Gedeeld")
    ACCEPTED = "aangenomen", _("Aangenomen")
    ASSESSED = "beoordeeld", _("Beoordeeld")
    HELP_STARTED = "hulp-gestart", _("Hulp gestart")
    HANDED_OVER = "overgedragen", _("Overgedragen")
    ENDED = "beeindigd", _("Beëindigd")


#: Routes a desk still works on (the inbox, deadlines).
#: In the order a route goes through them (the furthest decides where the signal stands).
OPEN_ROUTE_STATUSES = (RouteStatus.SHARED, RouteStatus.ACCEPTED, RouteStatus.ASSESSED,
                       RouteStatus.HELP_STARTED)
OPEN_ROUTE = Q(status__in=OPEN_ROUTE_STATUSES)


class AssessmentOutcome(models.TextChoices):
    """The desk's judgement after triage (CJG) or the safety assessment (Veilig Thuis)."""

    LOCAL_TEAM = "lokaal-team", _("Overdragen aan het lokale team")
    EXISTING_PROFESSIONAL = "betrokken-professional", _("Overdragen aan een betrokken professional")
    ADVICE_ONLY = "alleen-advies", _("Alleen advies")
    END = "afsluiten", _("Afsluiten")
    INVESTIGATE = "onderzoek", _("Veilig Thuis onderzoekt zelf")
    OWN_HELP = "eigen-hulp", _("Het loket biedt of organiseert zelf hulp")


class InvestigationConclusion(models.TextChoices):
    """Where Veilig Thuis's own investigation leads: someone takes responsibility for help."""

    LOCAL_TEAM = "lokaal-team", _("Overdragen aan het lokale team")
    EXISTING_PROFESSIONAL = "betrokken-professional", _(
        "Overdragen aan een betrokken organisatie die hulp biedt"
    )
    HELP_STARTED = "hulp-gestart", _("De hulp is gestart")


class Route(models.Model):
    """The signal shared with one desk, as one kind, on one consent basis; and how far it came."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="routes")
    desk = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="signal_routes",
                             verbose_name=_("loket"))
    kind = models.CharField(_("soort"), max_length=10, choices=RouteKind.choices)
    status = models.CharField(_("status"), max_length=15, choices=RouteStatus.choices,
                              default=RouteStatus.SHARED)
    shared_at = models.DateTimeField(_("gedeeld op"))
    shared_by = models.ForeignKey(Professional, on_delete=models.PROTECT, related_name="+")
    reason = models.CharField(_("reden (voorstel van het systeem)"), max_length=300)
    #: An advice request's own question, written without names: Veilig Thuis sees this, never
    #: the signal's facts (which are written about a named person).
    question = models.TextField(_("adviesvraag (zonder namen)"), blank=True)
    deviation_reason = models.TextField(_("reden om af te wijken van het voorstel"), blank=True)
    consent_basis = models.CharField(_("grondslag voor delen"), max_length=12,
                                     choices=ConsentBasis.choices)
    consent_given_by = models.CharField(_("toestemming gegeven door"), max_length=20, blank=True,
                                        choices=ConsentGiver.choices)
    safety_reason = models.TextField(_("reden om zonder toestemming te delen"), blank=True)
    #: The route's one clock (``clocks``): Veilig Thuis's safety assessment of a report, then its
    #: own investigation; a local team's acceptance; or a handover's acceptance.
    due_at = models.DateTimeField(_("uiterlijk"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("aangenomen op"), null=True, blank=True)
    accepted_by = models.ForeignKey(Professional, on_delete=models.PROTECT, related_name="+",
                                    null=True, blank=True)
    assessed_at = models.DateTimeField(_("beoordeeld op"), null=True, blank=True)
    outcome = models.CharField(_("uitkomst"), max_length=25, blank=True,
                               choices=AssessmentOutcome.choices)
    handed_to = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+",
                                  null=True, blank=True, verbose_name=_("overgedragen aan"))
    signaller_keeps_role = models.BooleanField(_("melder houdt een rol"), default=False)
    safety_conditions = models.TextField(_("afgesproken veiligheidsvoorwaarden"), blank=True)
    #: After "Veilig Thuis onderzoekt zelf": the investigation's conclusion and when.
    investigation_conclusion = models.CharField(_("conclusie van het onderzoek"), max_length=25,
                                                blank=True, choices=InvestigationConclusion.choices)
    concluded_at = models.DateTimeField(_("onderzoek afgerond op"), null=True, blank=True)
    help_started_at = models.DateTimeField(_("hulp gestart op"), null=True, blank=True)
    help_with = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+",
                                  null=True, blank=True, verbose_name=_("hulp door"))
    ended_at = models.DateTimeField(_("beëindigd op"), null=True, blank=True)
    #: When the desk was told its clock ran out (once per clock: the job skips these; a new clock,
    #: Veilig Thuis's investigation after its assessment, starts with this cleared).
    overdue_notified_at = models.DateTimeField(_("te laat gemeld op"), null=True, blank=True)
    #: The crisis service's route points at the route it handed over to.
    handed_over_to = models.OneToOneField("self", on_delete=models.SET_NULL, null=True, blank=True,
                                          related_name="handed_over_from")

    class Meta:
        verbose_name = _("route naar een loket")
        verbose_name_plural = _("routes naar een loket")
        constraints = [
            models.UniqueConstraint(
                fields=["signal", "desk", "kind"], condition=OPEN_ROUTE,
                name="route_one_open_per_desk_and_kind",
            ),
            models.CheckConstraint(
                condition=~Q(consent_basis="veiligheid") | ~Q(safety_reason=""),
                name="route_safety_sharing_has_reason",
            ),
            models.CheckConstraint(
                condition=~Q(consent_basis="toestemming") | ~Q(consent_given_by=""),
                name="route_consent_has_giver",
            ),
            models.CheckConstraint(
                condition=Q(investigation_conclusion="") | Q(outcome="onderzoek"),
                name="route_conclusion_only_after_investigation",
            ),
        ]
        indexes = [
            # The inbox: a desk's open routes, nearest deadline first (ascending puts the
            # routes without a deadline last, as the inbox orders them).
            models.Index(fields=["desk", "due_at", "shared_at", "id"], condition=OPEN_ROUTE,
                         name="route_inbox_idx"),
            models.Index(fields=["due_at"], condition=OPEN_ROUTE, name="route_open_due_idx"),
            models.Index(fields=["signal", "shared_at"], name="route_signal_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} → {self.desk}"


class FeedbackMoment(models.TextChoices):
    ACCEPTED = "aangenomen", _("Het loket heeft uw signaal aangenomen")
    ASSESSED = "beoordeeld", _("Triage of veiligheidsbeoordeling afgerond")
    HELP_STARTED = "hulp-gestart", _("De hulp is gestart")
    ENDED = "route-beeindigd", _("De route is beëindigd")
    HANDED_OVER = "overgedragen", _("Overgedragen aan het lokale team")
    INVESTIGATED = "onderzoek-afgerond", _("Het onderzoek van Veilig Thuis is afgerond")
    #: The household's plan was agreed with a regisseur (told by ``plans``; never the plan's content).
    PLAN_AND_REGISSEUR = "plan-en-regisseur", _("Er is een plan en een regisseur")


class Feedback(models.Model):
    """Terugkoppeling to the signaller: only whether a route started, with whom, and — if the
    signaller keeps a role — the agreed safety conditions. Never another organisation's file."""

    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="feedback")
    route = models.ForeignKey(Route, on_delete=models.CASCADE, related_name="feedback")
    moment = models.CharField(_("moment"), max_length=20, choices=FeedbackMoment.choices)
    desk = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+",
                             verbose_name=_("loket"))
    route_started = models.BooleanField(_("route gestart"), null=True)
    with_organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+",
                                          null=True, blank=True, verbose_name=_("met"))
    safety_conditions = models.TextField(_("veiligheidsvoorwaarden voor de melder"), blank=True)
    created_at = models.DateTimeField(_("op"))

    class Meta:
        verbose_name = _("terugkoppeling")
        verbose_name_plural = _("terugkoppelingen")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["route", "moment"], name="feedback_once_per_moment"),
        ]

    def __str__(self) -> str:
        return self.get_moment_display()


class ChildCheck(models.Model):
    """A kindcheck at the intake of an adult client; every check is kept so its use is measured.
    The signals it opened (one per child) point back at it: ``Signal.child_check``."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="child_checks")
    professional = models.ForeignKey(Professional, on_delete=models.PROTECT, related_name="+")
    client = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="child_checks")
    checked_at = models.DateTimeField(_("op"))
    children_in_home = models.BooleanField(_("kinderen in huis"))
    cares_for_children = models.BooleanField(_("zorgt voor kinderen (ook elders)"))
    partner_has_children = models.BooleanField(_("partner heeft kinderen"))
    pregnant = models.BooleanField(_("zwanger (cliënt of partner)"))
    concerns = models.BooleanField(_("zorgen over de veiligheid of ontwikkeling van de kinderen"))

    class Meta:
        verbose_name = _("kindcheck")
        verbose_name_plural = _("kindchecks")
        indexes = [models.Index(fields=["organisation", "checked_at"], name="child_check_org_idx")]

    def __str__(self) -> str:
        return f"Kindcheck {self.uuid}"


class OggzAgendaItem(models.Model):
    """Bemoeizorg for a care-avoiding family, put on the OGGZ meeting's agenda."""

    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="oggz_items")
    meeting_on = models.DateField(_("OGGZ-overleg op"))
    added_by = models.ForeignKey(Professional, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(_("geagendeerd op"))

    class Meta:
        verbose_name = _("agendapunt OGGZ-overleg")
        verbose_name_plural = _("agendapunten OGGZ-overleg")
        constraints = [
            models.UniqueConstraint(fields=["signal", "meeting_on"], name="oggz_once_per_meeting"),
        ]
        indexes = [models.Index(fields=["meeting_on"], name="oggz_meeting_idx")]

    def __str__(self) -> str:
        return f"OGGZ-overleg {self.meeting_on:%d-%m-%Y}"
