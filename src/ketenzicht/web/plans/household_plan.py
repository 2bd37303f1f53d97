"""Pages of the household plan (1Gezin1Plan): the plan, one page per part, the version history,
aanspreken on an action and its page.

Thin adapters over ``plans.household_plan`` and ``plans.accountability``. The plan is opened
through ``open_plan`` (audited per member of the household; None for a missing household, no plan
and a professional whose organisation is no member alike → the one 404 page, returned so the
denied event stays). Every page names the household.
"""

from uuid import UUID

from django.contrib import messages
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ketenzicht.access.audited import open_household
from ketenzicht.access.households import involved_organisation_ids
from ketenzicht.audit.models import EventType, Outcome
from ketenzicht.audit.services import Subject, record_many
from ketenzicht.leads import services as leads
from ketenzicht.organisations.models import CLIENT_ROLES, Organisation, Professional
from ketenzicht.people.services import current_members
from ketenzicht.plans import accountability, household_plan
from ketenzicht.plans.household_plan import ActionInput
from ketenzicht.plans.models import Accountability, HouseholdPlan, PlanAction, PlanStatus
from ketenzicht.refusals import RefusalKind, Refused

from ..guards import professional_required, web_actor
from ..leads.forms import LeadChoiceForm
from ..responses import not_found
from .plan_forms import (
    ActionForm,
    ActionUpdateForm,
    AgreementForm,
    AnswerForm,
    CallToAccountForm,
    CloseForm,
    ConcernForm,
    GoalForm,
    MemberForm,
    ReviewForm,
    TextsForm,
    add_refusal,
)

STATE_REFUSALS = frozenset({RefusalKind.CONFLICT, RefusalKind.FORBIDDEN})


def _plan_url(plan: HouseholdPlan) -> str:
    return reverse("web:plan", kwargs={"household_uuid": plan.household.uuid})


def _open(request: HttpRequest, household_uuid: UUID, event_type: str = EventType.READ):
    professional = request.professional
    actor = web_actor(request, professional)
    return professional, actor, household_plan.open_plan(professional, actor, household_uuid, event_type)


def _organisations(plan: HouseholdPlan) -> list[Organisation]:
    """Organisations a member may add or give an action: those involved with the household, and
    the plan's members."""
    ids = involved_organisation_ids(plan.household) | set(
        plan.members.filter(ended_at__isnull=True).values_list("organisation_id", flat=True))
    return list(Organisation.objects.filter(pk__in=ids, is_active=True).order_by("name"))


def _professionals(organisations: list[Organisation]) -> list[Professional]:
    return list(Professional.objects.filter(
        organisation__in=organisations, role__in=CLIENT_ROLES, user__is_active=True)
        .select_related("user", "organisation").order_by("organisation__name", "user__last_name", "id"))


@require_GET
@professional_required
def plan_page(request: HttpRequest, household_uuid: UUID) -> HttpResponse:
    professional, _actor, plan = _open(request, household_uuid)
    if plan is None:
        return not_found(request)
    today = timezone.localdate()
    open_calls = Accountability.objects.filter(answered_at__isnull=True).select_related("asked_by__user")
    actions = list(plan.actions.select_related("professional__user", "professional__organisation",
                                               "organisation", "goal", "meeting")
                   .prefetch_related(Prefetch("accountabilities", queryset=open_calls, to_attr="open_calls")))
    lead = leads.current_lead(plan.household)
    return render(request, "web/plans/plan.html", {
        "plan": plan, "household": plan.household, "today": today,
        "title": _("Gezinsplan van huishouden %(name)s") % {"name": plan.household.name},
        "concerns": list(plan.concerns.all()),
        "goals": list(plan.goals.select_related("member")),
        "actions": [(a, household_plan.holder_label(a)) for a in actions],
        "members": list(plan.members.filter(ended_at__isnull=True)
                        .select_related("organisation", "professional__user").order_by("added_at", "id")),
        "lead": leads.lead_contact(lead) if lead else None,
        "is_regisseur": lead is not None and lead.professional_id == professional.pk,
        "is_open": plan.status != PlanStatus.CLOSED,
        "needed": household_plan.who_agrees(plan.household, today),
    })


