"""Persons (youth and adults), households, membership and family relations.

A person's BSN is kept only encrypted plus a keyed hash (see ``bsn.py``); the ``uuid`` is the
handle used in URLs, the API and the audit trail.
"""

import uuid
from datetime import date

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ketenzicht.organisations.models import District

from .ages import age_on


class Person(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    bsn_ciphertext = models.TextField(_("BSN (versleuteld)"), blank=True, editable=False)
    bsn_hash = models.CharField(
        _("BSN-zoeksleutel"), max_length=64, null=True, blank=True, unique=True, editable=False
    )
    bsn_key_version = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    alternative_id = models.CharField(
        _("alternatief kenmerk"), max_length=64, null=True, blank=True, unique=True,
        help_text=_("Voor wie (nog) geen BSN heeft."),
    )
    given_names = models.CharField(_("voornamen"), max_length=200)
    surname_prefix = models.CharField(_("voorvoegsel"), max_length=20, blank=True)
    surname = models.CharField(_("geslachtsnaam"), max_length=200)
    date_of_birth = models.DateField(_("geboortedatum"))
    date_of_death = models.DateField(_("overlijdensdatum"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("persoon")
        verbose_name_plural = _("personen")
        constraints = [
            models.CheckConstraint(
                condition=Q(bsn_hash__isnull=False) | Q(alternative_id__isnull=False),
                name="person_has_identifier",
            ),
        ]
        indexes = [models.Index(fields=["surname", "date_of_birth"])]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.given_names, self.surname_prefix, self.surname) if p)

    def age_on(self, day: date) -> int:
        return age_on(self.date_of_birth, day)


class Household(models.Model):
    """People living at one address, with the district that decides the competent team."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("naam"), max_length=200, help_text=_("Bijvoorbeeld: De Vries"))
    street = models.CharField(_("straat"), max_length=200)
    house_number = models.PositiveIntegerField(_("huisnummer"))
    house_number_suffix = models.CharField(_("toevoeging"), max_length=10, blank=True)
    postcode = models.CharField(_("postcode"), max_length=6)
    city = models.CharField(_("woonplaats"), max_length=100)
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, null=True, blank=True, related_name="households",
        verbose_name=_("gebiedsregio"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("huishouden")
        verbose_name_plural = _("huishoudens")
        indexes = [models.Index(fields=["district"]), models.Index(fields=["postcode"])]

    def __str__(self) -> str:
        return f"{self.name}, {self.address}"

    @property
    def address(self) -> str:
        number = f"{self.house_number}{self.house_number_suffix}"
        return f"{self.street} {number}, {self.postcode} {self.city}"


class MemberRole(models.TextChoices):
    CHILD = "kind", _("Kind")
    PARENT = "ouder", _("Ouder")
    CARER = "verzorger", _("Verzorger")
    PARTNER = "partner", _("Partner")
    OTHER = "overig", _("Overige bewoner")


class HouseholdMembership(models.Model):
    """A person living in a household from ``since``; ``until`` ends it (a move)."""

    household = models.ForeignKey(
        Household, on_delete=models.CASCADE, related_name="memberships",
        verbose_name=_("huishouden"),
    )
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("persoon"),
    )
    role = models.CharField(_("rol in huishouden"), max_length=20, choices=MemberRole.choices)
    since = models.DateField(_("vanaf"))
    until = models.DateField(_("tot"), null=True, blank=True)

    class Meta:
        verbose_name = _("bewoner")
        verbose_name_plural = _("bewoners")
        constraints = [
            models.UniqueConstraint(
                fields=["person"], condition=Q(until__isnull=True),
                name="person_one_current_household",
            ),
        ]
        indexes = [models.Index(fields=["household", "until"])]

    def __str__(self) -> str:
        return f"{self.person} in {self.household} ({self.get_role_display()})"


class RelationKind(models.TextChoices):
    """How ``relative`` stands to ``person``: (Daan, Anja, PARENT) means Anja is Daan's parent."""

    PARENT = "ouder", _("Ouder")
    CHILD = "kind", _("Kind")
    CARER = "verzorger", _("Verzorger")
    CARED_FOR = "verzorgd-kind", _("Verzorgd kind")
    SIBLING = "broer-zus", _("Broer of zus")
    PARTNER = "partner", _("Partner")


INVERSE_RELATION = {
    RelationKind.PARENT: RelationKind.CHILD,
    RelationKind.CHILD: RelationKind.PARENT,
    RelationKind.CARER: RelationKind.CARED_FOR,
    RelationKind.CARED_FOR: RelationKind.CARER,
    RelationKind.SIBLING: RelationKind.SIBLING,
    RelationKind.PARTNER: RelationKind.PARTNER,
}


class Relation(models.Model):
    """A family relation; stored in both directions so either side finds it with one index."""

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="relations", verbose_name=_("persoon"),
    )
    relative = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="+", verbose_name=_("familielid"),
    )
    kind = models.CharField(_("relatie"), max_length=20, choices=RelationKind.choices)

    class Meta:
        verbose_name = _("relatie")
        verbose_name_plural = _("relaties")
        constraints = [
            models.UniqueConstraint(
                fields=["person", "relative", "kind"], name="relation_unique"
            ),
            models.CheckConstraint(
                condition=~Q(person=models.F("relative")), name="relation_not_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.relative} is {self.get_kind_display().lower()} van {self.person}"
