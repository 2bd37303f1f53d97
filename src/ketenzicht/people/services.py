"""Persons and households: the only way other apps read or change them.

Every function takes validated input and works set-based; none logs or returns a BSN except
``reveal_bsn``, which callers use only after an access check.
"""

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import QuerySet

from ketenzicht.organisations.models import District
from ketenzicht.organisations.services import district_for_postcode, normalise_postcode

from . import bsn as bsn_lib
from .events import person_moved
from .models import (
    INVERSE_RELATION,
    Household,
    HouseholdMembership,
    Person,
    Relation,
    RelationKind,
)


def find_person_by_bsn(bsn: str) -> Person | None:
    """The person with this BSN, or None. Raises ValidationError for an invalid BSN."""
    valid = bsn_lib.validate_bsn(bsn)
    return Person.objects.filter(bsn_hash__in=bsn_lib.lookup_hashes(valid)).first()


def reveal_bsn(person: Person) -> str:
    """The person's BSN in plain text; call only after the caller's access is established."""
    return bsn_lib.reveal(person.bsn_ciphertext) if person.bsn_ciphertext else ""


@dataclass(frozen=True)
class PersonData:
    """What the chain knows of a person's identity (from the population register or intake)."""

    bsn: str | None
    given_names: str
    surname: str
    date_of_birth: date
    surname_prefix: str = ""
    date_of_death: date | None = None
    alternative_id: str | None = None


def person_fields(data: PersonData) -> dict:
    """Model field values for a person, with the BSN validated and protected."""
    fields = {
        "given_names": data.given_names,
        "surname_prefix": data.surname_prefix,
        "surname": data.surname,
        "date_of_birth": data.date_of_birth,
        "date_of_death": data.date_of_death,
        "alternative_id": data.alternative_id,
    }
    if data.bsn:
        protected = bsn_lib.protect(bsn_lib.validate_bsn(data.bsn))
        fields |= {
            "bsn_ciphertext": protected.ciphertext,
            "bsn_hash": protected.lookup_hash,
            "bsn_key_version": protected.key_version,
        }
    return fields



@dataclass(frozen=True)
class AddressData:
    street: str
    house_number: int
    postcode: str
    city: str
    house_number_suffix: str = ""


def create_household(name: str, address: AddressData) -> Household:
    """A household at an address; the district follows from the postcode."""
    postcode = normalise_postcode(address.postcode)
    return Household.objects.create(
        name=name,
        street=address.street,
        house_number=address.house_number,
        house_number_suffix=address.house_number_suffix,
        postcode=postcode,
        city=address.city,
        district=district_for_postcode(postcode),
    )


@transaction.atomic
def move_into(person: Person, household: Household, role: str, since: date) -> HouseholdMembership:
    """End the person's current membership (a move) and start one in ``household``.

    When a membership elsewhere ended, the person really moved: ``person_moved`` tells the
    apps whose work follows the residence (in this transaction, so they see the new address).
    """
    left = HouseholdMembership.objects.filter(person=person, until__isnull=True).exclude(
        household=household
    ).update(until=since)
    membership, _created = HouseholdMembership.objects.get_or_create(
        person=person, household=household, until=None,
        defaults={"role": role, "since": since},
    )
    if left:
        person_moved.send(sender=Person, persons=[person.pk], actor=None)
    return membership


def relate(person: Person, relative: Person, kind: str) -> None:
    """Record that ``relative`` is ``kind`` of ``person``, and the inverse, idempotently."""
    inverse = INVERSE_RELATION[RelationKind(kind)]
    for a, b, k in ((person, relative, kind), (relative, person, inverse)):
        Relation.objects.get_or_create(person=a, relative=b, kind=k)


def current_household(person: Person) -> Household | None:
    membership = (
        HouseholdMembership.objects.filter(person=person, until__isnull=True)
        .select_related("household__district")
        .first()
    )
    return membership.household if membership else None


def current_members(household: Household) -> QuerySet[HouseholdMembership]:
    """Who lives in the household now, children first, then by date of birth."""
    return (
        HouseholdMembership.objects.filter(household=household, until__isnull=True)
        .select_related("person")
        .order_by("role", "person__date_of_birth")
    )


def relations_of(person: Person) -> QuerySet[Relation]:
    return Relation.objects.filter(person=person).select_related("relative").order_by("kind")



def district_of(person: Person) -> District | None:
    """The district of the person's residence: it decides the competent team."""
    household = current_household(person)
    return household.district if household else None