@require_POST
@professional_required
def plan_open(request: HttpRequest, household_uuid: UUID) -> HttpResponse:
    """Open the household's plan (from the case page); the household must be in view."""
    professional = request.professional
    actor = web_actor(request, professional)
    household = open_household(professional, actor, household_uuid)
    if household is None:
        return not_found(request)
    try:
        household_plan.create_plan(professional, actor, household)
    except Refused as refusal:
        messages.error(request, refusal.message)
        return redirect("web:household", household_uuid=household.uuid)
    return redirect("web:plan", household_uuid=household.uuid)


@require_GET
@professional_required
def plan_versions(request: HttpRequest, household_uuid: UUID) -> HttpResponse:
    _professional, _actor, plan = _open(request, household_uuid)
    if plan is None:
        return not_found(request)
    return render(request, "web/plans/plan_versions.html", {
        "plan": plan, "household": plan.household,
        "versions": list(plan.versions.select_related("changed_by__user", "changed_by__organisation")
                         .order_by("-number")),
        "title": _("Versies van het gezinsplan van huishouden %(name)s") % {"name": plan.household.name},
    })


# --- One page per part ----------------------------------------------------------------------------
# Each part gives (form, apply(cleaned_data), heading); ``apply`` calls the one service.


def _texts(request, plan, professional, actor):
    form = TextsForm(request.POST or None, initial={
        **{name: getattr(plan, name) for name in household_plan.TEXT_PARTS},
        "review_months": plan.review_months}, auto_id="plan_%s")

    def apply(data):
        household_plan.update_texts(professional, actor, plan,
                                    {name: data.get(name) or "" for name in household_plan.TEXT_PARTS})
        household_plan.set_review_interval(professional, actor, plan, data["review_months"])
    return form, apply, _("Het gezin aan het woord")


def _concern(request, plan, professional, actor):
    form = ConcernForm(request.POST or None, auto_id="zorg_%s")
    return form, lambda data: household_plan.add_concern(
        professional, actor, plan, data.get("area") or "", data.get("concern") or ""), _("Zorg toevoegen")


def _goal(request, plan, professional, actor):
    members = [m.person for m in current_members(plan.household).select_related("person")]
    form = GoalForm(request.POST or None, members=members, auto_id="doel_%s")
    return form, lambda data: household_plan.add_goal(
        professional, actor, plan, member=form.chosen_member(), goal=data.get("goal") or "",
        progress_sign=data.get("progress_sign") or ""), _("Doel toevoegen")


def _action(request, plan, professional, actor):
    organisations = _organisations(plan)
    form = ActionForm(request.POST or None, professionals=_professionals(organisations),
                      organisations=organisations, auto_id="actie_%s")

    def apply(data):
        household_plan.add_actions(professional, actor, plan.household, [ActionInput(
            holder_kind=data.get("holder_kind") or "", what=data.get("what") or "", due_on=data.get("due_on"),
            professional=form.professionals.get(data.get("professional") or ""),
            organisation=form.organisations.get(data.get("organisation") or ""),
            holder_name=data.get("holder_name") or "", is_help=bool(data.get("is_help")))])
    return form, apply, _("Actie toevoegen")


def _member(request, plan, professional, actor):
    organisations = _organisations(plan)
    form = MemberForm(request.POST or None, professionals=_professionals(organisations),
                      organisations=organisations, auto_id="deelnemer_%s")

    def apply(data):
        organisation = form.organisations.get(data.get("organisation") or "")
        if organisation is None:
            raise Refused(RefusalKind.INVALID, "deelnemer-ongeldig", _("Kies een organisatie."),
                          "organisation")
        household_plan.add_member(professional, actor, plan, organisation,
                                  form.professionals.get(data.get("professional") or ""),
                                  role=data.get("role") or "", phone=data.get("phone") or "",
                                  email=data.get("email") or "")
    return form, apply, _("Deelnemer toevoegen")


def _regisseur(request, plan, professional, actor):
    form = LeadChoiceForm(request.POST or None, candidates=leads.candidates(plan.household, professional),
                          auto_id="regisseur_%s")
    return form, lambda data: household_plan.choose_regisseur(professional, actor, plan, form.choice()), _(
        "Regisseur kiezen met het gezin")


def _agreement(request, plan, professional, actor):
    form = AgreementForm(request.POST or None, auto_id="akkoord_%s")
    return form, lambda data: household_plan.record_agreement(
        professional, actor, plan, parents_agreed_on=data.get("parents_agreed_on"),
        youth_agreed_on=data.get("youth_agreed_on")), _("Akkoord van het gezin vastleggen")


