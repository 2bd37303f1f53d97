"""Terugkoppeling: the signaller always hears what happened, at a privacy-safe level.

Feedback is built only from the route's structured fields: the moment, whether a route started,
with which organisation, and — only when the signaller keeps a role — the agreed safety
conditions. Nothing the desk writes in its own file (notes, triage, assessment) can reach it,
because no such field is read here (domain.md §4).
"""

from datetime import datetime

from django.db.models import QuerySet

from .models import Feedback, FeedbackMoment, Route, Signal
from .notices import tell_signaller


def give_feedback(route: Route, moment: FeedbackMoment, now: datetime, *,
                  route_started: bool | None = None, with_organisation=None) -> Feedback | None:
    """Record the feedback of one moment (once per route and moment) and tell the signaller."""
    feedback, created = Feedback.objects.get_or_create(
        route=route, moment=moment,
        defaults={
            "signal": route.signal, "desk": route.desk, "route_started": route_started,
            "with_organisation": with_organisation, "created_at": now,
            "safety_conditions": route.safety_conditions if route.signaller_keeps_role else "",
        },
    )
    if not created:
        return None
    tell_signaller(route.signal, f"{route.uuid}:{moment}", str(FeedbackMoment(moment).label))
    return feedback


def feedback_for(signal: Signal) -> QuerySet[Feedback]:
    """What the signaller has been told about this signal, oldest first."""
    return signal.feedback.select_related("desk", "with_organisation").order_by("created_at", "id")
