"""Pages: the risk assessment of the whole household — the form, one assessment, and the history
of the organisation's own assessments side by side with the safety scale per child over time as a
chart.

Two places, the same instrument and templates (``Place``): under a team's case
(``/casussen/<uuid>/risicotaxatie/``), and under a household for an organisation that assesses
without a case (``/huishoudens/<uuid>/risicotaxatie/``, the GGD's JGZ: its type's
``assesses_risk``). Another organisation's type gets 403 there (a feature, not client data); a
household without a basis that opens it gets the audited 404 a missing one gets.

The chart is an inline SVG rendered on the server (no script, so the Content Security Policy
stays strict; colours are SVG attributes, not styles) with a title and a description, and the same
numbers in a table next to it for screen readers and print. Thin adapters over
``plans.assessment``; a case the professional may not see is the same 404 as a missing one. The
form is sent once (``web.once``): a second submit shows the first one's assessment.
"""

from collections.abc import Callable
from dataclasses import dataclass
from uuid import UUID

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from ketenzicht.access.audited import open_household
from ketenzicht.organisations.models import Organisation
from ketenzicht.people.ages import ADULT_AGE
from ketenzicht.people.models import Household
from ketenzicht.plans import assessment, cases
from ketenzicht.plans.access import open_case
from ketenzicht.plans.assessment_format import current_format, format_of
from ketenzicht.plans.models import LOW_SAFETY_SCORE, Case, CaseStatus, RiskAssessment
from ketenzicht.refusals import Refused

from .. import once
from ..guards import professional_required, web_actor
from ..responses import forbidden, not_found
from .assessment_forms import AssessmentForm
from .case_opening import open_case_for_form
from .intake import refused_on_form


@dataclass(frozen=True)
class Place:
    """Where the assessment pages hang: under a team's case, or under a household (no case)."""

    household: Household
    #: Whose assessments the history shows: the case's team, or the professional's organisation.
    owner: Organisation
    pre_heading: str
    back_url: str
    back_label: str
    #: The form's address; empty when no new assessment can be recorded here (a closed case).
    new_url: str
    history_url: str
    detail: Callable[[RiskAssessment], str]

    def history(self) -> list[RiskAssessment]:
        made = list(assessment.own_history(self.household, self.owner))
        for one in made:
            one.link = self.detail(one)
        return made


def case_place(case: Case) -> Place:
    return Place(
        household=case.household, owner=case.team,
        pre_heading=_("Casus huishouden %(name)s") % {"name": case.household.name},
        back_url=cases.case_link(case), back_label=_("Terug naar de casus"),
        new_url=reverse("web:case_assessment_new", kwargs={"case_uuid": case.uuid})
        if case.status == CaseStatus.OPEN else "",
        history_url=reverse("web:case_assessments", kwargs={"case_uuid": case.uuid}),
        detail=lambda made: reverse("web:case_assessment", kwargs={"case_uuid": case.uuid,
                                                                   "assessment_uuid": made.uuid}),
    )


def household_place(household: Household, organisation: Organisation) -> Place:
    return Place(
        household=household, owner=organisation,
        pre_heading=_("Huishouden %(name)s") % {"name": household.name},
        back_url=reverse("web:household", kwargs={"household_uuid": household.uuid}),
        back_label=_("Terug naar het huishouden"),
        new_url=reverse("web:household_assessment_new", kwargs={"household_uuid": household.uuid}),
        history_url=reverse("web:household_assessments", kwargs={"household_uuid": household.uuid}),
        detail=lambda made: reverse("web:household_assessment", kwargs={
            "household_uuid": household.uuid, "assessment_uuid": made.uuid}),
    )


def _assessment_form(request: HttpRequest, place: Place, record: Callable[[AssessmentForm], RiskAssessment],
                     may_record: bool) -> HttpResponse:
    """The form for either place: every problem at once, sent once (a second submit of the same
    form shows the assessment the first one recorded)."""
    posted = request.method == "POST"
    today = timezone.localdate()
    members = cases.members(place.household)
    children = assessment.children_of(place.household, today)
    parents = [person for person in members if person.age_on(today) >= ADULT_AGE]
    form = AssessmentForm(request.POST if posted else None, children=children, parents=parents,
                          ages={child.pk: child.age_on(today) for child in children},
                          assessment_format=current_format(), initial={"datum": today})
    if posted and may_record and form.is_valid():
        token = form.once_token()
        earlier = once.claim(request, token, fallback=place.history_url)
        if earlier is not None:
            return earlier
        savepoint = transaction.savepoint()
        try:
            made = record(form)
        except Refused as refusal:
            once.release(request, token)
            refused_on_form(request, form, refusal, savepoint)
        else:
            transaction.savepoint_commit(savepoint)
            once.done(request, token, place.detail(made))
            messages.success(request, _("De risicotaxatie is vastgelegd."))
            return redirect(place.detail(made))
    return render(request, "web/plans/assessment_form.html", {
        "place": place, "form": form, "members": members, "format": current_format(),
        "low_score": LOW_SAFETY_SCORE, "title": _("Risicotaxatie"),
    })


