"""Verwijsindex in cijfers (issue 3 item 9): registrations and matches per district, time to
contact and the follow-up rate, from ``verwijsindex.statistics`` (aggregates only; who may see
the page: ``web.views.figures``).
"""

from django.http import HttpRequest, HttpResponse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ketenzicht.organisations.models import Municipality
from ketenzicht.verwijsindex import statistics

from ..figures_tables import Column, FiguresTable
from ..guards import professional_required
from ..views.figures import duration_text, figures_page, percentage


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
            [(follow_up.matches, follow_up.contacted, percentage(follow_up.rate))],
            row_headers=False,
        ),
    }


@professional_required
def vir_figures(request: HttpRequest) -> HttpResponse:
    return figures_page(request, _("Verwijsindex in cijfers"), "web/vir_figures.html", _vir_tables)
