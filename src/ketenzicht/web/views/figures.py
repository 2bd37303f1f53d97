"""The figures pages' common ground: who may see them, the municipality shown, and the page.

Verwijsindex in cijfers (issue 3 item 9, ``web.verwijsindex.figures``) and Signalen in cijfers
(issue 4, ``web.signals.figures``) show how the chain is used in a municipality. They are for the
municipality's policy officers, regievoerder and functioneel beheerder, and for the inspectors:
aggregates only, never a person, so the pages need no basis and write no audit event. Everyone
else gets the 403 page.
"""

from datetime import timedelta

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ketenzicht.organisations.models import Municipality, Professional, Role

from ..responses import forbidden

FIGURES_ROLES = frozenset(
    {Role.POLICY_OFFICER, Role.INSPECTOR, Role.CHAIN_DIRECTOR, Role.FUNCTIONAL_ADMIN}
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


def percentage(rate: float | None) -> str:
    return "—" if rate is None else f"{round(rate * 100)}%"


def figures_page(request: HttpRequest, title: str, template: str, tables) -> HttpResponse:
    """A figures page: the municipality shown (an inspector chooses) and its tables."""
    professional = request.professional
    if not may_see_figures(professional):
        return forbidden(request)
    municipality, choices = _municipality_for(professional, request.GET.get("gemeente"))
    context = {"municipality": municipality, "municipalities": choices, "title": title}
    if municipality is not None:
        context.update(tables(municipality))
    return render(request, template, context)
