"""Whose municipality's rules apply to a registration or a match.

That of the district where the youth lives (domain.md §1: residence decides); for a youth
outside every known district, that of the owner — the registrant's organisation for a
registration, the matchregisseur for a match. Terms, escalation, the regievoerder, objections
and the figures all follow this one rule.
"""

from django.db.models import Q

from ketenzicht.organisations.models import Municipality

from .models import IndexRegistration, Match


def registration_municipality_id(registration: IndexRegistration) -> int:
    if registration.district_id is not None:
        return registration.district.municipality_id
    return registration.organisation.municipality_id


def match_municipality_id(match: Match) -> int:
    if match.district_id is not None:
        return match.district.municipality_id
    return match.match_coordinator.municipality_id


def in_municipality(municipality: Municipality, owner: str) -> Q:
    """The same rule as a filter. ``owner`` is the path to the owning organisation:
    ``"organisation"`` or ``"match_coordinator"``, possibly behind a relation
    (``"registration__organisation"``)."""
    prefix = owner.rsplit("__", 1)[0] + "__" if "__" in owner else ""
    return (Q(**{f"{prefix}district__municipality": municipality})
            | Q(**{f"{prefix}district__isnull": True, f"{owner}__municipality": municipality}))
