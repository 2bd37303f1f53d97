"""Municipalities, districts (gebiedsregio's), organisations, teams and professionals.

What an organisation type may do in the chain (register in the verwijsindex, coordinate a match,
receive reports, receive signals, report concerns about children to Veilig Thuis) is data on
``OrganisationType``, never code: municipalities configure it. What sets one organisation apart
from others of its type (its districts, a school's level) is data on ``Organisation``.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Municipality(models.Model):
    """A gemeente: owner of the local youth-safety chain and its regievoerder."""

    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("naam"), max_length=100)
    cbs_code = models.CharField(_("CBS-gemeentecode"), max_length=4, unique=True)

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")

    def __str__(self) -> str:
        return self.name


class District(models.Model):
    """A gebiedsregio: the area whose CJG-Jeugdteam is competent for the youth who live there."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="districts",
        verbose_name=_("gemeente"),
    )
    slug = models.SlugField(_("slug"))
    name = models.CharField(_("naam"), max_length=100)

    class Meta:
        verbose_name = _("gebiedsregio")
        verbose_name_plural = _("gebiedsregio's")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "slug"], name="district_unique_slug"),
        ]
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class PostcodeArea(models.Model):
    """A postcode prefix (PC4 or longer) that places an address in a district.

    The longest matching prefix wins, so a PC4 area split between districts can be refined
    with PC5/PC6 entries.
    """

    district = models.ForeignKey(
        District, on_delete=models.CASCADE, related_name="postcode_areas",
        verbose_name=_("gebiedsregio"),
    )
    prefix = models.CharField(_("postcode(begin)"), max_length=6, unique=True)

    class Meta:
        verbose_name = _("postcodegebied")
        verbose_name_plural = _("postcodegebieden")

    def __str__(self) -> str:
        return f"{self.prefix} → {self.district}"


class OrganisationType(models.Model):
    """A kind of organisation and what it may do in the chain (configuration data)."""

    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("naam"), max_length=100)
    may_register_in_index = models.BooleanField(
        _("meldbevoegd verwijsindex"), default=False,
        help_text=_("Mag jeugdigen registreren in de verwijsindex."),
    )
    may_coordinate_match = models.BooleanField(
        _("mag matchregisseur zijn"), default=False,
        help_text=_("Kerntaak is hulp aan jeugdigen; scholen en politie registreren alleen."),
    )
    receives_reports = models.BooleanField(
        _("ontvangt zorgmeldingen"), default=False,
        help_text=_("Ontvangt meldingen en adviesvragen (Veilig Thuis)."),
    )
    receives_signals = models.BooleanField(
        _("ontvangt signalen"), default=False,
        help_text=_("Is een loket voor signalen (CJG-Jeugdteam, sociaal gebiedsteam)."),
    )
    grants_district_basis = models.BooleanField(
        _("inwoners eigen gebied zoeken voor aanmelding of signaal"), default=False,
        help_text=_(
            "Vindt een inwoner van de eigen gebiedsregio zonder grondslag, alleen om een aanmelding "
            "of signaal vast te leggen (doel en reden in de auditlog). Zien doet het team een "
            "inwoner pas via een grondslag (de rol van het CJG-Jeugdteam)."
        ),
    )
    is_adult_care = models.BooleanField(
        _("volwassenenzorg (kindcheck)"), default=False,
        help_text=_("Stelt bij intake van volwassen cliënten de kindcheckvragen."),
    )
    is_volunteer = models.BooleanField(_("vrijwilligersorganisatie"), default=False)
    reports_child_concerns_to_veilig_thuis = models.BooleanField(
        _("meldt zorg over kinderen bij Veilig Thuis"), default=False,
        help_text=_(
            "Een signaal van dit type met zorg over een kind wordt voorgesteld als melding bij "
            "Veilig Thuis in plaats van als signaal aan het CJG-Jeugdteam (zo werkt de politie)."
        ),
    )
    assesses_risk = models.BooleanField(
        _("maakt risicotaxaties zonder casus"), default=False,
        help_text=_(
            "Legt met hetzelfde instrument een risicotaxatie vast van een huishouden waarop de "
            "organisatie een grondslag heeft, zonder casus (de JGZ van de GGD). Teams die casussen "
            "houden, taxeren onder hun casus."
        ),
    )

    class Meta:
        verbose_name = _("organisatietype")
        verbose_name_plural = _("organisatietypen")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class SchoolLevel(models.TextChoices):
    """The kind of education a school gives (onderwijssoort)."""

    PRIMARY = "po", _("Primair onderwijs")
    SECONDARY = "vo", _("Voortgezet onderwijs")


