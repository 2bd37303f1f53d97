"""Need-to-know access: which persons and households a professional may see, and why.

A professional sees a person only when their organisation has an active recorded basis on that
person or on someone in the same current household (the whole household is in view, not only
the child in front of you): a case, an application, a signal or route, a coordinated match, a
plan, a referral, a client relation. Being the district team (CJG-Jeugdteam) of the person's
district is no basis of its own (data minimisation, domain.md §5): such a team finds a resident
without a basis only with a stated purpose, to record an application or a signal
(``access.resident_search``), and recording it creates the basis. Roles without client work, and
organisations that are no longer active, see no one. Everything else answers as if it did not
exist.

Lists are built as one UNION of person ids (direct bases and their housemates), so the database
walks indexes from the organisation outwards instead of testing every person in the country.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from uuid import UUID

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ketenzicht.audit.models import EventType
from ketenzicht.audit.services import Actor, Subject, record
from ketenzicht.organisations.models import Organisation, Professional
from ketenzicht.people.models import Household, HouseholdMembership, Person

from .models import AccessBasis, BasisKind


def grant_basis(
    organisation: Organisation, person: Person, kind: str, reference: str = "", *, actor: Actor
) -> AccessBasis:
    """Record an organisation's involvement with a person (idempotent while it is active).

    Granting access is itself audited: it is how someone comes to see a client.
    """
    basis, created = AccessBasis.objects.get_or_create(
        organisation=organisation, person=person, kind=kind, reference=reference,
        ended_at=None,
    )
    if created:
        record(actor, EventType.CREATE, _basis_subject(basis), purpose=f"grondslag {kind}")
    return basis


def end_basis(
    organisation: Organisation, person: Person, kind: str, reference: str = "", *, actor: Actor
) -> int:
    """End an involvement; returns how many active bases were ended (audited when any)."""
    active = AccessBasis.objects.filter(
        organisation=organisation, person=person, kind=kind, reference=reference,
        ended_at__isnull=True,
    )
    bases = list(active)
    ended = active.update(ended_at=timezone.now())
    for basis in bases:
        record(actor, EventType.UPDATE, _basis_subject(basis), purpose=f"grondslag {kind} beëindigd")
    return ended


def forget_bases(kind: str, references: list[str]) -> int:
    """Delete every basis (active or ended) of ``kind`` with one of ``references``; set-based.

    For data that must be erased or destroyed: an ended basis would otherwise keep saying that
    the organisation was involved with the person. Returns how many rows were deleted. The
    caller audits the erasure of what the bases referred to.
    """
    if not references:
        return 0
    deleted, _rows = AccessBasis.objects.filter(kind=kind, reference__in=list(references)).delete()
    return deleted


def involved_organisation_ids(person: Person) -> QuerySet:
    """The organisations with an active recorded involvement with this person (for handing a
    case to "an existing professional": only someone already involved)."""
    return AccessBasis.objects.filter(person=person, ended_at__isnull=True).values("organisation_id")


def _basis_subject(basis: AccessBasis) -> Subject:
    return Subject(
        client_pseudonym=str(basis.person.uuid), object_type="grondslag",
        object_id=str(basis.uuid), detail={"organisatie": basis.organisation.slug},
    )


def may_see_clients(professional: Professional) -> bool:
    """Only client roles of active organisations see individual clients at all."""
    return professional.works_with_clients and professional.organisation.is_active


#: Involvement that shows the person only, not their household: registering in the
#: verwijsindex needs no consent, so it must not open the parents' pages (domain.md §2).
PERSON_ONLY_KINDS = frozenset({BasisKind.REGISTRATION})


def _basis_person_ids(organisation: Organisation) -> QuerySet:
    return AccessBasis.objects.filter(organisation=organisation, ended_at__isnull=True).values(
        "person_id"
    )


def _household_basis_person_ids(organisation: Organisation) -> QuerySet:
    return AccessBasis.objects.filter(
        organisation=organisation, ended_at__isnull=True
    ).exclude(kind__in=PERSON_ONLY_KINDS).values("person_id")


def _household_ids_in_view(organisation: Organisation) -> QuerySet:
    """Households with a member the organisation is involved with (a district is no basis)."""
    return HouseholdMembership.objects.filter(
        until__isnull=True, person_id__in=_household_basis_person_ids(organisation)
    ).values("household_id")


def visible_persons(professional: Professional) -> QuerySet[Person]:
    """All persons the professional may see, as one query (no per-row checks)."""
    if not may_see_clients(professional):
        return Person.objects.none()
    organisation = professional.organisation
    housemates = HouseholdMembership.objects.filter(
        until__isnull=True, household_id__in=_household_ids_in_view(organisation)
    ).values("person_id")
    return Person.objects.filter(id__in=_basis_person_ids(organisation).union(housemates))


def visible_households(professional: Professional) -> QuerySet[Household]:
    if not may_see_clients(professional):
        return Household.objects.none()
    return Household.objects.filter(id__in=_household_ids_in_view(professional.organisation))


def visible_person(professional: Professional, person_uuid: UUID | str) -> Person | None:
    """The person if the professional may see them; None for both 'missing' and 'not allowed'.

    Starts from the one person (unique index on uuid) and asks for a reason, instead of
    building the whole visible set.
    """
    person = Person.objects.filter(uuid=person_uuid).first()
    return person if person is not None and basis_for(professional, person) else None


def organisations_seeing_household(household: Household, organisation_ids: Iterable[int]) -> set[int]:
    """Which of these organisations may open the household's page: a basis on a current member
    that brings the household into view (a verwijsindex registration alone shows only the
    person). One query for any number of organisations."""
    return set(AccessBasis.objects.filter(
        organisation_id__in=set(organisation_ids), ended_at__isnull=True,
        person__memberships__household=household, person__memberships__until__isnull=True,
    ).exclude(kind__in=PERSON_ONLY_KINDS).values_list("organisation_id", flat=True).distinct())


def visible_household(professional: Professional, household_uuid: UUID | str) -> Household | None:
    household = Household.objects.filter(uuid=household_uuid).first()
    if household is None or not may_see_clients(professional):
        return None
    allowed = Household.objects.filter(
        pk=household.pk, id__in=_household_ids_in_view(professional.organisation)
    ).exists()
    return household if allowed else None


@dataclass(frozen=True)
class Basis:
    """Why a professional may see a person, said in words for the audit trail and the screen."""

    kind: str
    label: str


HOUSEHOLD_BASIS = "huishouden"
_HOUSEHOLD_LABEL = _("Betrokken bij een lid van het huishouden")


def basis_for(professional: Professional, person: Person) -> Basis | None:
    """The strongest reason the professional may see this person, or None.

    Strongest first: the organisation's own involvement with the person (the oldest active
    one, so the answer is stable), then involvement with a housemate. Living in the district of
    a district team is no reason (see the module docstring).
    """
    if not may_see_clients(professional):
        return None
    organisation = professional.organisation
    active = AccessBasis.objects.filter(organisation=organisation, ended_at__isnull=True)
    direct = active.filter(person=person).order_by("started_at", "id").first()
    if direct is not None:
        return Basis(direct.kind, str(direct.get_kind_display()))
    household_ids = HouseholdMembership.objects.filter(
        person=person, until__isnull=True
    ).values("household_id")
    housemates = HouseholdMembership.objects.filter(
        household_id__in=household_ids, until__isnull=True
    ).values("person_id")
    if active.exclude(kind__in=PERSON_ONLY_KINDS).filter(person_id__in=housemates).exists():
        return Basis(HOUSEHOLD_BASIS, str(_HOUSEHOLD_LABEL))
    return None


__all__ = [
    "Basis", "BasisKind", "basis_for", "end_basis", "grant_basis", "may_see_clients",
    "visible_household", "visible_households", "visible_person", "visible_persons",
]
