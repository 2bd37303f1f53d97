"""Pages: recording a consultation or MDO from the case page, and the meeting's record.

Thin adapters over ``plans.meetings``: the case is opened through ``plans.access.open_case`` (the
team's own), the meeting through ``meetings.open_meeting`` (the team, or an organisation that took
part), both audited; everyone else gets the 404 of a missing page, returned rather than raised so
the audit event of the refused attempt is kept (``ATOMIC_REQUESTS``). An invited organisation
reads the record of the meeting it took part in and nothing else of the case: no link to the
case, the household or its members, and no consent details or safety reason.
"""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from ketenzicht.plans import meetings
from ketenzicht.plans.access import open_case
from ketenzicht.plans.cases import case_link
from ketenzicht.plans.models import CaseStatus, MeetingKind
from ketenzicht.plans.refusals import all_of
from ketenzicht.refusals import Refused

from ..guards import professional_required, web_actor
from ..responses import not_found
from .meeting_forms import MeetingForm


@require_http_methods(["GET", "POST"])
@professional_required
def meeting_new(request: HttpRequest, case_uuid) -> HttpResponse:
    professional = request.professional
    actor = web_actor(request, professional)
    case = open_case(professional, actor, case_uuid)
    if case is None:
        return not_found(request)
    if case.status != CaseStatus.OPEN:
        messages.error(request, _("Deze casus is gesloten: er kan geen overleg meer bij."))
        return redirect(case_link(case))
    posted = request.method == "POST"
    form = MeetingForm(request.POST if posted else None, case=case, today=timezone.localdate())
    if posted and not form.adds_a_row and form.is_valid():
        try:
            meeting = meetings.record_meeting(professional, actor, case, form.meeting_request())
        except Refused as refusal:
            for problem in all_of(refusal):
                form.add_refusal(problem)
        else:
            messages.success(request, _("Het overleg is vastgelegd; de afgesproken acties staan in het "
                                        "gezinsplan."))
            return redirect(reverse("web:meeting", kwargs={"meeting_uuid": meeting.uuid}))
    elif posted and form.adds_a_row:
        form.errors.clear()  # adding a row checks nothing yet
    return render(request, "web/plans/meeting_new.html", {
        "form": form, "case": case, "household": case.household,
        "title": _("Overleg vastleggen"),
    })


@require_GET
@professional_required
def meeting(request: HttpRequest, meeting_uuid) -> HttpResponse:
    professional = request.professional
    found = meetings.open_meeting(professional, web_actor(request, professional), meeting_uuid)
    if found is None:
        return not_found(request)
    participants, actions = meetings.record_of(found)
    kind = _("MDO") if found.kind == MeetingKind.MDO else _("Collegiale consultatie")
    return render(request, "web/plans/meeting.html", {
        "meeting": found, "participants": participants, "actions": actions,
        "on_team": meetings.is_of_the_team(professional, found),
        "title": _("%(kind)s over huishouden %(name)s") % {"kind": kind, "name": found.household.name},
    })


urlpatterns = [
    path("casussen/<uuid:case_uuid>/overleg/nieuw/", meeting_new, name="meeting_new"),
    path("overleggen/<uuid:meeting_uuid>/", meeting, name="meeting"),
]
