"""Bring a youth's whole household into view from the population register.

A professional starts from one youth; the register says who else lives at that address and who
the parents are. This writes that picture to Ketenzicht's own tables (persons, the household at
the address, memberships and family relations) so access rules and the household view work on
it. Idempotent: asking again updates names and moves, and never duplicates anyone.

Every person written is audited in the same transaction: CREATE for someone new to Ketenzicht,
UPDATE for someone whose picture was refreshed, each under the person's pseudonym.
"""

import itertools
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from ketenzicht.audit.models import EventType
from ketenzicht.audit.services import Actor, Subject, record
from ketenzicht.organisations.services import district_for_postcode, normalise_postcode

from .. import bsn as bsn_lib
from ..events import person_moved
from ..models import (
    INVERSE_RELATION,
    Household,
    HouseholdMembership,
    MemberRole,
    Person,
    Relation,
    RelationKind,
)
from ..services import AddressData, PersonData, create_household, move_into, person_fields
from . import get_register
from .base import PersonNotInRegister, PopulationRegister, RegisterHousehold, RegisterPerson

_NAME_FIELDS = ("given_names", "surname_prefix", "surname", "date_of_birth", "date_of_death")


def bring_household_into_view(
    bsn: str, actor: Actor, register: PopulationRegister | None = None
) -> Household:
    """Look the youth up in the register and upsert their household; returns the household.

    Raises ``ValidationError`` for an invalid BSN, ``PersonNotInRegister`` when the register
    does not know the person, and ``RegisterError`` when the register cannot answer. The
    register is asked before the transaction starts, so no database transaction waits on it.
    """
    valid = bsn_lib.validate_bsn(bsn)
    found = (register or get_register()).household(valid)
    if found is None:
        raise PersonNotInRegister("Dit BSN komt niet voor in de basisregistratie personen.")
    with transaction.atomic():
        return _write(found, actor)


def _write(found: RegisterHousehold, actor: Actor) -> Household:
    today = timezone.localdate()
    everyone = {p.bsn: p for p in (*found.residents, *found.parents_elsewhere)}
    persons, created = _upsert_persons(everyone.values())
    residents = [persons[p.bsn] for p in found.residents]
    before = _residence_of(residents)

    household = _household_at(found, residents)
    at_home = {p.bsn for p in found.residents}
    for register_person in found.residents:
        role = _member_role(register_person, found.residents, at_home)
        since = min(register_person.living_since or today, today)
        move_into(persons[register_person.bsn], household, role, since)
    # Whoever the register no longer places at this address has moved out.
    HouseholdMembership.objects.filter(household=household, until__isnull=True).exclude(
        person__in=residents
    ).update(until=today)
    moved = [
        person.pk for person in residents
        if person.pk in before and before[person.pk] != (household.pk, household.district_id)
    ]
    if moved:
        # Once more for the whole household, now that everyone has moved: a family that moves
        # together is seen together by receivers that care about all of its members.
        person_moved.send(sender=Person, persons=moved, actor=actor)

    _relate_all(everyone, persons)
    for bsn, person in persons.items():
        event = EventType.CREATE if bsn in created else EventType.UPDATE
        record(actor, event, Subject(client_pseudonym=str(person.uuid), object_type="persoon",
               object_id=str(person.uuid), detail={"bron": "BRP", "huishouden": str(household.uuid)}),
               purpose="huishouden in beeld uit de basisregistratie personen")
    return household


def _residence_of(persons: list[Person]) -> dict[int, tuple[int, int | None]]:
    """Each person's current (household, district), to tell afterwards who moved.

    A changed district of the same household counts too: the postcode areas were redrawn, and
    the competent team with them.
    """
    return {
        person_id: (household_id, district_id)
        for person_id, household_id, district_id in HouseholdMembership.objects.filter(
            person__in=persons, until__isnull=True
        ).values_list("person_id", "household_id", "household__district_id")
    }