@require_http_methods(["GET", "POST"])
@professional_required
def case_assessment_new(request: HttpRequest, case_uuid: UUID) -> HttpResponse:
    professional, actor, case = open_case_for_form(request, case_uuid)
    if case is None:
        return not_found(request)
    return _assessment_form(request, case_place(case), lambda form: assessment.record_assessment(
        professional, actor, case, form.request()), may_record=case.status == CaseStatus.OPEN)


def _open_for_assessing(request: HttpRequest, household_uuid: UUID) -> Household | HttpResponse:
    """The household for an organisation that assesses without a case: 403 for any other type
    (a feature of the organisation, never a hint about the household), the audited 404 when its
    basis does not open the household."""
    professional = request.professional
    if not assessment.assesses_without_case(professional):
        return forbidden(request)
    household = open_household(professional, web_actor(request, professional), household_uuid)
    return household if household is not None else not_found(request)


@require_http_methods(["GET", "POST"])
@professional_required
def household_assessment_new(request: HttpRequest, household_uuid: UUID) -> HttpResponse:
    """A risk assessment without a case (the JGZ), in the same instrument; no case's step moves."""
    household = _open_for_assessing(request, household_uuid)
    if isinstance(household, HttpResponse):
        return household
    professional = request.professional
    actor = web_actor(request, professional)
    return _assessment_form(
        request, household_place(household, professional.organisation),
        lambda form: assessment.record_household_assessment(professional, actor, household, form.request()),
        may_record=True)


@dataclass(frozen=True)
class ChildView:
    name: str
    age: int
    score: int
    signals: list[str]
    risk_factors: list[str]
    protective_factors: list[str]
    other_signals: str
    other_risk_factors: str
    other_protective_factors: str
    dangers: list
    other_scores: list


def describe(made: RiskAssessment) -> list[ChildView]:
    """Each child's part with the labels of the format version the assessment was made in."""
    shown = format_of(made.format_version)
    labels = {kind: shown.labels(kind) for kind in ("signals", "risk_factors", "protective_factors")}
    return [ChildView(
        name=row.child.full_name, age=row.child.age_on(made.assessed_on), score=row.safety_score,
        signals=[labels["signals"].get(code, code) for code in row.signals],
        risk_factors=[labels["risk_factors"].get(code, code) for code in row.risk_factors],
        protective_factors=[labels["protective_factors"].get(code, code) for code in row.protective_factors],
        other_signals=row.other_signals, other_risk_factors=row.other_risk_factors,
        other_protective_factors=row.other_protective_factors, dangers=list(row.dangers.all()),
        other_scores=list(row.other_scores.all()),
    ) for row in made.children.all()]


def _detail(request: HttpRequest, place: Place, assessment_uuid: UUID) -> HttpResponse:
    made = assessment.own_history(place.household, place.owner).filter(uuid=assessment_uuid).first()
    if made is None:
        return not_found(request)
    return render(request, "web/plans/assessment_detail.html", {
        "place": place, "assessment": made, "children": describe(made),
        "areas": sorted(made.life_areas.all(), key=lambda judged: AREA_ORDER[judged.area]),
        "title": _("Risicotaxatie"),
    })


@require_GET
@professional_required
def case_assessment(request: HttpRequest, case_uuid: UUID, assessment_uuid: UUID) -> HttpResponse:
    professional = request.professional
    case = open_case(professional, web_actor(request, professional), case_uuid)
    if case is None:
        return not_found(request)
    return _detail(request, case_place(case), assessment_uuid)


@require_GET
@professional_required
def household_assessment(request: HttpRequest, household_uuid: UUID, assessment_uuid: UUID) -> HttpResponse:
    """One of the organisation's own case-less assessments of the household."""
    household = _open_for_assessing(request, household_uuid)
    if isinstance(household, HttpResponse):
        return household
    return _detail(request, household_place(household, request.professional.organisation), assessment_uuid)


