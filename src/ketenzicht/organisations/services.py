"""Looking up organisations, districts and professionals for the other apps.

Other apps call these functions instead of querying this app's tables.
"""

from collections.abc import Mapping
from typing import TypeVar

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet

from .models import District, Organisation, PostcodeArea, Professional

T = TypeVar("T")

#: The organisations that can take responsibility for help to a family: teams that receive
#: signals (CJG-Jeugdteam, sociaal gebiedsteam) and organisations whose core task is helping
#: youth (``may_coordinate_match``: the JGZ, MEE, Veilig Thuis, jeugdhulp, the gecertificeerde
#: instelling). Never a school, the police, a housing corporation or volunteers: they signal but
#: do not take a family over — a desk hands a family only to one of these, and the household's
#: regisseur (and the parents' back-up) is a professional of one.
CARES_FOR_FAMILIES = Q(type__receives_signals=True) | Q(type__may_coordinate_match=True)


def care_organisations() -> QuerySet[Organisation]:
    """The active organisations that can take responsibility for help (``CARES_FOR_FAMILIES``)."""
    return Organisation.objects.filter(CARES_FOR_FAMILIES, is_active=True).order_by("name")


def cares_for_families(organisation: Organisation) -> bool:
    """Whether the organisation can take responsibility for help (no query: its type is read)."""
    kind = organisation.type
    return kind.receives_signals or kind.may_coordinate_match


def normalise_postcode(postcode: str) -> str:
    """``"7811 ab"`` → ``"7811AB"``: the form postcodes are stored and compared in."""
    return "".join(postcode.split()).upper()


def match_postcode(postcode: str, areas: Mapping[str, T]) -> T | None:
    """The value of the longest postcode prefix (PC4 up to PC6) found in ``areas``, or None."""
    code = normalise_postcode(postcode)
    for length in range(len(code), 3, -1):
        if code[:length] in areas:
            return areas[code[:length]]
    return None


def district_for_postcode(postcode: str) -> District | None:
    """The district whose longest postcode prefix matches, or None outside the municipality."""
    code = normalise_postcode(postcode)
    prefixes = [code[:n] for n in range(4, len(code) + 1)]
    areas = PostcodeArea.objects.filter(prefix__in=prefixes).select_related("district")
    return match_postcode(code, {area.prefix: area.district for area in areas})


def organisation_by_slug(slug: str) -> Organisation | None:
    return Organisation.objects.select_related("type", "municipality").filter(slug=slug).first()


def professional_for_user(user: AbstractBaseUser | AnonymousUser | None) -> Professional | None:
    """The professional behind a user account, or None (anonymous, not in the chain, or of an
    organisation that is no longer active: leaving the chain ends all access at once)."""
    if user is None or not user.is_authenticated:
        return None
    return (
        Professional.objects.select_related(
            "organisation__type", "organisation__municipality", "team", "user"
        )
        .filter(user=user, organisation__is_active=True)
        .first()
    )
