"""Which organisations are involved with a household: an active basis on any current member.

Any kind of basis counts here, a verwijsindex registration included (a registration opens only
the youth's own page, ``PERSON_ONLY_KINDS``, but it does make the organisation one of those
involved with the family): everyone involved may know who the household's regisseur is and how
to reach them (1Gezin1Plan, domain.md §4), and no one else. Set-based, for list pages.
"""

from collections.abc import Iterable

from django.db.models import QuerySet

from ketenzicht.organisations.models import Organisation
from ketenzicht.people.models import Household, HouseholdMembership

from .models import AccessBasis


def _member_ids(household_ids: Iterable[int]) -> QuerySet:
    return HouseholdMembership.objects.filter(
        household_id__in=list(household_ids), until__isnull=True,
    ).values("person_id")


def involved_household_ids(organisation: Organisation, household_ids: Iterable[int]) -> set[int]:
    """Of ``household_ids``, those the organisation is involved with; one query."""
    ids = list(household_ids)
    if not ids or not organisation.is_active:
        return set()
    return set(
        HouseholdMembership.objects.filter(
            household_id__in=ids, until__isnull=True,
            person_id__in=AccessBasis.objects.filter(
                organisation=organisation, ended_at__isnull=True,
            ).values("person_id"),
        ).values_list("household_id", flat=True)
    )


def is_involved_with_household(organisation: Organisation, household: Household) -> bool:
    return household.pk in involved_household_ids(organisation, [household.pk])


def involved_organisation_ids(household: Household) -> set[int]:
    """The active organisations with an active basis on a current member of the household."""
    return set(
        AccessBasis.objects.filter(
            person_id__in=_member_ids([household.pk]), ended_at__isnull=True,
            organisation__is_active=True,
        ).values_list("organisation_id", flat=True)
    )


__all__ = ["involved_household_ids", "involved_organisation_ids", "is_involved_with_household"]
