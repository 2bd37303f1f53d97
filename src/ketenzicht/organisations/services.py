"""Looking up organisations, districts and professionals for the other apps.

Other apps call these functions instead of querying this app's tables.
"""

from collections.abc import Mapping
from typing import TypeVar

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser

from .models import District, Organisation, PostcodeArea, Professional

T = TypeVar("T")


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