def _review(request, plan, professional, actor):
    form = ReviewForm(request.POST or None, auto_id="evaluatie_%s")
    return form, lambda data: household_plan.record_review(
        professional, actor, plan, held_on=data.get("held_on"), summary=data.get("summary") or ""), _(
        "Evaluatie vastleggen")


def _close(request, plan, professional, actor):
    form = CloseForm(request.POST or None, auto_id="sluiten_%s")
    return form, lambda data: household_plan.close_plan(
        professional, actor, plan, reason=data.get("reason") or "",
        explanation=data.get("explanation") or ""), _("Gezinsplan sluiten")


PARTS = {"gezin": _texts, "zorg": _concern, "doel": _goal, "actie": _action, "deelnemer": _member,
         "regisseur": _regisseur, "akkoord": _agreement, "evaluatie": _review, "sluiten": _close}


@require_http_methods(["GET", "POST"])
@professional_required
def plan_part(request: HttpRequest, household_uuid: UUID, part: str) -> HttpResponse:
    if part not in PARTS:
        return not_found(request)
    professional, actor, plan = _open(request, household_uuid)
    if plan is None:
        return not_found(request)
    form, apply, heading = PARTS[part](request, plan, professional, actor)
    if request.method == "POST" and form.is_valid():
        try:
            apply(form.cleaned_data)
        except Refused as refusal:
            if refusal.kind in STATE_REFUSALS and not refusal.field:
                messages.error(request, refusal.message)
                return redirect(_plan_url(plan))
            add_refusal(form, refusal)
        else:
            messages.success(request, _("Het gezinsplan is bijgewerkt."))
            return redirect(_plan_url(plan))
    return render(request, "web/plans/plan_part.html", {
        "plan": plan, "household": plan.household, "form": form, "heading": heading, "part": part,
        "needed": (household_plan.who_agrees(plan.household, timezone.localdate())
                   if part == "akkoord" else None),
        "title": _("%(part)s — gezinsplan van huishouden %(name)s") % {"part": heading,
                                                                      "name": plan.household.name},
    })


def _plan_action(plan: HouseholdPlan, action_uuid: UUID) -> PlanAction | None:
    return (plan.actions.select_related("professional__user", "professional__organisation", "organisation")
            .filter(uuid=action_uuid).first())


@require_http_methods(["GET", "POST"])
@professional_required
def plan_action(request: HttpRequest, household_uuid: UUID, action_uuid: UUID) -> HttpResponse:
    professional, actor, plan = _open(request, household_uuid)
    action = _plan_action(plan, action_uuid) if plan else None
    if action is None:
        return not_found(request)
    form = ActionUpdateForm(request.POST or None, auto_id="actie_%s", initial={
        "what": action.what, "due_on": action.due_on, "is_help": action.is_help,
        "help_started_on": action.help_started_on, "done_on": action.done_on})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            household_plan.update_action(professional, actor, action, what=data.get("what") or "",
                                         due_on=data.get("due_on"), done_on=data.get("done_on"),
                                         help_started_on=data.get("help_started_on"),
                                         is_help=bool(data.get("is_help")))
        except Refused as refusal:
            add_refusal(form, refusal)
        else:
            messages.success(request, _("De actie is bijgewerkt."))
            return redirect(_plan_url(plan))
    heading = _("Actie van %(holder)s") % {"holder": household_plan.holder_label(action)}
    return render(request, "web/plans/plan_part.html", {
        "plan": plan, "household": plan.household, "form": form, "heading": heading,
        "title": _("%(part)s — gezinsplan van huishouden %(name)s") % {"part": heading,
                                                                      "name": plan.household.name},
    })


@require_POST
@professional_required
def plan_member_end(request: HttpRequest, household_uuid: UUID, member_id: int) -> HttpResponse:
    professional, actor, plan = _open(request, household_uuid)
    member = plan.members.filter(pk=member_id, ended_at__isnull=True).first() if plan else None
    if member is None:
        return not_found(request)
    try:
        household_plan.end_member(professional, actor, member)
    except Refused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("%(name)s neemt niet meer deel aan het plan.") % {
            "name": member.organisation.name})
    return redirect(_plan_url(plan))