class Organisation(models.Model):
    """A chain partner. The slug is the stable handle for the API, the command line and tests.

    A school's level is a property of the school, not of its type: every school has the same
    rights in the chain (it registers and signals, it never coordinates), so splitting the type
    "school" per level would only duplicate those rights and let them drift apart; the level
    only decides which team the youth's signal may also go to (the CJG 12+ team for pupils of
    secondary schools).
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("naam"), max_length=200)
    type = models.ForeignKey(
        OrganisationType, on_delete=models.PROTECT, related_name="organisations",
        verbose_name=_("type"),
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="organisations",
        verbose_name=_("gemeente"),
    )
    districts = models.ManyToManyField(
        District, blank=True, related_name="organisations", verbose_name=_("werkgebied"),
        help_text=_("Gebiedsregio's waarvoor deze organisatie het loket is."),
    )
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    school_level = models.CharField(
        _("onderwijssoort"), max_length=2, choices=SchoolLevel.choices, blank=True,
        help_text=_(
            "Alleen voor scholen. Leerlingen van een school voor voortgezet onderwijs kunnen ook "
            "naar het CJG 12+ team."
        ),
    )
    is_active = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_secondary_school(self) -> bool:
        return self.school_level == SchoolLevel.SECONDARY


class Team(models.Model):
    """A team within an organisation, optionally bound to one district."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="teams",
        verbose_name=_("organisatie"),
    )
    name = models.CharField(_("naam"), max_length=200)
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, null=True, blank=True, related_name="teams",
        verbose_name=_("gebiedsregio"),
    )

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="team_unique_name"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation})"


class Role(models.TextChoices):
    """What a professional does in the chain; decides which screens and data they reach."""

    PROFESSIONAL = "professional", _("Professional")
    SAFEGUARDING_LEAD = "aandachtsfunctionaris", _("Aandachtsfunctionaris")
    TEAM_LEAD = "teamleider", _("Teamleider")
    CHAIN_DIRECTOR = "regievoerder", _("Regievoerder")
    POLICY_OFFICER = "beleidsmedewerker", _("Beleidsmedewerker")
    INSPECTOR = "inspecteur", _("Inspecteur")
    FUNCTIONAL_ADMIN = "functioneel-beheerder", _("Functioneel beheerder")


#: Roles whose work is with individual clients; the others see aggregates or administration.
CLIENT_ROLES = frozenset(
    {Role.PROFESSIONAL, Role.SAFEGUARDING_LEAD, Role.TEAM_LEAD, Role.CHAIN_DIRECTOR}
)


class Professional(models.Model):
    """A user account's place in the chain: one organisation, one role."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="professional",
        verbose_name=_("gebruiker"),
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="professionals",
        verbose_name=_("organisatie"),
    )
    team = models.ForeignKey(
        Team, on_delete=models.SET_NULL, null=True, blank=True, related_name="members",
        verbose_name=_("team"),
    )
    role = models.CharField(_("rol"), max_length=30, choices=Role.choices)
    job_title = models.CharField(_("functie"), max_length=100, blank=True)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)

    class Meta:
        verbose_name = _("professional")
        verbose_name_plural = _("professionals")
        indexes = [models.Index(fields=["organisation", "role"])]

    def __str__(self) -> str:
        return f"{self.display_name} ({self.organisation})"

    @property
    def display_name(self) -> str:
        return self.user.get_full_name() or self.user.get_username()

    @property
    def works_with_clients(self) -> bool:
        return self.role in CLIENT_ROLES
