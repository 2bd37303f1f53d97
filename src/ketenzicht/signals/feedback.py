"""Terugkoppeling: the signaller always hears what happened, at a privacy-safe level.

Feedback is built only from the route's structured fields: the moment, whether a route started,
with which organisation, and — only when the signaller keeps a role — the agreed safety
conditions. Nothing the desk writes in its own file (notes, triage, assessment) can reach it,
because no such field is read here (domain.md §4).
"""

from collections.abc import Iterable
from datetime import datetime

from django.db.models import Q

from ketenzicht.leads.models import HouseholdLead
from ketenzicht.notify.services import Message, notify
from ketenzicht.organisations.models import Organisation

from .models import Feedback, FeedbackMoment, Route, Signal
from .notices import signal_link, tell_signaller


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


def feedback_for(signal: Signal) -> list[Feedback]:
    """What the signaller has been told about this signal, oldest first. A "plan and regisseur"
    row carries ``regisseur_name``: who was the household's regisseur at that organisation then."""
    rows = list(signal.feedback.select_related("desk", "with_organisation").order_by("created_at", "id"))
    for row in rows:
        if row.moment == FeedbackMoment.PLAN_AND_REGISSEUR:
            lead = (HouseholdLead.objects.select_related("professional__user")
                    .filter(organisation_id=row.with_organisation_id, started_at__lte=row.created_at,
                            household__memberships__person_id=signal.person_id)
                    .filter(Q(ended_at__isnull=True) | Q(ended_at__gt=row.created_at))
                    .order_by("-started_at").first())
            row.regisseur_name = lead.professional.display_name if lead else ""
    return rows


def tell_plan_and_regisseur(person_ids: Iterable[int], *, regisseur: str, organisation: Organisation,
                            now: datetime) -> int:
    """The household's plan was agreed with a regisseur: every signaller of a signal about one of
    these persons (the household's members) hears it once per signal, with the regisseur's name
    and organisation and nothing of the plan. Called by ``plans`` (signals does not know plans).

    A signal that reached a desk keeps it as feedback on its latest route; a signal never shared
    has no route, so its signaller is told by notice only. Returns how many signals were told."""
    ids = list(person_ids)
    signals = list(Signal.objects.filter(Q(person_id__in=ids) | Q(concerns_parent_id__in=ids))
                   .select_related("signaller").order_by("id"))
    told = set(Feedback.objects.filter(signal__in=signals, moment=FeedbackMoment.PLAN_AND_REGISSEUR)
               .values_list("signal_id", flat=True))
    latest: dict[int, Route] = {}
    for route in Route.objects.filter(signal__in=signals).order_by("shared_at", "id"):
        latest[route.signal_id] = route
    count = 0
    for signal in signals:
        if signal.pk in told:
            continue
        route = latest.get(signal.pk)
        if route is not None:
            Feedback.objects.create(
                signal=signal, route=route, moment=FeedbackMoment.PLAN_AND_REGISSEUR, desk=organisation,
                with_organisation=organisation, route_started=None, created_at=now)
        created = notify([signal.signaller], Message(
            kind="terugkoppeling", title=str(FeedbackMoment.PLAN_AND_REGISSEUR.label),
            body=f"Er is een plan en een regisseur voor het gezin: {regisseur} ({organisation.name}). "
                 "De regisseur is het aanspreekpunt voor het gezin.",
            link=signal_link(signal), subject_key=f"{signal.uuid}:{FeedbackMoment.PLAN_AND_REGISSEUR}",
        ))
        count += 1 if (route is not None or created) else 0
    return count
