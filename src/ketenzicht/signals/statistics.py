"""Signals in view: aggregates for the municipality's policy officers and the inspectors.

Only counts, computed in SQL, never a person: which concerns are signalled in which district
(the report found the less visible ones missed), whether signallers hear back, and how adult
care uses the kindcheck.
"""

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q

from ketenzicht.organisations.models import Municipality

from .childcheck import child_check_use
from .models import Feedback, FeedbackMoment, Route, RouteKind, Signal, SignalCategory


def signals_by_category_and_district(municipality: Municipality) -> list[dict]:
    """Signals per category and residence district (a signal counts once per category)."""
    return list(
        SignalCategory.objects.filter(signal__district__municipality=municipality)
        .values("category", "signal__district__name")
        .annotate(signals=Count("signal_id"))
        .order_by("category", "signal__district__name")
    )


@dataclass(frozen=True)
class FeedbackFigures:
    shared: int
    with_feedback: int

    @property
    def rate(self) -> float | None:
        return self.with_feedback / self.shared if self.shared else None


def feedback_figures(municipality: Municipality) -> FeedbackFigures:
    """Of the signals shared with a desk, how many signallers heard back after triage or the
    safety assessment, or when the route ended (domain.md §4) — an acceptance alone does not
    count."""
    shared = Signal.objects.filter(district__municipality=municipality).filter(
        Exists(Route.objects.filter(signal=OuterRef("pk")).exclude(kind=RouteKind.ADVICE))
    )
    counts = shared.aggregate(
        shared=Count("id"),
        with_feedback=Count("id", filter=Q(Exists(Feedback.objects.filter(
            signal=OuterRef("pk"), moment__in=[FeedbackMoment.ASSESSED, FeedbackMoment.ENDED])))),
    )
    return FeedbackFigures(counts["shared"], counts["with_feedback"])


def child_checks(municipality: Municipality) -> list[dict]:
    return list(child_check_use().filter(organisation__municipality=municipality))