AREA_ORDER = {area: index for index, area in enumerate(
    ("gezin", "wonen", "werk", "inkomen", "gezondheid", "onderwijs", "veiligheid"))}

# --- the history and its chart -------------------------------------------------------------------

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 44, 150, 16, 40
#: Colours with enough contrast on white, and a dash pattern each, so lines differ without colour.
STYLES = [("#01689b", ""), ("#a90061", "6 4"), ("#275937", "2 3"), ("#42145f", "10 3 2 3"),
          ("#94710a", "1 2")]


@dataclass(frozen=True)
class Series:
    name: str
    colour: str
    dash: str
    points: str
    dots: list
    legend_y: int


def safety_chart(history: list[RiskAssessment]) -> dict:
    """The safety scale (0–10) per child over the assessments, as coordinates for an inline SVG,
    and the same numbers as table rows."""
    plot_width, plot_height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    count = len(history)

    def x_of(index: int) -> int:
        return LEFT + (plot_width // 2 if count == 1 else round(index * plot_width / (count - 1)))

    def y_of(score: int) -> int:
        return TOP + round((10 - score) * plot_height / 10)

    children: dict[int, dict] = {}
    for index, made in enumerate(history):
        for row in made.children.all():
            entry = children.setdefault(row.child_id, {"name": row.child.full_name, "scores": {}})
            entry["scores"][index] = row.safety_score
    series, rows = [], []
    for number, entry in enumerate(children.values()):
        colour, dash = STYLES[number % len(STYLES)]
        dots = [(x_of(index), y_of(score), score) for index, score in sorted(entry["scores"].items())]
        series.append(Series(entry["name"], colour, dash, " ".join(f"{x},{y}" for x, y, _s in dots), dots,
                             TOP + 14 + number * 20))
        rows.append((entry["name"], [entry["scores"].get(index) for index in range(count)]))
    return {
        "width": WIDTH, "height": HEIGHT, "series": series, "rows": rows,
        "grid": [(score, y_of(score)) for score in range(0, 11, 2)],
        "low_y": y_of(LOW_SAFETY_SCORE), "x_ticks": [(x_of(index), made.assessed_on) for index, made
                                                      in enumerate(history)],
        "plot_left": LEFT, "plot_right": WIDTH - RIGHT, "plot_top": TOP, "plot_bottom": HEIGHT - BOTTOM,
        "legend_x": WIDTH - RIGHT + 12, "label_y": HEIGHT - BOTTOM + 18,
    }


def _history(request: HttpRequest, place: Place) -> HttpResponse:
    made = place.history()
    return render(request, "web/plans/assessment_history.html", {
        "place": place, "history": made, "chart": safety_chart(made) if made else None,
        "title": _("Risicotaxaties"),
    })


@require_GET
@professional_required
def case_assessments(request: HttpRequest, case_uuid: UUID) -> HttpResponse:
    """The team's assessments of the household side by side, oldest first, with the chart."""
    professional = request.professional
    case = open_case(professional, web_actor(request, professional), case_uuid)
    if case is None:
        return not_found(request)
    return _history(request, case_place(case))


@require_GET
@professional_required
def household_assessments(request: HttpRequest, household_uuid: UUID) -> HttpResponse:
    """The organisation's own case-less assessments of the household (the JGZ's own file)."""
    household = _open_for_assessing(request, household_uuid)
    if isinstance(household, HttpResponse):
        return household
    return _history(request, household_place(household, request.professional.organisation))


urlpatterns = [
    path("casussen/<uuid:case_uuid>/risicotaxatie/", case_assessment_new, name="case_assessment_new"),
    path("casussen/<uuid:case_uuid>/risicotaxaties/", case_assessments, name="case_assessments"),
    path("casussen/<uuid:case_uuid>/risicotaxaties/<uuid:assessment_uuid>/", case_assessment,
         name="case_assessment"),
    path("huishoudens/<uuid:household_uuid>/risicotaxatie/", household_assessment_new,
         name="household_assessment_new"),
    path("huishoudens/<uuid:household_uuid>/risicotaxaties/", household_assessments,
         name="household_assessments"),
    path("huishoudens/<uuid:household_uuid>/risicotaxaties/<uuid:assessment_uuid>/", household_assessment,
         name="household_assessment"),
]
