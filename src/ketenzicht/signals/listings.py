"""Lists of signals: the signaller's own overview ("Mijn signalen"), where each stands.

Each list is a fixed number of queries whatever its length: categories, routes with their desk
and the feedback are prefetched, never fetched per row.
"""

from django.db.models import Prefetch, QuerySet

from ketenzicht.organisations.models import Professional

from .access import SIGNALLER_SIDE_ROLES
from .models import Feedback, Route, Signal


def _with_progress(signals: QuerySet[Signal]) -> QuerySet[Signal]:
    return signals.select_related("person", "proposed_desk", "signaller__user").prefetch_related(
        "categories",
        Prefetch("routes", queryset=Route.objects.select_related("desk").order_by("shared_at", "id")),
        Prefetch("feedback", queryset=Feedback.objects.select_related("desk", "with_organisation")
                 .order_by("created_at", "id")),
    ).order_by("-created_at", "-id")


def signals_of(professional: Professional) -> QuerySet[Signal]:
    """Every signal the professional gave, newest first, with its routes and feedback."""
    return _with_progress(Signal.objects.filter(signaller=professional))


def signals_of_organisation(professional: Professional) -> QuerySet[Signal]:
    """For the aandachtsfunctionaris and teamleider: all signals of their organisation."""
    if professional.role not in SIGNALLER_SIDE_ROLES:
        return Signal.objects.none()
    return _with_progress(Signal.objects.filter(organisation=professional.organisation_id))
