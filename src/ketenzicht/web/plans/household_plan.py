"""Pages of the household plan (1Gezin1Plan): the plan, one page per part, the version history,
aanspreken on an action and its page, and a page each to change a goal, remove a concern and
change a member's contact details.

Thin adapters over ``plans.household_plan`` and ``plans.accountability``. The plan is opened
through ``open_plan`` (audited per member of the household; None for a missing household, no plan
and a professional whose organisation is no member alike → the one 404 page, returned so the
denied event stays). Every page names the household. A plan member who may not do something
(edit an action held by another, end another organisation's membership or change its contact
details without being the regisseur, close the plan without being the regisseur) gets 403; a
non-member 404. The forms that create or change something are sent once (``web.once``). The
organisations offered are the plan's members, the own organisation and the municipality's
case-holding teams (for adding a member: every organisation of the municipality) — never every
organisation with some basis on the family.
"""

from uuid import UUID

from django.contrib import messages
from django.db.models import Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ketenzicht.access.audited import open_household
from ketenzicht.audit.models import EventType, Outcome
from ketenzicht.audit.services import Actor, record_many
from ketenzicht.leads import services as leads
from ketenzicht.organisations.models import CLIENT_ROLES, Organisation, Professional
from ketenzicht.people.services import current_members
from ketenzicht.plans import accountability, household_plan, meetings
from ketenzicht.plans.cases import CASE_HOLDERS
from ketenzicht.plans.household_plan import ActionInput
from ketenzicht.plans.models import Accountability, HouseholdPlan, PlanAction, PlanStatus
from ketenzicht.refusals import RefusalKind, Refused