def _upsert_persons(register_persons: Iterable[RegisterPerson]) -> tuple[dict[str, Person], set[str]]:
    """Persons by BSN (existing ones updated, missing ones created, in a few queries), and the
    BSNs of those created."""
    wanted = {p.bsn: p for p in register_persons}
    hashes = {h: bsn for bsn in wanted for h in bsn_lib.lookup_hashes(bsn)}
    existing = {hashes[p.bsn_hash]: p for p in Person.objects.filter(bsn_hash__in=hashes)}
    changed = []
    for bsn, person in existing.items():
        data = _fields(wanted[bsn])
        if any(getattr(person, name) != data[name] for name in _NAME_FIELDS):
            for name in _NAME_FIELDS:
                setattr(person, name, data[name])
            person.updated_at = timezone.now()  # bulk_update does not touch auto_now fields
            changed.append(person)
    if changed:
        Person.objects.bulk_update(changed, [*_NAME_FIELDS, "updated_at"])
    missing = [Person(**_fields(p, protect=True)) for bsn, p in wanted.items() if bsn not in existing]
    Person.objects.bulk_create(missing)
    created = set(wanted) - set(existing)
    return {hashes[p.bsn_hash]: p for p in Person.objects.filter(bsn_hash__in=hashes)}, created


def _fields(p: RegisterPerson, protect: bool = False) -> dict:
    data = PersonData(
        bsn=p.bsn if protect else None, given_names=p.given_names, surname=p.surname,
        date_of_birth=p.date_of_birth, surname_prefix=p.surname_prefix,
        date_of_death=p.date_of_death,
    )
    fields = person_fields(data)
    if not protect:
        fields.pop("alternative_id")
    return fields


def _household_at(found: RegisterHousehold, residents: list[Person]) -> Household:
    """The household at the address: the residents' current one if it is there, else any there."""
    address = found.address
    postcode = normalise_postcode(address.postcode)
    at_address = Household.objects.filter(
        postcode=postcode, house_number=address.house_number,
        house_number_suffix=address.suffix,
    )
    current = HouseholdMembership.objects.filter(person__in=residents, until__isnull=True)
    household = (
        at_address.filter(id__in=current.values("household_id")).order_by("id").first()
        or at_address.order_by("id").first()
    )
    if household is None:
        return create_household(
            _household_name(found),
            AddressData(
                street=address.street, house_number=address.house_number, postcode=postcode,
                city=address.city, house_number_suffix=address.suffix,
            ),
        )
    district = district_for_postcode(postcode)
    if (household.street, household.city, household.district_id) != (
        address.street, address.city, district.id if district else None
    ):
        household.street, household.city, household.district = address.street, address.city, district
        household.save(update_fields=["street", "city", "district", "updated_at"])
    return household


def _household_name(found: RegisterHousehold) -> str:
    """Named after the eldest parent at home, else the person asked for: "De Vries"."""
    at_home = {p.bsn for p in found.residents}
    parents = [p for p in found.residents if any(c in at_home for c in p.children)]
    head = min(parents, key=lambda p: p.date_of_birth) if parents else found.person
    name = f"{head.surname_prefix} {head.surname}".strip()
    return name[:1].upper() + name[1:]


def _member_role(p: RegisterPerson, residents: Iterable[RegisterPerson], at_home: set[str]) -> str:
    if any(b in at_home for b in p.parents):
        return MemberRole.CHILD
    if any(b in at_home for b in p.children):
        return MemberRole.PARENT
    parents_at_home = {r.bsn for r in residents if any(c in at_home for c in r.children)}
    if any(b in parents_at_home for b in p.partners):
        return MemberRole.CARER  # a step-parent: the partner of a parent at home
    if any(b in at_home for b in p.partners):
        return MemberRole.PARTNER
    return MemberRole.OTHER


def _relate_all(everyone: dict[str, RegisterPerson], persons: dict[str, Person]) -> None:
    """Parent, partner and sibling relations among the persons in view, both directions."""
    pairs: set[tuple[int, int, str]] = set()

    def add(a: str, b: str, kind: str) -> None:
        if a in persons and b in persons and a != b:
            pairs.add((persons[a].id, persons[b].id, kind))
            pairs.add((persons[b].id, persons[a].id, INVERSE_RELATION[RelationKind(kind)]))

    children_of: dict[str, set[str]] = {}
    for p in everyone.values():
        for parent in p.parents:
            add(p.bsn, parent, RelationKind.PARENT)
            children_of.setdefault(parent, set()).add(p.bsn)
        for child in p.children:
            add(child, p.bsn, RelationKind.PARENT)
            children_of.setdefault(p.bsn, set()).add(child)
        for partner in p.partners:
            add(p.bsn, partner, RelationKind.PARTNER)
    for children in children_of.values():
        for a, b in itertools.combinations(sorted(children), 2):
            add(a, b, RelationKind.SIBLING)
    Relation.objects.bulk_create(
        [Relation(person_id=a, relative_id=b, kind=k) for a, b, k in sorted(pairs)],
        ignore_conflicts=True,
    )


__all__ = ["bring_household_into_view"]
