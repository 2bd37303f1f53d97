"""Read-only selections of the verwijsindex for lists: Mijn verwijsindex, the regievoerder's
page and the worklist.

State changes all go through the other verwijsindex services; what is here only selects rows
for display, with their related rows loaded in a fixed number of queries (no N+1), and never a
BSN. The informing deadline is the same rule ``deadlines`` enforces: ``term_end``.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Case, IntegerField, Prefetch, QuerySet, Value, When
from django.utils import timezone

from ketenzicht.organisations.models import Municipality, Professional

from .deadlines import term_end
from .models import (
    OPEN_MATCH,
    IndexRegistration,
    IndexSettings,
    InformedParty,
    Match,
    MatchParticipation,
    MatchStatus,
    Objection,
    RegistrationStatus,
)
from .municipality import in_municipality, match_municipality_id, registration_municipality_id

#: Used when a municipality has no settings (yet): the defaults of ``IndexSettings``.
DEFAULT_INFORMING_WORKING_DAYS = IndexSettings._meta.get_field("informing_working_days").default
DEFAULT_ESCALATION_WORKING_DAYS = IndexSettings._meta.get_field("escalation_working_days").default


def settings_by_municipality() -> dict[int, IndexSettings]:
    """Every municipality's verwijsindex settings in one query (there are only a few)."""
    return {s.municipality_id: s for s in IndexSettings.objects.all()}


@dataclass(frozen=True)
class InformingStatus:
    """What the age rule requires, and whether it is done, postponed, open or overdue."""

    required: str  # an InformedParty value
    state: str  # "geinformeerd", "uitgesteld", "open"
    due: date | None
    overdue: bool

    @property
    def required_label(self) -> str:
        try:
            return str(InformedParty(self.required).label)
        except ValueError:
            return str(self.required)


def informing_due(registration: IndexRegistration, settings: dict[int, IndexSettings]) -> date:
    found = settings.get(registration_municipality_id(registration))
    days = found.informing_working_days if found else DEFAULT_INFORMING_WORKING_DAYS
    return term_end(timezone.localdate(registration.registered_at), days)


def escalation_due(match: Match, settings: dict[int, IndexSettings]) -> date:
    """The last day for the matchregisseur to make contact: the rule ``deadlines`` escalates by."""
    found = settings.get(match_municipality_id(match))
    days = found.escalation_working_days if found else DEFAULT_ESCALATION_WORKING_DAYS
    return term_end(timezone.localdate(match.created_at), days)


def informing_status(
    registration: IndexRegistration, required: str, settings: dict[int, IndexSettings],
    today: date,
) -> InformingStatus:
    if registration.informed:
        return InformingStatus(required, "geinformeerd", None, False)
    if registration.informing_postponed_reason:
        return InformingStatus(required, "uitgesteld", None, False)
    due = informing_due(registration, settings)
    overdue = registration.status == RegistrationStatus.ACTIVE and today > due
    return InformingStatus(required, "open", due, overdue)


def open_participations() -> Prefetch:
    """A registration's participations in open matches, as ``open_participations``."""
    return Prefetch(
        "participations",
        queryset=MatchParticipation.objects.filter(
            match__in=Match.objects.filter(OPEN_MATCH)).select_related("match"),
        to_attr="open_participations",
    )


def for_listing(registrations: QuerySet[IndexRegistration]) -> QuerySet[IndexRegistration]:
    """Active first, then by end date; with everything a row shows loaded up front."""
    return (
        registrations
        .select_related("person", "organisation", "district")
        .prefetch_related(open_participations())
        .annotate(_ended=Case(When(status=RegistrationStatus.ACTIVE, then=Value(0)),
                              default=Value(1), output_field=IntegerField()))
        .order_by("_ended", "active_until", "id")
    )


def matches_for_listing(matches: QuerySet[Match]) -> QuerySet[Match]:
    """Open first (new before contact made before coordinated), newest first within."""
    order = Case(
        When(status=MatchStatus.NEW, then=Value(0)),
        When(status=MatchStatus.CONTACT_MADE, then=Value(1)),
        When(status=MatchStatus.COORDINATED, then=Value(2)),
        default=Value(3), output_field=IntegerField(),
    )
    return (matches.select_related("match_coordinator", "district", "person")
            .annotate(_order=order).order_by("_order", "-created_at", "-id"))


def escalated_matches(municipality: Municipality) -> QuerySet[Match]:
    """Open matches escalated to the regievoerder in which nobody has made contact yet."""
    return (Match.objects.filter(OPEN_MATCH, escalated_at__isnull=False,
                                 contact_made_at__isnull=True)
            .filter(in_municipality(municipality, "match_coordinator"))
            .select_related("match_coordinator", "district").order_by("escalated_at", "id"))


def pending_objections(municipality: Municipality) -> QuerySet[Objection]:
    """Objections received and not yet decided, of registrations in the municipality."""
    return (Objection.objects.filter(decided_at__isnull=True)
            .filter(in_municipality(municipality, "registration__organisation"))
            .select_related("registration__organisation").order_by("received_on", "id"))


def matches_to_coordinate(professional: Professional) -> QuerySet[Match]:
    """For the matchregisseur's professionals: matches still to contact or to coordinate."""
    return (Match.objects.filter(match_coordinator_id=professional.organisation_id,
                                 status__in=[MatchStatus.NEW, MatchStatus.CONTACT_MADE])
            .select_related("district").order_by("created_at", "id"))


def new_matches_of(professional: Professional) -> QuerySet[Match]:
    """New matches the professional's organisation takes part in (not as matchregisseur)."""
    return (Match.objects.filter(
        status=MatchStatus.NEW,
        participations__registration__organisation_id=professional.organisation_id,
        participations__registration__status=RegistrationStatus.ACTIVE,
    ).exclude(match_coordinator_id=professional.organisation_id).distinct().order_by("created_at", "id"))


def informing_to_do(professional: Professional) -> Iterable[IndexRegistration]:
    """The professional's own active registrations with informing neither done nor postponed."""
    return (IndexRegistration.objects.filter(
        registrant=professional, status=RegistrationStatus.ACTIVE, informed="",
        informing_postponed_reason="",
    ).select_related("organisation", "district").order_by("registered_at", "id"))
