"""The verwijsindex in view: how it is used, per organisation type and district (issue item 9).

For the municipality's policy officers, its regievoerder and the inspectors: counts only, never
individual youths. Every figure is one aggregate query, so the answer costs the same for
1.5 million registrations as for fifteen.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Avg, Count, DurationField, ExpressionWrapper, F, Min, Q, QuerySet

from ketenzicht.organisations.models import Municipality

from .models import IndexRegistration, Match, MatchStatus, RegistrationStatus
from .municipality import in_municipality

UNKNOWN_DISTRICT = "Buiten de gemeente of onbekend"


def _registrations(municipality: Municipality) -> QuerySet[IndexRegistration]:
    return IndexRegistration.objects.filter(in_municipality(municipality, "organisation"))


def _matches(municipality: Municipality) -> QuerySet[Match]:
    return Match.objects.filter(in_municipality(municipality, "match_coordinator"))


@dataclass(frozen=True)
class RegistrationCount:
    organisation_type: str
    district: str
    active: int
    archived: int


def registrations_by_type_and_district(municipality: Municipality) -> list[RegistrationCount]:
    rows = (
        _registrations(municipality)
        .values("organisation__type__name", "district__name")
        .annotate(
            active=Count("id", filter=Q(status=RegistrationStatus.ACTIVE)),
            archived=Count("id", filter=Q(status=RegistrationStatus.ENDED)),
        )
        .order_by("organisation__type__name", "district__name")
    )
    return [
        RegistrationCount(row["organisation__type__name"], row["district__name"] or UNKNOWN_DISTRICT,
                          row["active"], row["archived"])
        for row in rows
    ]


@dataclass(frozen=True)
class MatchFigures:
    district: str
    open: int
    without_contact: int
    escalated: int
    closed: int
    average_time_to_contact: timedelta | None
    longest_without_contact_since: datetime | None


def matches_by_district(municipality: Municipality) -> list[MatchFigures]:
    """Open matches, those still without contact (and since when), escalations, time to contact."""
    time_to_contact = ExpressionWrapper(F("contact_made_at") - F("created_at"),
                                        output_field=DurationField())
    rows = (
        _matches(municipality)
        .values("district__name")
        .annotate(
            open=Count("id", filter=~Q(status=MatchStatus.CLOSED)),
            without_contact=Count("id", filter=Q(status=MatchStatus.NEW)),
            escalated=Count("id", filter=Q(status=MatchStatus.NEW, escalated_at__isnull=False)),
            closed=Count("id", filter=Q(status=MatchStatus.CLOSED)),
            average_time_to_contact=Avg(time_to_contact, filter=Q(contact_made_at__isnull=False)),
            waiting_since=Min("created_at", filter=Q(status=MatchStatus.NEW)),
        )
        .order_by("district__name")
    )
    return [
        MatchFigures(
            district=row["district__name"] or UNKNOWN_DISTRICT, open=row["open"],
            without_contact=row["without_contact"], escalated=row["escalated"],
            closed=row["closed"], average_time_to_contact=row["average_time_to_contact"],
            longest_without_contact_since=row["waiting_since"],
        )
        for row in rows
    ]


@dataclass(frozen=True)
class FollowUp:
    matches: int
    contacted: int

    @property
    def rate(self) -> float | None:
        """Share of matches followed up (contact made); nationally about 60% in 2020."""
        return self.contacted / self.matches if self.matches else None


def follow_up(municipality: Municipality, since: datetime | None = None) -> FollowUp:
    matches = _matches(municipality)
    if since is not None:
        matches = matches.filter(created_at__gte=since)
    totals = matches.aggregate(
        matches=Count("id"), contacted=Count("id", filter=Q(contact_made_at__isnull=False))
    )
    return FollowUp(totals["matches"], totals["contacted"])
