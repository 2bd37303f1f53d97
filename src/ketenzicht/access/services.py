"""Need-to-know access: which persons and households a professional may see, and why.

A professional sees a person when their organisation has an active recorded basis on that
person or on someone in the same current household (the whole household is in view, not only
the child in front of you), or when their organisation is the district team (e.g. CJG-Jeugdteam)
of the household's district. Everything else answers as if it did not exist.
"""

from dataclasses import dataclass
from uuid import UUID

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from ketenzicht.organisations.models import Organisation, Professional
from ketenzicht.people.models import Household, HouseholdMembership, Person

from .models import AccessBasis, BasisKind


def grant_basis(organisation: Organisation, person: Person, kind: str, reference: str = "") -> AccessBasis:
    """Record an organisation's involvement with a person (idempotent while it is active)."""
    basis, _created = AccessBasis.objects.get_or_create(
        organisation=organisation, person=person, kind=kind, reference=reference,
        ended_at=None,
    )
    return basis


def end_basis(organisation: Organisation, person: Person, kind: str, reference: str = "") -> int:
    """End an involvement; returns how many active bases were ended."""
    return AccessBasis.objects.filter(
        organisation=organisation, person=person, kind=kind, reference=reference,
        ended_at__isnull=True,
    ).update(ended_at=timezone.now())


def _households_in_view(organisation: Organisation) -> QuerySet[Household]:
    """Households the organisation may see: by a basis on a member, or by district role."""
    by_basis = Exists(
        AccessBasis.objects.filter(
            organisation=organisation,
            ended_at__isnull=True,
            person__memberships__household=OuterRef("pk"),
            person__memberships__until__isnull=True,
        )
    )
    condition = by_basis
    if organisation.type.grants_district_basis:
        condition = condition | Q(district__in=organisation.districts.all())
    return Household.objects.filter(condition)


def visible_persons(professional: Professional) -> QuerySet[Person]:
    """All persons the professional may see, as one query (no per-row checks)."""
    if not professional.works_with_clients:
        return Person.objects.none()
    organisation = professional.organisation
    direct = Exists(
        AccessBasis.objects.filter(
            organisation=organisation, ended_at__isnull=True, person=OuterRef("pk")
        )
    )
    via_household = Exists(
        HouseholdMembership.objects.filter(
            person=OuterRef("pk"), until__isnull=True,
            household__in=_households_in_view(organisation),
        )
    )
    return Person.objects.filter(direct | via_household)


def visible_households(professional: Professional) -> QuerySet[Household]:
    if not professional.works_with_clients:
        return Household.objects.none()
    return _households_in_view(professional.organisation)


def visible_person(professional: Professional, person_uuid: UUID | str) -> Person | None:
    """The person if the professional may see them; None for both 'missing' and 'not allowed'."""
    return visible_persons(professional).filter(uuid=person_uuid).first()


def visible_household(professional: Professional, household_uuid: UUID | str) -> Household | None:
    return visible_households(professional).filter(uuid=household_uuid).first()


@dataclass(frozen=True)
class Basis:
    """Why a professional may see a person, said in words for the audit trail and the screen."""

    kind: str
    label: str


def basis_for(professional: Professional, person: Person) -> Basis | None:
    """The strongest reason the professional may see this person, or None."""
    if not professional.works_with_clients:
        return None
    organisation = professional.organisation
    active = AccessBasis.objects.filter(organisation=organisation, ended_at__isnull=True)
    direct = active.filter(person=person).first()
    if direct is not None:
        return Basis(direct.kind, direct.get_kind_display())
    household_ids = HouseholdMembership.objects.filter(
        person=person, until__isnull=True
    ).values("household_id")
    if active.filter(
        person__memberships__household_id__in=household_ids,
        person__memberships__until__isnull=True,
    ).exists():
        return Basis("huishouden", "Betrokken bij een lid van het huishouden")
    if organisation.type.grants_district_basis and Household.objects.filter(
        id__in=household_ids, district__in=organisation.districts.all()
    ).exists():
        return Basis("gebiedsteam", "Team van de gebiedsregio waar de persoon woont")
    return None


__all__ = [
    "Basis", "BasisKind", "basis_for", "end_basis", "grant_basis", "visible_household",
    "visible_households", "visible_person", "visible_persons",
]
