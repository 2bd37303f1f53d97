"""The access report for functioneel beheerders: who looked at a client's data.

The rules (who may ask, which rows, what the answer may reveal, the audit of the look-up) are
``access.inzage``'s; this view only turns the form into a call and the result into a page.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ketenzicht.access import inzage

from ..forms import AccessReportForm
from ..guards import professional_required, web_actor
from ..responses import forbidden


@require_http_methods(["GET", "POST"])
@professional_required
def access_report(request: HttpRequest) -> HttpResponse:
    professional = request.professional
    if not inzage.may_request(professional):
        return forbidden(request)
    form = AccessReportForm(request.POST or None)
    result = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        result = inzage.client_report(
            professional, web_actor(request, professional), data["bsn"], data["start"],
            data["end"], export="export" in request.POST,
        )
        if result.csv is not None:
            return _csv_response(result.csv)
        # The BSN is not echoed into the page: it would sit in the browser's cache and history,
        # and the page for one BSN must be identical to the page for another.
        form = AccessReportForm(initial={"start": data["start"], "end": data["end"]})
    return render(request, "web/access_report.html", {
        "form": form,
        "result": result,
        "all_organisations": inzage.sees_all_organisations(professional),
        "title": _("Wie heeft mijn gegevens ingezien"),
    })


def _csv_response(content: str) -> HttpResponse:
    """A download whose name carries the date only: never a BSN or a name."""
    response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    filename = f"toegangsrapport-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response
