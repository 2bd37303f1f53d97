"""Pages: a family's own application (aanmelding) and the intake with the risk questions.

Thin adapters over ``plans.applications`` and ``plans.intake``: every rule is the service's, and
its refusals (all at once) are shown next to their fields. A case the professional may not see is
the same 404 as a missing one (``plans.access.open_case`` audits the attempt), returned rather
than raised so the audit event is kept (``ATOMIC_REQUESTS``). The BSN travels only in POST
bodies: the purposeful resident search of a district team (``web.views.clients.resident_search``)
posts it here with ``vooraf``, which fills the form in without judging it. The application form
is sent once (``web.once``): a second submit shows the case the first one recorded at. The intake
needs no token: a case has one intake (the service refuses a second, and the page then shows it).
"""

from uuid import UUID

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ketenzicht.plans import applications, cases, intake
from ketenzicht.plans.models import Case, CaseStatus, Intake, Milestone
from ketenzicht.refusals import RefusalKind, Refused

from .. import once
from ..guards import professional_required, web_actor
from ..responses import forbidden, not_found
from .case_opening import open_case_for_form
from .intake_forms import ApplicationForm, IntakeForm, show_refusals

#: Refusals about the state of the case rather than what was typed: told as a message.
STATE_REFUSALS = frozenset({RefusalKind.CONFLICT, RefusalKind.FORBIDDEN, RefusalKind.UNAVAILABLE})


def refused_on_form(request: HttpRequest, form, refusal: Refused, savepoint) -> None:
    transaction.savepoint_commit(savepoint)  # keep the audit events the service wrote
    if refusal.kind in STATE_REFUSALS:
        messages.error(request, refusal.message)
    else:
        show_refusals(form, refusal)


@require_http_methods(["GET", "POST"])
@professional_required
def application_new(request: HttpRequest) -> HttpResponse:
    """Record a family's own application at the team: it opens or joins the household's case."""
    professional = request.professional
    if not cases.has_caseload(professional):
        return forbidden(request)
    questions = intake.current_questions(professional.organisation.municipality_id)
    prefilled = request.method == "POST" and request.POST.get("vooraf")
    if prefilled:
        form = ApplicationForm(initial={"bsn": request.POST.get("bsn", "")[:20]}, questions=questions)
    else:
        form = ApplicationForm(request.POST if request.method == "POST" else None, questions=questions)
    if request.method == "POST" and not prefilled and form.is_valid():
        data = form.cleaned_data
        token = form.once_token()
        earlier = once.claim(request, token, fallback=reverse("web:caseload"))
        if earlier is not None:
            return earlier  # the same form sent again: the case its first submit recorded at
        savepoint = transaction.savepoint()
        try:
            case = applications.record_application(professional, web_actor(request, professional),
                                                   applications.ApplicationRequest(
                bsn=data["bsn"].strip(), applicant=data["aanmelder"], channel=data["kanaal"],
                question=data["vraag"], risk_answers=form.risk_answers(),
                questionnaire_version=data.get("versie")))
        except Refused as refusal:
            once.release(request, token)
            refused_on_form(request, form, refusal, savepoint)
        else:
            transaction.savepoint_commit(savepoint)
            once.done(request, token, cases.case_link(case))
            if case.next_milestone == Milestone.ASSESSMENT and case.next_due:
                messages.warning(request, _("De aanmelding is vastgelegd. Een risicovraag is met ja of "
                                            "onbekend beantwoord: risicotaxatie uiterlijk %(due)s.")
                                 % {"due": case.next_due.strftime("%d-%m-%Y")})
            else:
                messages.success(request, _("De aanmelding is vastgelegd bij de casus van het huishouden."))
            return redirect(cases.case_link(case))
    return render(request, "web/plans/application_new.html", {
        "form": form, "title": _("Aanmelding vastleggen"), "questions": questions,
    })


@require_http_methods(["GET", "POST"])
@professional_required
def case_intake(request: HttpRequest, case_uuid: UUID) -> HttpResponse:
    """The intake of the case; the risk questions on the form while none are answered."""
    professional, actor, case = open_case_for_form(request, case_uuid)
    if case is None:
        return not_found(request)
    posted = request.method == "POST"
    existing = Intake.objects.filter(case=case).select_related("screening", "recorded_by__user").first()
    screening = existing.screening if existing else intake.latest_screening(case)
    questions = None if screening else intake.current_questions(case.team.municipality_id)
    form = IntakeForm(request.POST if posted else None, questions=questions,
                      initial={"gehouden_op": timezone.localdate(), "vraag": _first_question(case)})
    if posted and existing is None and case.status == CaseStatus.OPEN and form.is_valid():
        data = form.cleaned_data
        savepoint = transaction.savepoint()
        try:
            intake.record_intake(professional, actor, case, intake.IntakeRequest(
                held_on=data["gehouden_op"], family_question=data["vraag"], summary=data["samenvatting"],
                parents_regie=data["regie"], parents_regie_reasoning=data["onderbouwing"],
                risk_answers=form.risk_answers() if questions else None,
                questionnaire_version=data.get("versie") if questions else None))
        except Refused as refusal:
            refused_on_form(request, form, refusal, savepoint)
        else:
            transaction.savepoint_commit(savepoint)
            messages.success(request, _("De intake is vastgelegd."))
            return redirect(cases.case_link(case))
    return render(request, "web/plans/case_intake.html", {
        "case": case, "form": form, "intake": existing, "screening": screening,
        "members": cases.members(case.household), "title": _("Intake"),
    })


def _first_question(case: Case) -> str:
    """The family's question as the application recorded it, as a start for the intake's."""
    arrival = case.arrivals.exclude(question="").order_by("arrived_at", "id").first()
    return arrival.question if arrival else ""


urlpatterns = [
    path("casussen/aanmelden/", application_new, name="application_new"),
    path("casussen/<uuid:case_uuid>/intake/", case_intake, name="case_intake"),
]
