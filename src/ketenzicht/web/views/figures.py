"""Verwijsindex in cijfers (issue 3 item 9) and Signalen in cijfers (issue 4): how the chain is
used in a municipality.

For the municipality's policy officers, regievoerder and functioneel beheerder, and for the
inspectors: aggregates only (``verwijsindex.statistics``, ``signals.statistics``), never a
person, so the page needs no basis and writes no audit event. Everyone else gets the 403 page.
"""

from datetime import timedelta

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ketenzicht.organisations.models import Municipality, Professional, Role
from ketenzicht.signals import statistics as signal_statistics
from ketenzicht.signals.categories import Category
from ketenzicht.verwijsindex import statistics

from ..figures_tables import Column, FiguresTable
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


def _percentage(rate: float | None) -> str:
    return "—" if rate is None else f"{round(rate * 100)}%"


def _page(request: HttpRequest, title: str, template: str, tables) -> HttpResponse:
    """A figures page: the municipality shown (an inspector chooses) and its tables."""
    professional = request.professional
    if not may_see_figures(professional):
        return forbidden(request)
    municipality, choices = _municipality_for(professional, request.GET.get("gemeente"))
    context = {"municipality": municipality, "municipalities": choices, "title": title}
    if municipality is not None:
        context.update(tables(municipality))
    return render(request, template, context)


def _vir_tables(municipality: Municipality) -> dict[str, FiguresTable]:
    follow_up = statistics.follow_up(municipality)
    return {
        "registrations": FiguresTable(
            _("Registraties per organisatietype en gebiedsregio, actief en in het archief"),
            (Column(_("Organisatietype")), Column(_("Gebiedsregio")),
             Column(_("Actief"), numeric=True), Column(_("In archief"), numeric=True)),
            [(row.organisation_type, row.district, row.active, row.archived)
             for row in statistics.registrations_by_type_and_district(municipality)],
        ),
        "matches": FiguresTable(
            _("Matches per gebiedsregio: open, zonder contact, opgeschaald en gesloten, en hoe "
              "snel er contact is"),
            (Column(_("Gebiedsregio")), Column(_("Open"), numeric=True),
             Column(_("Zonder contact"), numeric=True), Column(_("Opgeschaald"), numeric=True),
             Column(_("Gesloten"), numeric=True), Column(_("Gemiddelde tijd tot contact")),
             Column(_("Langst zonder contact sinds"))),
            [(row.district, row.open, row.without_contact, row.escalated, row.closed,
              duration_text(row.average_time_to_contact),
              date_format(row.longest_without_contact_since, "j F Y")
              if row.longest_without_contact_since else "—")
             for row in statistics.matches_by_district(municipality)],
        ),
        "follow_up": FiguresTable(
            _("Aandeel matches waarin contact is gelegd"),
            (Column(_("Matches"), numeric=True), Column(_("Met contact"), numeric=True),
             Column(_("Opvolgingspercentage"), numeric=True)),
            [(follow_up.matches, follow_up.contacted, _percentage(follow_up.rate))],
            row_headers=False,
        ),
    }


@professional_required
def vir_figures(request: HttpRequest) -> HttpResponse:
    return _page(request, _("Verwijsindex in cijfers"), "web/vir_figures.html", _vir_tables)


def _signal_tables(municipality: Municipality) -> dict[str, FiguresTable]:
    labels = dict(Category.choices)
    feedback = signal_statistics.feedback_figures(municipality)
    return {
        "by_category": FiguresTable(
            _("Een signaal telt mee bij elke categorie die het noemt; de gebiedsregio is die van "
              "de woonplaats bij het vastleggen"),
            (Column(_("Categorie")), Column(_("Gebiedsregio")), Column(_("Signalen"), numeric=True)),
            [(labels.get(row["category"], row["category"]), row["signal__district__name"],
              row["signals"])
             for row in signal_statistics.signals_by_category_and_district(municipality)],
        ),
        "feedback": FiguresTable(
            _("Gedeelde signalen waarover de melder terugkoppeling kreeg"),
            (Column(_("Gedeeld met een loket"), numeric=True),
             Column(_("Met terugkoppeling"), numeric=True), Column(_("Percentage"), numeric=True)),
            [(feedback.shared, feedback.with_feedback, _percentage(feedback.rate))],
            row_headers=False,
        ),
        "child_checks": FiguresTable(
            _("Kindchecks bij de intake van volwassen cliënten, per organisatie"),
            (Column(_("Organisatie")), Column(_("Kindchecks"), numeric=True),
             Column(_("Kinderen in beeld"), numeric=True), Column(_("Signaal geopend"), numeric=True)),
            [(row["organisation__name"], row["checks"], row["positive"], row["signals"])
             for row in signal_statistics.child_checks(municipality)],
        ),
    }


@professional_required
def signal_figures(request: HttpRequest) -> HttpResponse:
    """Which concerns are signalled where, whether signallers hear back, the kindcheck's use."""
    return _page(request, _("Signalen in cijfers"), "web/figures_signals.html", _signal_tables)