@require_http_methods(["GET", "POST"])
@professional_required
def plan_call(request: HttpRequest, household_uuid: UUID, action_uuid: UUID) -> HttpResponse:
    """The regisseur calls the holder of an action to account (aanspreken)."""
    professional, actor, plan = _open(request, household_uuid)
    action = _plan_action(plan, action_uuid) if plan else None
    if action is None:
        return not_found(request)
    form = CallToAccountForm(request.POST or None, auto_id="aanspreken_%s")
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            item = accountability.call_to_account(
                professional, actor, action, question=data.get("question") or "", due_on=data.get("due_on"))
        except Refused as refusal:
            if refusal.kind in STATE_REFUSALS:
                messages.error(request, refusal.message)
                return redirect(_plan_url(plan))
            add_refusal(form, refusal)
        else:
            messages.success(request, _("%(holder)s is aangesproken.") % {
                "holder": household_plan.holder_label(action)})
            return redirect("web:accountability", accountability_uuid=item.uuid)
    heading = _("%(holder)s aanspreken") % {"holder": household_plan.holder_label(action)}
    return render(request, "web/plans/plan_part.html", {
        "plan": plan, "household": plan.household, "form": form, "heading": heading, "action": action,
        "title": _("%(part)s — gezinsplan van huishouden %(name)s") % {"part": heading,
                                                                      "name": plan.household.name},
    })


@require_http_methods(["GET", "POST"])
@professional_required
def accountability_page(request: HttpRequest, accountability_uuid: UUID) -> HttpResponse:
    """The call to account: for the regisseur, the holder, and (once escalated to them) the
    teamleider and the municipality's regievoerder; audited; a 404 for everyone else."""
    professional = request.professional
    actor = web_actor(request, professional)
    item = (Accountability.objects.select_related(
        "action__plan__household__district", "action__professional__user",
        "action__professional__organisation",
        "action__organisation", "asked_by__user", "asked_by__organisation", "answered_by__user")
        .filter(uuid=accountability_uuid).first())
    allowed = item is not None and accountability.may_see(professional, item)
    if item is not None:
        record_many(actor, EventType.READ, [
            Subject(client_pseudonym=str(m.person.uuid), object_type=accountability.OBJECT,
                    object_id=str(item.uuid)) for m in current_members(item.action.plan.household)],
            outcome=Outcome.SUCCESS if allowed else Outcome.DENIED,
            purpose="doorzettingsmacht" if allowed else "geen grondslag")
    if not allowed:
        return not_found(request)
    may_answer = item.answered_at is None and accountability.may_answer(professional, item)
    form = AnswerForm(request.POST or None, auto_id="antwoord_%s")
    if request.method == "POST":
        if not may_answer:
            return not_found(request)
        if form.is_valid():
            try:
                accountability.answer(professional, actor, item, form.cleaned_data.get("answer") or "")
            except Refused as refusal:
                add_refusal(form, refusal)
            else:
                messages.success(request, _("Uw antwoord is naar de regisseur gestuurd."))
                return redirect("web:accountability", accountability_uuid=item.uuid)
    household = item.action.plan.household
    return render(request, "web/plans/plan_accountability.html", {
        "item": item, "household": household, "form": form, "may_answer": may_answer,
        "holder": household_plan.holder_label(item.action),
        "is_member": household_plan.is_member(professional, item.action.plan),
        "title": _("Aanspreken op een actie — huishouden %(name)s") % {"name": household.name},
    })


urlpatterns = [
    path("huishoudens/<uuid:household_uuid>/plan/", plan_page, name="plan"),
    path("huishoudens/<uuid:household_uuid>/plan/openen/", plan_open, name="plan_open"),
    path("huishoudens/<uuid:household_uuid>/plan/versies/", plan_versions, name="plan_versions"),
    path("huishoudens/<uuid:household_uuid>/plan/acties/<uuid:action_uuid>/", plan_action,
         name="plan_action"),
    path("huishoudens/<uuid:household_uuid>/plan/acties/<uuid:action_uuid>/aanspreken/", plan_call,
         name="plan_call"),
    path("huishoudens/<uuid:household_uuid>/plan/deelnemers/<int:member_id>/beeindigen/", plan_member_end,
         name="plan_member_end"),
    path("huishoudens/<uuid:household_uuid>/plan/<slug:part>/", plan_part, name="plan_part"),
    path("aanspreken/<uuid:accountability_uuid>/", accountability_page, name="accountability"),
]
