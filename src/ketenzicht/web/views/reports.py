"""The access report for functioneel beheerders: who looked at a client's data."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ketenzicht.organisations.models import Role

from ..forms import AccessReportForm
from ..guards import role_required, web_actor
from ..reports import client_report, report_csv, sees_all_organisations


@require_http_methods(["GET", "POST"])
@role_required(Role.FUNCTIONAL_ADMIN)
def access_report(request: HttpRequest) -> HttpResponse:
    professional = request.professional
    form = AccessReportForm(request.POST or None)
    result = None
    if request.method == "POST" and form.is_valid():
        export = "export" in request.POST
        result = client_report(
            professional, web_actor(request, professional), form.cleaned_data["bsn"],
            form.cleaned_data["start"], form.cleaned_data["end"], export=export,
        )
        if export and result.person is not None:
            return _csv_response(report_csv(result.rows))
    return render(request, "web/access_report.html", {
        "form": form,
        "result": result,
        "all_organisations": sees_all_organisations(professional),
        "title": _("Wie heeft mijn gegevens ingezien"),
    })


def _csv_response(content: str) -> HttpResponse:
    """A download whose name carries the date only: never a BSN or a name."""
    response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    filename = f"toegangsrapport-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response
