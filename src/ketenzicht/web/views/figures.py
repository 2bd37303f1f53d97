"""Verwijsindex in cijfers: how the index is used in a municipality (issue 3 item 9).

For the municipality's policy officers, regievoerder and functioneel beheerder, and for the
inspectors: aggregates only (``verwijsindex.statistics``), never a youth, so the page needs no
basis and writes no audit event. Everyone else gets the 403 page.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ketenzicht.organisations.models import Municipality, Professional, Role
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
            "follow_up_percentage": None if follow_up.rate is None else round(follow_up.rate * 100),
        })
    return render(request, "web/vir_figures.html", context)
