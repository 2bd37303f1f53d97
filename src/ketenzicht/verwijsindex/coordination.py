"""Who coordinates a match (matchregisseur), by the municipality's rules kept as configuration.

Default rule (``IndexSettings.match_coordinator_type``): the team of that type — the CJG-Jeugdteam —
that serves the district where the youth lives. Only organisation types allowed to coordinate
qualify; schools and police never do. Without such a team (the youth lives outside the
municipality's districts) the first participating organisation that may coordinate is chosen.
"""

from django.core.exceptions import ImproperlyConfigured

from ketenzicht.organisations.models import District, Municipality, Organisation

from .models import IndexSettings


def index_settings(municipality: Municipality) -> IndexSettings:
    found = IndexSettings.objects.select_related("match_coordinator_type").filter(
        municipality=municipality
    ).first()
    if found is None:
        raise ImproperlyConfigured(
            f"De verwijsindex is niet ingesteld voor gemeente {municipality}: "
            "leg de instellingen vast in het beheer."
        )
    if not found.match_coordinator_type.may_coordinate_match:
        raise ImproperlyConfigured(
            f"Organisatietype {found.match_coordinator_type} mag geen matchregisseur zijn."
        )
    return found


def coordinator_for(
    district: District | None, municipality: Municipality, participants: list[Organisation]
) -> Organisation:
    settings = index_settings(district.municipality if district else municipality)
    if district is not None:
        team = Organisation.objects.filter(
            type=settings.match_coordinator_type, districts=district, is_active=True
        ).order_by("id").first()
        if team is not None:
            return team
    for organisation in participants:
        if organisation.type.may_coordinate_match and organisation.is_active:
            return organisation
    raise ImproperlyConfigured(
        "Geen organisatie gevonden die matchregisseur mag zijn voor deze jeugdige."
    )
