"""The verwijsindex risicojongeren (Jeugdwet ch. 7.1): registrations, matches, coordination.

A registration (melding) holds only *that* an organisation is involved with a youth: who, which
organisation, which professional and how to reach them, dates and status. Never the reason,
the risk categories, content, or the parents' data (domain.md §2): the registrant confirms the
reasonable suspicion and names the categories, and both are checked, not stored.
"""

import uuid

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

#: The law's ceiling on a registration's active period; municipalities choose up to this.
MAX_ACTIVE_MONTHS = 24


class IndexSettings(models.Model):
    """A municipality's choices for its verwijsindex, within the legal limits."""

    municipality = models.OneToOneField(
        Municipality, on_delete=models.CASCADE, related_name="index_settings",
        verbose_name=_("gemeente"),
    )
    active_months = models.PositiveSmallIntegerField(
        _("standaard actieve termijn (maanden)"), default=12,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_ACTIVE_MONTHS)],
    )
    escalation_working_days = models.PositiveSmallIntegerField(
        _("opschalen naar regievoerder na (werkdagen zonder contact)"), default=10,
        validators=[MinValueValidator(1)],
    )
    informing_working_days = models.PositiveSmallIntegerField(
        _("informeren binnen (werkdagen)"), default=10, validators=[MinValueValidator(1)],
    )
    match_coordinator_type = models.ForeignKey(
        OrganisationType, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("matchregisseur: organisatietype"),
        help_text=_("Het team van dit type in de gebiedsregio van de jeugdige wordt matchregisseur."),
    )

    class Meta:
        verbose_name = _("instellingen verwijsindex")
        verbose_name_plural = _("instellingen verwijsindex")
        constraints = [
            models.CheckConstraint(
                condition=Q(active_months__gte=1, active_months__lte=MAX_ACTIVE_MONTHS),
                name="index_settings_active_months_within_law",
            ),
        ]

    def __str__(self) -> str:
        return f"Verwijsindex {self.municipality}"


class RegistrationStatus(models.TextChoices):
    ACTIVE = "actief", _("Actief")
    ENDED = "beeindigd", _("Beëindigd")


class EndReason(models.TextChoices):
    RISK_GONE = "risico-weg", _("Risico is weggenomen")
    UNJUSTIFIED = "onterecht", _("Onterecht geregistreerd")
    EXPIRED = "verlopen", _("Actieve termijn verstreken")
    MAXIMUM_TERM = "maximale-termijn", _("Maximale termijn van 24 maanden bereikt")
    AGE_LIMIT = "23-jaar", _("Jeugdige is 23 jaar geworden")
    DEATH = "overleden", _("Jeugdige is overleden")
    OBJECTION = "bezwaar", _("Bezwaar gegrond verklaard")


class InformedParty(models.TextChoices):
    YOUTH = "jeugdige", _("De jeugdige")
    PARENTS = "ouders", _("De ouders")
    BOTH = "beiden", _("De jeugdige en de ouders")


class PostponementReason(models.TextChoices):
    """Why informing waits. A fixed list, because the index must never hold case content: the
    narrative belongs in the registrant's own file."""

    SAFETY = "veiligheid", _("Informeren brengt de veiligheid van de jeugdige of anderen in gevaar")
    HELP = "hulpverlening", _("Informeren schaadt de hulpverlening op dit moment")
    INVESTIGATION = "onderzoek", _("Informeren schaadt een lopend onderzoek (Veilig Thuis of Raad)")
    UNREACHABLE = "onbereikbaar", _("De jeugdige of de ouders zijn nog niet bereikbaar")