from .. import once
from ..guards import professional_required, web_actor
from ..leads.forms import LeadChoiceForm
from ..once import SentOnce
from ..responses import forbidden, not_found
from .plan_forms import (
    ActionForm,
    ActionUpdateForm,
    AgreementForm,
    AnswerForm,
    CallToAccountForm,
    CloseForm,
    ConcernForm,
    ConcernRemoveForm,
    ContactForm,
    GoalForm,
    GoalUpdateForm,
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


def _municipality_id(plan: HouseholdPlan, professional: Professional) -> int:
    household = plan.household
    if household.district_id:
        return household.district.municipality_id
    return professional.organisation.municipality_id


def _organisations(plan: HouseholdPlan, professional: Professional) -> list[Organisation]:
    """Organisations an action may be given to: the plan's members, the own organisation and the
    municipality's case-holding teams. Never derived from access bases (an organisation with a
    basis on one member, the adult care of a parent, is not offered by that alone)."""
    members = plan.members.filter(ended_at__isnull=True).values("organisation_id")
    return list(Organisation.objects.filter(
        Q(pk__in=members) | Q(pk=professional.organisation_id)
        | CASE_HOLDERS & Q(municipality_id=_municipality_id(plan, professional)),
        is_active=True).order_by("name"))


def _municipality_organisations(plan: HouseholdPlan, professional: Professional) -> list[Organisation]:
    """Organisations that may be added as a member: any active one of the municipality (as the MDO
    form offers); one not yet involved needs the basis for sharing."""
    return list(Organisation.objects.filter(municipality_id=_municipality_id(plan, professional),
                                            is_active=True).order_by("name"))


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
    members = list(plan.members.filter(ended_at__isnull=True)
                   .select_related("organisation", "professional__user").order_by("added_at", "id"))
    for row in [*members, *actions]:
        row.plan = plan
    return render(request, "web/plans/plan.html", {
        "plan": plan, "household": plan.household, "today": today,
        "title": _("Gezinsplan van huishouden %(name)s") % {"name": plan.household.name},
        "concerns": list(plan.concerns.all()),
        "goals": list(plan.goals.select_related("member")),
        "actions": [(a, household_plan.holder_label(a), household_plan.may_edit_action(professional, a, lead))
                    for a in actions],
        "members": members,
        "endable": {m.pk for m in members if household_plan.may_end_membership(professional, m, lead)},
        "contact_editable": {m.pk for m in members
                             if household_plan.may_update_contact(professional, m, lead)},
        "may_close": household_plan.may_close(professional, plan),
        "lead": leads.lead_contact(lead) if lead else None,
        # The family's preference for the regisseur: for plan members, never in the public section.
        "lead_preference": lead.family_preference if lead else "",
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
    organisations = _organisations(plan, professional)
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
    organisations = _municipality_organisations(plan, professional)
    today = timezone.localdate()
    givers = [(person, person.age_on(today)) for person in meetings.consent_givers(plan.household, today)]
    form = MemberForm(request.POST or None, professionals=_professionals(organisations),
                      organisations=organisations, givers=givers, auto_id="deelnemer_%s")

    def apply(data):
        organisation = form.organisations.get(data.get("organisation") or "")
        if organisation is None:
            raise Refused(RefusalKind.INVALID, "deelnemer-ongeldig", _("Kies een organisatie."),
                          "organisation")
        household_plan.add_member(professional, actor, plan, organisation,
                                  form.professionals.get(data.get("professional") or ""),
                                  role=data.get("role") or "", phone=data.get("phone") or "",
                                  email=data.get("email") or "", sharing=form.sharing())
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
    if part == "sluiten" and not household_plan.may_close(professional, plan):
        return forbidden(request)  # a member, but not the regisseur
    form, apply, heading = PARTS[part](request, plan, professional, actor)
    if request.method == "POST" and form.is_valid():
        token = form.once_token() if isinstance(form, SentOnce) else None
        earlier = once.claim(request, token, fallback=_plan_url(plan))
        if earlier is not None:
            return earlier  # the same form sent again: it was recorded once
        try:
            apply(form.cleaned_data)
        except Refused as refusal:
            once.release(request, token)
            if refusal.kind in STATE_REFUSALS and not refusal.field:
                messages.error(request, refusal.message)
                return redirect(_plan_url(plan))
            add_refusal(form, refusal)
        else:
            once.done(request, token, _plan_url(plan))
            messages.success(request, _("Het gezinsplan is bijgewerkt."))
            return redirect(_plan_url(plan))
    return _part_page(request, plan, form, heading, part=part, needed=(
        household_plan.who_agrees(plan.household, timezone.localdate()) if part == "akkoord" else None))


def _part_page(request: HttpRequest, plan: HouseholdPlan, form, heading: str, **extra) -> HttpResponse:
    """The page of one part of the plan, or of one action, named after the household."""
    return render(request, "web/plans/plan_part.html", {
        "plan": plan, "household": plan.household, "form": form, "heading": heading, **extra,
        "title": _("%(part)s — gezinsplan van huishouden %(name)s") % {"part": heading,
                                                                      "name": plan.household.name},
    })


def _open_action(request: HttpRequest, household_uuid: UUID, action_uuid: UUID,
                 ) -> tuple[Professional, Actor, HouseholdPlan | None, PlanAction | None]:
    """The plan opened as ``_open`` does, and one of its actions: None for the action where the
    plan or the action is missing (or not to be seen) alike."""
    professional, actor, plan = _open(request, household_uuid)
    action = (plan.actions.select_related("professional__user", "professional__organisation", "organisation")
              .filter(uuid=action_uuid).first()) if plan else None
    return professional, actor, plan, action


@require_http_methods(["GET", "POST"])
@professional_required
def plan_action(request: HttpRequest, household_uuid: UUID, action_uuid: UUID) -> HttpResponse:
    professional, actor, plan, action = _open_action(request, household_uuid, action_uuid)
    if action is None:
        return not_found(request)
    action.plan = plan
    if not household_plan.may_edit_action(professional, action):
        return forbidden(request)  # a member, but neither the holder nor the regisseur
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
    return _part_page(request, plan, form, _("Actie van %(holder)s") % {
        "holder": household_plan.holder_label(action)})


@require_POST
@professional_required
def plan_member_end(request: HttpRequest, household_uuid: UUID, member_id: int) -> HttpResponse:
    professional, actor, plan = _open(request, household_uuid)
    member = (plan.members.select_related("organisation").filter(pk=member_id, ended_at__isnull=True).first()
              if plan else None)
    if member is None:
        return not_found(request)
    member.plan = plan
    if not household_plan.may_end_membership(professional, member):
        return forbidden(request)  # a member, but neither that organisation nor the regisseur
    try:
        household_plan.end_member(professional, actor, member)
    except Refused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("%(name)s neemt niet meer deel aan het plan.") % {
            "name": member.organisation.name})
    return redirect(_plan_url(plan))


def _sent_once(request: HttpRequest, plan: HouseholdPlan, form, apply, success: str) -> HttpResponse | None:
    """Post a change that is sent once (``web.once``): the redirect to the plan, or None to show
    the form again with every problem next to its field."""
    token = form.once_token()
    earlier = once.claim(request, token, fallback=_plan_url(plan))
    if earlier is not None:
        return earlier  # the same form sent again: it was recorded once
    try:
        apply(form.cleaned_data)
    except Refused as refusal:
        once.release(request, token)
        if refusal.kind in STATE_REFUSALS and not refusal.field:
            messages.error(request, refusal.message)
            return redirect(_plan_url(plan))
        add_refusal(form, refusal)
        return None
    once.done(request, token, _plan_url(plan))
    messages.success(request, success)
    return redirect(_plan_url(plan))


@require_http_methods(["GET", "POST"])
@professional_required
def plan_goal(request: HttpRequest, household_uuid: UUID, goal_uuid: UUID) -> HttpResponse:
    """A member changes a goal: its words, how progress is seen, the day it was achieved."""
    professional, actor, plan = _open(request, household_uuid)
    goal = plan.goals.select_related("member").filter(uuid=goal_uuid).first() if plan else None
    if goal is None:
        return not_found(request)
    goal.plan = plan
    form = GoalUpdateForm(request.POST or None, auto_id="doel_%s", initial={
        "goal": goal.goal, "progress_sign": goal.progress_sign, "achieved_on": goal.achieved_on})
    if request.method == "POST" and form.is_valid():
        answer = _sent_once(request, plan, form, lambda data: household_plan.update_goal(
            professional, actor, goal, text=data.get("goal") or "",
            progress_sign=data.get("progress_sign") or "", achieved_on=data.get("achieved_on")),
            _("Het doel is bijgewerkt."))
        if answer is not None:
            return answer
    whom = goal.member.full_name if goal.member else _("het hele huishouden")
    return _part_page(request, plan, form, _("Doel voor %(whom)s wijzigen") % {"whom": whom})


@require_http_methods(["GET", "POST"])
@professional_required
def plan_concern_remove(request: HttpRequest, household_uuid: UUID, concern_id: int) -> HttpResponse:
    """A member removes a concern (asked to confirm first, naming the concern)."""
    professional, actor, plan = _open(request, household_uuid)
    concern = plan.concerns.filter(pk=concern_id).first() if plan else None
    if concern is None:
        return not_found(request)
    concern.plan = plan
    form = ConcernRemoveForm(request.POST or None, auto_id="zorg_%s")
    if request.method == "POST" and form.is_valid():
        answer = _sent_once(request, plan, form, lambda data: household_plan.remove_concern(
            professional, actor, concern), _("De zorg is verwijderd."))
        if answer is not None:
            return answer
    return _part_page(request, plan, form, _("Zorg verwijderen"), concern=concern, submit=_("Verwijderen"))


@require_http_methods(["GET", "POST"])
@professional_required
def plan_member_contact(request: HttpRequest, household_uuid: UUID, member_id: int) -> HttpResponse:
    """A member's role in the plan, phone and e-mail: changed by itself or the regisseur."""
    professional, actor, plan = _open(request, household_uuid)
    member = (plan.members.select_related("organisation", "professional__user")
              .filter(pk=member_id, ended_at__isnull=True).first() if plan else None)
    if member is None:
        return not_found(request)
    member.plan = plan
    if not household_plan.may_update_contact(professional, member):
        return forbidden(request)  # a member, but neither that organisation nor the regisseur
    form = ContactForm(request.POST or None, auto_id="contact_%s", initial={
        "role": member.role, "phone": member.phone, "email": member.email})
    if request.method == "POST" and form.is_valid():
        answer = _sent_once(request, plan, form, lambda data: household_plan.update_member_contact(
            professional, actor, member, role=data.get("role") or "", phone=data.get("phone") or "",
            email=data.get("email") or ""), _("De contactgegevens zijn bijgewerkt."))
        if answer is not None:
            return answer
    return _part_page(request, plan, form, _("Contactgegevens van %(name)s wijzigen") % {
        "name": member.organisation.name})


@require_http_methods(["GET", "POST"])
@professional_required
def plan_call(request: HttpRequest, household_uuid: UUID, action_uuid: UUID) -> HttpResponse:
    """The regisseur calls the holder of an action to account (aanspreken)."""
    professional, actor, plan, action = _open_action(request, household_uuid, action_uuid)
    if action is None:
        return not_found(request)
    form = CallToAccountForm(request.POST or None, auto_id="aanspreken_%s")
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        token = form.once_token()
        earlier = once.claim(request, token, fallback=_plan_url(plan))
        if earlier is not None:
            return earlier  # the same form sent again: one aanspreken
        try:
            item = accountability.call_to_account(
                professional, actor, action, question=data.get("question") or "", due_on=data.get("due_on"))
        except Refused as refusal:
            once.release(request, token)
            if refusal.kind in STATE_REFUSALS:
                messages.error(request, refusal.message)
                return redirect(_plan_url(plan))
            add_refusal(form, refusal)
        else:
            once.done(request, token,
                      reverse("web:accountability", kwargs={"accountability_uuid": item.uuid}))
            messages.success(request, _("%(holder)s is aangesproken.") % {
                "holder": household_plan.holder_label(action)})
            return redirect("web:accountability", accountability_uuid=item.uuid)
    return _part_page(request, plan, form, _("%(holder)s aanspreken") % {
        "holder": household_plan.holder_label(action)}, action=action)


@require_http_methods(["GET", "POST"])
@professional_required
def accountability_page(request: HttpRequest, accountability_uuid: UUID) -> HttpResponse:
    """The call to account: for the regisseur, the holder, and (once escalated to them) the
    teamleider and the municipality's regievoerder; audited; a 404 for everyone else."""
    professional = request.professional
    actor = web_actor(request, professional)
    posted = request.method == "POST"
    item = accountability.open_call(professional, actor, accountability_uuid,
                                    EventType.UPDATE if posted else EventType.READ)
    if item is None:
        return not_found(request)
    subjects = accountability.call_subjects(item)
    may_answer = item.answered_at is None and accountability.may_answer(professional, item)
    if posted and not may_answer:
        # Sees the call, may not answer it: a denied attempt to write, not a read.
        record_many(actor, EventType.UPDATE, subjects, outcome=Outcome.DENIED, purpose="niet aangesproken")
        return forbidden(request)
    record_many(actor, EventType.READ, subjects, purpose="doorzettingsmacht")
    form = AnswerForm(request.POST or None, auto_id="antwoord_%s")
    if posted and form.is_valid():
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
    path("huishoudens/<uuid:household_uuid>/plan/deelnemers/<int:member_id>/contact/", plan_member_contact,
         name="plan_member_contact"),
    path("huishoudens/<uuid:household_uuid>/plan/doelen/<uuid:goal_uuid>/", plan_goal, name="plan_goal"),
    path("huishoudens/<uuid:household_uuid>/plan/zorgen/<int:concern_id>/verwijderen/", plan_concern_remove,
         name="plan_concern_remove"),
    path("huishoudens/<uuid:household_uuid>/plan/<slug:part>/", plan_part, name="plan_part"),
    path("aanspreken/<uuid:accountability_uuid>/", accountability_page, name="accountability"),
]
