"""Signalen in cijfers (issue 4): signals per category and district, whether signallers hear
back, the kindcheck's use, from ``signals.statistics`` (aggregates only; who may see the page:
``web.views.figures``).
"""

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from ketenzicht.organisations.models import Municipality
from ketenzicht.signals import statistics as signal_statistics
from ketenzicht.signals.categories import Category

from ..figures_tables import Column, FiguresTable
from ..guards import professional_required
from ..views.figures import figures_page, percentage


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
            [(feedback.shared, feedback.with_feedback, percentage(feedback.rate))],
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
    return figures_page(request, _("Signalen in cijfers"), "web/figures_signals.html", _signal_tables)