class IndexRegistration(models.Model):
    """One organisation's involvement with one youth (melding)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="index_registrations",
        verbose_name=_("jeugdige"),
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="index_registrations",
        verbose_name=_("organisatie"),
    )
    registrant = models.ForeignKey(
        Professional, on_delete=models.PROTECT, related_name="index_registrations",
        verbose_name=_("geregistreerd door"),
    )
    contact_name = models.CharField(_("contactpersoon"), max_length=200)
    contact_phone = models.CharField(_("telefoon"), max_length=30)
    contact_email = models.EmailField(_("e-mail"))
    #: The district of the youth's residence; follows the youth when they move.
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("gebiedsregio"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=RegistrationStatus.choices,
        default=RegistrationStatus.ACTIVE,
    )
    registered_at = models.DateTimeField(_("geregistreerd op"))
    active_until = models.DateField(_("actief tot"))
    extended_at = models.DateTimeField(_("verlengd op"), null=True, blank=True)
    ended_at = models.DateTimeField(_("beëindigd op"), null=True, blank=True)
    end_reason = models.CharField(_("reden van beëindigen"), max_length=20,
                                  choices=EndReason.choices, blank=True)
    #: Ended registrations stay in the history archive until this date, then are destroyed.
    archive_until = models.DateField(_("in archief tot"), null=True, blank=True)
    informed = models.CharField(_("geïnformeerd"), max_length=10, choices=InformedParty.choices,
                                blank=True)
    informed_on = models.DateField(_("geïnformeerd op"), null=True, blank=True)
    informing_postponed_reason = models.CharField(
        _("reden uitstel informeren"), max_length=20, choices=PostponementReason.choices, blank=True,
    )
    informing_reminded_at = models.DateTimeField(_("herinnerd aan informeren"), null=True, blank=True)

    class Meta:
        verbose_name = _("registratie (melding)")
        verbose_name_plural = _("registraties (meldingen)")
        constraints = [
            models.UniqueConstraint(
                fields=["person", "organisation"], condition=Q(status="actief"),
                name="index_registration_one_active_per_organisation",
            ),
            models.CheckConstraint(
                condition=Q(status="actief", ended_at__isnull=True)
                | Q(status="beeindigd", ended_at__isnull=False),
                name="index_registration_status_matches_end",
            ),
        ]
        indexes = [
            models.Index(fields=["person", "status"]),
            models.Index(fields=["organisation", "status"]),
            models.Index(fields=["status", "active_until"]),
            models.Index(fields=["district", "status"]),
            models.Index(fields=["archive_until"], condition=Q(status="beeindigd"),
                         name="index_registration_archive_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} → {self.person_id} ({self.get_status_display()})"


class MatchKind(models.TextChoices):
    CLIENT = "client", _("Cliëntmatch")
    FAMILY = "gezin", _("Gezinsmatch")


class MatchStatus(models.TextChoices):
    NEW = "nieuw", _("Nieuw")
    CONTACT_MADE = "contact", _("Contact gelegd")
    COORDINATED = "afgestemd", _("Afgestemd")
    CLOSED = "gesloten", _("Gesloten")


OPEN_MATCH = ~Q(status=MatchStatus.CLOSED)


class Match(models.Model):
    """Two or more organisations involved with the same youth (client) or with siblings (family).

    ``person`` is the youth of a client match, or the shared parent of a family match: the key
    that makes "one open match" enforceable by the database.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("soort"), max_length=10, choices=MatchKind.choices)
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="index_matches",
        verbose_name=_("jeugdige of gedeelde ouder"),
    )
    status = models.CharField(_("status"), max_length=10, choices=MatchStatus.choices,
                              default=MatchStatus.NEW)
    match_coordinator = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="coordinated_matches",
        verbose_name=_("matchregisseur"),
    )
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("gebiedsregio"),
    )
    created_at = models.DateTimeField(_("ontstaan op"))
    contact_made_at = models.DateTimeField(_("contact gelegd op"), null=True, blank=True)
    coordinated_at = models.DateTimeField(_("afgestemd op"), null=True, blank=True)
    closed_at = models.DateTimeField(_("gesloten op"), null=True, blank=True)
    escalated_at = models.DateTimeField(_("opgeschaald op"), null=True, blank=True)
    # The family's regisseur is the household's one regisseur (``leads.HouseholdLead``), which
    # the matchregisseur records through ``match_actions.record_coordinated``.

    class Meta:
        verbose_name = _("match")
        verbose_name_plural = _("matches")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "person"], condition=OPEN_MATCH, name="match_one_open_per_key",
            ),
        ]
        indexes = [
            models.Index(fields=["match_coordinator", "status"]),
            models.Index(fields=["status", "created_at"]),
            models.Index(fields=["district", "status"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.uuid} ({self.get_status_display()})"


class MatchParticipation(models.Model):
    """A registration taking part in a match; joined later registrations get their own row."""

    match = models.ForeignKey(Match, on_delete=models.CASCADE, related_name="participations")
    registration = models.ForeignKey(
        IndexRegistration, on_delete=models.CASCADE, related_name="participations",
    )
    joined_at = models.DateTimeField(_("aangesloten op"))

    class Meta:
        verbose_name = _("deelname aan match")
        verbose_name_plural = _("deelnames aan matches")
        constraints = [
            models.UniqueConstraint(fields=["match", "registration"], name="participation_unique"),
        ]
        indexes = [models.Index(fields=["registration"])]

    def __str__(self) -> str:
        return f"{self.registration_id} in {self.match_id}"


class Objection(models.Model):
    """An objection (bezwaar) against a registration; upheld, it erases the registration."""

    registration = models.ForeignKey(
        IndexRegistration, on_delete=models.CASCADE, related_name="objections",
    )
    received_on = models.DateField(_("ontvangen op"))
    decided_at = models.DateTimeField(_("besloten op"), null=True, blank=True)
    upheld = models.BooleanField(_("gegrond"), null=True)

    class Meta:
        verbose_name = _("bezwaar")
        verbose_name_plural = _("bezwaren")

    def __str__(self) -> str:
        return f"Bezwaar {self.received_on} ({self.registration_id})"
