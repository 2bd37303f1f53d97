"""Verwijsindex in cijfers (issue 3 item 9) and Signalen in cijfers (issue 4): how the chain is
used in a municipality.

For the municipality's policy officers, regievoerder and functioneel beheerder, and for the
inspectors: aggregates only (``verwijsindex.statistics``, ``signals.statistics``), never a
person, so the page needs no basis and writes no audit event. Everyone else gets the 403 page.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ketenzicht.organisations.models import Municipality, Professional, Role
from ketenzicht.signals import statistics as signal_statistics
from ketenzicht.signals.categories import Category
from ketenzicht.verwijsindex import statistics

from ..guards import professional_required
from ..responses import forbidden

FIGURES_ROLES = frozenset(
    {Role.POLICY_OFFICER, Role.INSPECTOR, Role.COORDINATOR, Role.FUNCTIONAL_ADMIN}
)
MUNICIPALITY_TYPE = "gemeente"
INSPECTION_TYPE = "inspectie"


def may_see_figures(professional: Professional) -> bool:
    """The listed roles, of the municipality's own organisation or of the inspection."""
    return (professional.role in FIGURES_ROLES
            and professional.organisation.type.slug in (MUNICIPALITY_TYPE, INSPECTION_TYPE))


def _municipality_for(professional: Professional, chosen: str | None) -> tuple[Municipality, list]:
    """The municipality shown, and the choice an inspector has (empty for everyone else)."""
    if professional.organisation.type.slug != INSPECTION_TYPE:
        return professional.organisation.municipality, []
    municipalities = list(Municipality.objects.order_by("name"))
    by_slug = {municipality.slug: municipality for municipality in municipalities}
    return by_slug.get(chosen or "", municipalities[0] if municipalities else None), municipalities


def duration_text(duration: timedelta | None) -> str:
    """'2 dagen en 6 uur', '5 uur', or a dash when there is nothing to average."""
    if duration is None:
        return "—"
    hours = int(duration.total_seconds() // 3600)
    days, hours = divmod(hours, 24)
    day_text = ngettext("%(count)d dag", "%(count)d dagen", days) % {"count": days}
    hour_text = ngettext("%(count)d uur", "%(count)d uur", hours) % {"count": hours}
    if days and hours:
        return _("%(days)s en %(hours)s") % {"days": day_text, "hours": hour_text}
    return day_text if days else hour_text


@dataclass(frozen=True)
class MatchRow:
    figures: statistics.MatchFigures
    average_time_to_contact: str


@professional_required
def vir_figures(request: HttpRequest) -> HttpResponse:
    professional = request.professional
    if not may_see_figures(professional):
        return forbidden(request)
    municipality, choices = _municipality_for(professional, request.GET.get("gemeente"))
    context = {"municipality": municipality, "municipalities": choices,
               "title": _("Verwijsindex in cijfers")}
    if municipality is not None:
        follow_up = statistics.follow_up(municipality)
        context.update({
            "registrations": statistics.registrations_by_type_and_district(municipality),
            "matches": [MatchRow(row, duration_text(row.average_time_to_contact))
                        for row in statistics.matches_by_district(municipality)],
            "follow_up": follow_up,
            "follow_up_percentage": _percentage(follow_up.rate),
        })
    return render(request, "web/vir_figures.html", context)


def _percentage(rate: float | None) -> int | None:
    return None if rate is None else round(rate * 100)


@professional_required
def signal_figures(request: HttpRequest) -> HttpResponse:
    """Which concerns are signalled where, whether signallers hear back, the kindcheck's use."""
    professional = request.professional
    if not may_see_figures(professional):
        return forbidden(request)
    municipality, choices = _municipality_for(professional, request.GET.get("gemeente"))
    context = {"municipality": municipality, "municipalities": choices,
               "title": _("Signalen in cijfers")}
    if municipality is not None:
        feedback = signal_statistics.feedback_figures(municipality)
        labels = dict(Category.choices)
        context.update({
            "by_category": [{**row, "label": labels.get(row["category"], row["category"])}
                            for row in signal_statistics.signals_by_category_and_district(municipality)],
            "feedback": feedback,
            "feedback_percentage": _percentage(feedback.rate),
            "child_checks": signal_statistics.child_checks(municipality),
        })
    return render(request, "web/figures_signals.html", context)
