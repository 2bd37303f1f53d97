"""The signaller's side of signals in the web UI: recording a signal, its page with the Meldcode
guide, sharing it with a desk, the OGGZ agenda, "Mijn signalen" and the kindcheck.

Thin adapters: every rule is a signals service, which refuses with ``Refused`` (a Dutch message
and the field it concerns); the page shows that message next to the field. A signal the
professional may not see gets the same 404 page as a missing URL (``responses.not_found``),
returned rather than raised so the audit event of the refused attempt is kept
(``ATOMIC_REQUESTS``). A BSN only ever travels in a POST body: the person page passes the
person's uuid.
"""

from dataclasses import dataclass
from datetime import date
from io import BytesIO
from uuid import UUID

from django.contrib import messages
from django.core.paginator import Page, Paginator
from django.db import transaction
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ketenzicht.access.audited import open_person, record_listing
from ketenzicht.access.services import may_see_clients, visible_persons
from ketenzicht.audit.models import EventType
from ketenzicht.audit.services import record
from ketenzicht.organisations.models import Organisation, Professional
from ketenzicht.people.models import Person
from ketenzicht.refusals import RefusalKind, Refused
from ketenzicht.signals import attachments, childcheck, feedback, listings, meldcode, oggz, services
from ketenzicht.signals.access import (
    SIGNALLER_SIDE_ROLES,
    is_signaller_side,
    open_signal,
    signal_subject,
)
from ketenzicht.signals.categories import Category
from ketenzicht.signals.clocks import is_overdue, is_waiting
from ketenzicht.signals.decision_framework import QUESTIONS as FRAMEWORK_QUESTIONS
from ketenzicht.signals.decision_framework import REPORTING, allowed_decisions
from ketenzicht.signals.models import (
    OPEN_ROUTE_STATUSES,
    DossierEntry,
    Feedback,
    FrameworkOutcome,
    MeldcodeStep,
    Route,
    RouteKind,
    Signal,
    SignalStatus,
)
from ketenzicht.signals.routing import Proposal

from ..forms import add_refusal
from ..guards import professional_required, web_actor
from ..person_param import person_from_uuid
from ..responses import forbidden, not_found
from .forms import (
    YES,
    AdviceForm,
    ChildCheckForm,
    ConsultationForm,
    ConversationForm,
    DecisionForm,
    EvaluationForm,
    ShareForm,
    SignalForm,
    WeighingForm,
    answer,
)

PAGE_SIZE = 50
#: Refusals about the state of the signal, not about what was typed: told as a message.
STATE_REFUSALS = frozenset({RefusalKind.CONFLICT, RefusalKind.FORBIDDEN, RefusalKind.UNAVAILABLE})


def person_buttons(professional: Professional, person: Person) -> dict:
    """The person page's "Signaal vastleggen" and (adult care, adult client) "Kindcheck"."""
    return {
        "may_signal": services.may_signal_about(professional, person),
        "may_child_check": childcheck.may_check_client(professional, person, timezone.localdate()),
    }


def _to_signal(signal_uuid: UUID | str, anchor: str = "") -> HttpResponse:
    return redirect(reverse("web:signal", kwargs={"signal_uuid": signal_uuid})
                    + (f"#{anchor}" if anchor else ""))


# --- Signaal vastleggen --------------------------------------------------------------------------

@require_http_methods(["GET", "POST"])
@professional_required
def signal_new(request: HttpRequest) -> HttpResponse:
    """Any client professional may signal: from the person page (``?persoon=<uuid>``) or by BSN."""
    professional = request.professional
    if not may_see_clients(professional):
        return forbidden(request)
    # From the district team's purposeful search (``access.resident_search``): the form, with
    # the BSN found carried on in the POST body, not yet a submission.
    carried_bsn = request.POST.get("bsn", "") if request.POST.get("vooraf") else ""
    posted = request.method == "POST" and not carried_bsn
    person = person_from_uuid(request, (request.POST if posted else request.GET).get("persoon"))
    if person is False:
        return not_found(request)
    form = SignalForm(request.POST if posted else None, request.FILES if posted else None,
                      initial={"persoon": person.uuid if person else None, "bsn": carried_bsn},
                      from_person=person is not None)
    if posted and form.is_valid():
        signal = _record(request, form, person)
        if signal is not None:
            messages.success(request, _("Het signaal is vastgelegd. Hieronder ziet u het voorstel "
                                        "voor het loket en de volgende stap van de meldcode."))
            return _to_signal(signal.uuid)
    return render(request, "web/signal_new.html", {
        "form": form, "person": person, "title": _("Signaal vastleggen"),
    })


def _record(request: HttpRequest, form: SignalForm, person: Person | None) -> Signal | None:
    """Record the signal and its attachment together: a refused attachment leaves no signal."""
    professional = request.professional
    actor = web_actor(request, professional)
    data = form.cleaned_data
    rows = form.statements()
    signal_request = services.SignalRequest(
        categories=tuple(data["categorieen"]), urgency=data["urgentie"], facts=data["waarneming"],
        observed_at=data["waargenomen_op"], person=person,
        bsn="" if person else data.get("bsn", "").strip(),
        statements=tuple(services.StatementData(source, content) for _row, source, content in rows),
    )
    savepoint = transaction.savepoint()
    try:
        signal = services.record_signal(professional, actor, signal_request)
    except Refused as refusal:
        # The service has audited the refused attempt; keep that event.
        transaction.savepoint_commit(savepoint)
        form.add_signal_refusal(refusal, [row for row, _source, _content in rows])
        return None
    upload = data.get("bijlage")
    if upload:
        try:
            attachments.attach(professional, actor, signal, attachments.Upload(
                upload.name, upload.read(attachments.max_bytes() + 1)))
        except Refused as refusal:
            transaction.savepoint_rollback(savepoint)
            add_refusal(form, refusal)
            return None
    transaction.savepoint_commit(savepoint)
    return signal


# --- The signal's page ------------------------------------------------------------------------------

@dataclass(frozen=True)
class GuideStep:
    """One Meldcode step as the guide shows it: done (with its entry), current or later."""

    number: int
    label: str
    state: str  # "gedaan", "nu", "later"
    entry: DossierEntry | None = None
    due: date | None = None
    overdue: bool = False
    #: Step 4: the questions the afwegingskader asked, with their answers.
    answers: tuple[tuple[str, bool], ...] = ()


def framework_answers(entry: DossierEntry) -> tuple[tuple[str, bool], ...]:
    values = (entry.q1_suspicion, entry.q2_acute_or_structural, entry.q3_can_organise_help,
              entry.q4_help_accepted, entry.q5_help_achieves_safety)
    return tuple((f"{number}. {question}", value) for number, (question, value)
                 in enumerate(zip(FRAMEWORK_QUESTIONS, values, strict=True), start=1)
                 if value is not None)


def guide_of(signal: Signal, entries: list[DossierEntry],
             next_step: meldcode.NextStep | None, today: date) -> list[GuideStep]:
    by_step = {entry.step: entry for entry in entries}
    steps = []
    for step in MeldcodeStep:
        if step in by_step:
            entry = by_step[step]
            steps.append(GuideStep(step.value, step.label, "gedaan", entry=entry,
                                   answers=framework_answers(entry)
                                   if step == MeldcodeStep.WEIGHING else ()))
        elif next_step is not None and next_step.step == step:
            steps.append(GuideStep(step.value, step.label, "nu", due=next_step.due,
                                   overdue=today > next_step.due))
        else:
            steps.append(GuideStep(step.value, step.label, "later"))
    return steps


def _age(signal: Signal) -> int:
    return signal.person.age_on(timezone.localdate())


def _weighing_outcome(entries: list[DossierEntry]) -> FrameworkOutcome | None:
    for entry in entries:
        if entry.step == MeldcodeStep.WEIGHING and entry.framework_outcome:
            return FrameworkOutcome(entry.framework_outcome)
    return None


def _step_form(step: int, entries: list[DossierEntry], signal: Signal, data=None):
    if step == MeldcodeStep.CONSULTATION:
        return ConsultationForm(data)
    if step == MeldcodeStep.CONVERSATION:
        return ConversationForm(data)
    if step == MeldcodeStep.WEIGHING:
        return WeighingForm(data)
    if step == MeldcodeStep.DECISION:
        outcome = _weighing_outcome(entries)
        return DecisionForm(data, decisions=allowed_decisions(outcome) if outcome else frozenset(),
                            givers=services.consent_givers(_age(signal)))
    return None


def _current_proposal(signal: Signal) -> tuple[Proposal | None, str]:
    """The desk the system proposes now (office hours may have changed since recording)."""
    try:
        return services.proposal_for(signal, timezone.now()), ""
    except Refused as refusal:
        return None, refusal.message


def _desk_choices(signal: Signal, proposal: Proposal) -> list[tuple[str, str]]:
    """The proposal first, then its alternatives (CJG 12+), then every other desk of the
    municipality: the teams that receive signals, Veilig Thuis and the crisis service."""
    choices = [(proposal.desk.slug, _("%(name)s (voorstel)") % {"name": proposal.desk.name})]
    choices += [(desk.slug, _("%(name)s (alternatief voor jeugdigen op het voortgezet onderwijs)")
                 % {"name": desk.name}) for desk in proposal.alternatives]
    settings, _district = services.settings_for_person(signal.person, signal.organisation)
    seen = [slug for slug, _label in choices]
    return choices + [(desk.slug, desk.name) for desk in services.sharing_desks(settings)
                      if desk.slug not in seen]


def _share_form(signal: Signal, proposal: Proposal | None, data=None) -> ShareForm | None:
    if proposal is None:
        return None
    return ShareForm(data, auto_id="delen_%s", desks=_desk_choices(signal, proposal),
                     proposed=proposal.desk.slug,
                     givers=services.consent_givers(_age(signal)))


@dataclass(frozen=True)
class RouteRow:
    route: Route
    overdue: bool
    #: Whether the desk still works against its clock (a stale deadline is not shown).
    waiting: bool = False


def _signal_context(request: HttpRequest, signal: Signal, **bound) -> dict:
    """Everything the signal page shows; ``bound`` carries a posted form back with its errors."""
    professional = request.professional
    today = timezone.localdate()
    # The signaller's side works on the Meldcode; a desk the signal was shared with only reads.
    signaller_side = is_signaller_side(professional, signal)
    entries = list(meldcode.dossier(signal))
    next_step = meldcode.next_step(signal)
    categories = list(signal.categories.all())
    context = {
        "signal": signal,
        "categories": categories,
        "statements": list(signal.statements.order_by("recorded_at", "id")),
        "attachments": list(signal.attachments.defer("content").order_by("uploaded_at", "id")),
        "signaller_side": signaller_side,
        "guide": guide_of(signal, entries, next_step, today),
        "next_step": next_step,
        "weighing_outcome": _weighing_outcome(entries),
        "is_closed": signal.status == SignalStatus.CLOSED,
        "title": _("Signaal over %(name)s") % {"name": signal.person.full_name},
        # A signal opens no person file to its signaller: link the person only when in view.
        "person_in_view": visible_persons(professional).filter(pk=signal.person_id).exists(),
    }
    if signaller_side:
        now = timezone.now()
        context["routes"] = [
            RouteRow(route, is_overdue(route, now), is_waiting(route))
            for route in signal.routes.select_related("desk").order_by("shared_at", "id")
        ]
        context["feedback"] = list(feedback.feedback_for(signal))
        context["oggz_items"] = list(signal.oggz_items.order_by("meeting_on"))
        # The other children of the same kindcheck: each has a signal (and a Meldcode) of its own.
        context["same_check_signals"] = list(
            Signal.objects.filter(child_check_id=signal.child_check_id).exclude(pk=signal.pk)
            .select_related("person").order_by("id")) if signal.child_check_id else []
    if signaller_side and next_step is not None:
        context["step_form"] = bound.get("step_form") or _step_form(next_step.step, entries, signal)
    if signaller_side and signal.evaluate_on is not None:
        context["evaluation_form"] = bound.get("evaluation_form") or EvaluationForm(
            auto_id="evaluatie_%s", givers=services.consent_givers(_age(signal)))
    if signaller_side:
        context["evaluation"] = getattr(signal, "evaluation", None)
    if signaller_side and not context["is_closed"]:
        proposal, unavailable = _current_proposal(signal)
        context["proposal_now"] = proposal
        context["share_unavailable"] = unavailable
        context["share_form"] = bound.get("share_form") or _share_form(signal, proposal)
        context["has_care_avoidance"] = any(
            c.category == Category.CARE_AVOIDANCE for c in categories)
        context["may_ask_advice"] = next_step is not None \
            and next_step.step == MeldcodeStep.CONSULTATION
        context["advice_form"] = bound.get("advice_form") or AdviceForm(auto_id="advies_%s")
    return context


@require_GET
@professional_required
def signal(request: HttpRequest, signal_uuid: UUID) -> HttpResponse:
    found = open_signal(request.professional, web_actor(request, request.professional), signal_uuid)
    if found is None:
        return not_found(request)
    return render(request, "web/signal.html", _signal_context(request, found))


def _open_to_act(request: HttpRequest, signal_uuid: UUID) -> tuple[Signal | None, HttpResponse | None]:
    """The signal for a change: 404 without access, 403 for a desk that may read but not act."""
    professional = request.professional
    found = open_signal(professional, web_actor(request, professional), signal_uuid, EventType.UPDATE)
    if found is None:
        return None, not_found(request)
    if not is_signaller_side(professional, found):
        return None, forbidden(request)
    return found, None


def _refused(request: HttpRequest, refusal: Refused, form, signal: Signal, form_key: str,
             anchor: str) -> HttpResponse:
    """A state refusal is told as a message on the page; an input refusal next to its field."""
    if refusal.kind in STATE_REFUSALS and refusal.field not in getattr(form, "REFUSAL_FIELDS", {}):
        messages.error(request, refusal.message)
        return _to_signal(signal.uuid, anchor)
    add_refusal(form, refusal)
    return _render_bound(request, signal, **{form_key: form})


def _render_bound(request: HttpRequest, signal: Signal, **bound) -> HttpResponse:
    """The page again with the posted form and its errors. The refused change was rolled back
    in the database but may have touched the object in memory (next step), so read it again."""
    signal.refresh_from_db()
    return render(request, "web/signal.html", _signal_context(request, signal, **bound))


STEP_DONE = {
    MeldcodeStep.CONSULTATION: _("Stap 2 is vastgelegd: de collegiale consultatie."),
    MeldcodeStep.CONVERSATION: _("Stap 3 is vastgelegd: het gesprek met betrokkenen."),
}


@require_POST
@professional_required
def signal_step(request: HttpRequest, signal_uuid: UUID, step: int) -> HttpResponse:
    """Record the current Meldcode step; the dossier is the state, so the guide resumes there."""
    if step not in (MeldcodeStep.CONSULTATION, MeldcodeStep.CONVERSATION, MeldcodeStep.WEIGHING,
                    MeldcodeStep.DECISION):
        return not_found(request)
    found, response = _open_to_act(request, signal_uuid)
    if response is not None:
        return response
    entries = list(meldcode.dossier(found))
    form = _step_form(step, entries, found, request.POST)
    if not form.is_valid():
        return _render_bound(request, found, step_form=form)
    try:
        message = _record_step(request, found, step, form)
    except Refused as refusal:
        return _refused(request, refusal, form, found, "step_form", "meldcode")
    messages.success(request, message)
    return _to_signal(found.uuid, "meldcode")


def _record_step(request: HttpRequest, signal: Signal, step: int, form) -> str:
    professional = request.professional
    actor = web_actor(request, professional)
    data = form.cleaned_data
    if step == MeldcodeStep.CONSULTATION:
        meldcode.record_consultation(
            professional, actor, signal, safeguarding_lead=data["aandachtsfunctionaris"],
            veilig_thuis=data["veilig_thuis"], outcome=data["uitkomst"],
            agreements=data["afspraken"], coordinator=data["coordinator"])
        return STEP_DONE[MeldcodeStep.CONSULTATION]
    if step == MeldcodeStep.CONVERSATION:
        skip = request.POST.get("actie") == "overslaan"
        meldcode.record_conversation(
            professional, actor, signal, notes="" if skip else data["aantekeningen"],
            skipped=skip, skip_reason=data["reden_overslaan"] if skip else "")
        return (_("Stap 3 is vastgelegd: het gesprek is overgeslagen, met de reden.") if skip
                else STEP_DONE[MeldcodeStep.CONVERSATION])
    if step == MeldcodeStep.WEIGHING:
        entry = meldcode.record_weighing(professional, actor, signal, form.answers(),
                                         notes=data["aantekeningen"])
        return _("Stap 4 is vastgelegd. Uitkomst van het afwegingskader: %(outcome)s.") % {
            "outcome": entry.get_framework_outcome_display()}
    decision = data["besluit"]
    share = None
    if decision in REPORTING:
        share = services.ShareRequest(consent=form.consent())
    result = meldcode.record_decision(professional, actor, signal, decision,
                                      notes=data["aantekeningen"], share=share,
                                      evaluate_on=data["evalueren_op"])
    if result.report is not None:
        return _("Stap 5 is vastgelegd: u heeft gemeld bij %(desk)s.") % {
            "desk": result.report.desk.name}
    return _("Stap 5 is vastgelegd: %(decision)s.") % {
        "decision": result.entry.get_decision_display().lower()}


@require_POST
@professional_required
def signal_evaluation(request: HttpRequest, signal_uuid: UUID) -> HttpResponse:
    """Question 5 at the agreed time: yes closes the help with monitoring, no reports."""
    found, response = _open_to_act(request, signal_uuid)
    if response is not None:
        return response
    form = EvaluationForm(request.POST, auto_id="evaluatie_%s",
                          givers=services.consent_givers(_age(found)))
    if not form.is_valid():
        return _render_bound(request, found, evaluation_form=form)
    safe = form.cleaned_data["vraag5"] == YES
    share = None
    if not safe:
        share = services.ShareRequest(consent=form.consent())
    try:
        result = meldcode.record_evaluation(
            request.professional, web_actor(request, request.professional), found,
            achieves_safety=safe, notes=form.cleaned_data["aantekeningen"], share=share)
    except Refused as refusal:
        return _refused(request, refusal, form, found, "evaluation_form", "meldcode")
    messages.success(request, _("De evaluatie is vastgelegd: u heeft gemeld bij %(desk)s.") % {
        "desk": result.report.desk.name} if result.report else
        _("De evaluatie is vastgelegd: de hulp wordt afgesloten met afspraken over monitoring."))
    return _to_signal(found.uuid, "meldcode")


@require_POST
@professional_required
def signal_advice(request: HttpRequest, signal_uuid: UUID) -> HttpResponse:
    """Step 2's "Advies vragen aan Veilig Thuis (zonder naam)": no consent, no name shared."""
    found, response = _open_to_act(request, signal_uuid)
    if response is not None:
        return response
    form = AdviceForm(request.POST, auto_id="advies_%s")
    if not form.is_valid():
        return _render_bound(request, found, advice_form=form)
    try:
        route = services.request_advice(request.professional,
                                        web_actor(request, request.professional), found,
                                        form.cleaned_data["adviesvraag"])
    except Refused as refusal:
        return _refused(request, refusal, form, found, "advice_form", "meldcode")
    messages.success(request, _("Uw adviesvraag is zonder naam gestuurd naar %(desk)s.") % {
        "desk": route.desk.name})
    return _to_signal(found.uuid, "meldcode")


@require_POST
@professional_required
def signal_share(request: HttpRequest, signal_uuid: UUID) -> HttpResponse:
    """Delen met een loket: the proposal, or another desk with a reason; consent or safety."""
    found, response = _open_to_act(request, signal_uuid)
    if response is not None:
        return response
    proposal, unavailable = _current_proposal(found)
    if proposal is None:
        messages.error(request, unavailable)
        return _to_signal(found.uuid, "delen")
    form = _share_form(found, proposal, request.POST)
    if not form.is_valid():
        return _render_bound(request, found, share_form=form)
    try:
        route = services.share_signal(
            request.professional, web_actor(request, request.professional), found,
            services.ShareRequest(consent=form.consent(),
                                  desk_slug=form.cleaned_data["loket"],
                                  deviation_reason=form.cleaned_data["reden_afwijking"]))
    except Refused as refusal:
        return _refused(request, refusal, form, found, "share_form", "delen")
    messages.success(request, _("Het signaal is gedeeld met %(desk)s als %(kind)s.") % {
        "desk": route.desk.name, "kind": route.get_kind_display().lower()})
    return _to_signal(found.uuid, "routes")


@require_POST
@professional_required
def signal_oggz(request: HttpRequest, signal_uuid: UUID) -> HttpResponse:
    """Bemoeizorg: put a care-avoiding family on the agenda of the next OGGZ meeting."""
    found, response = _open_to_act(request, signal_uuid)
    if response is not None:
        return response
    try:
        item = oggz.put_on_agenda(request.professional, web_actor(request, request.professional),
                                  found)
    except Refused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("Het signaal staat op de agenda van het OGGZ-overleg van "
                                    "%(date)s.") % {"date": f"{item.meeting_on:%d-%m-%Y}"})
    return _to_signal(found.uuid, "oggz")


@require_GET
@professional_required
def signal_attachment(request: HttpRequest, signal_uuid: UUID, attachment_uuid: UUID) -> HttpResponse:
    """Download a bijlage after the signal's access check; the download itself is audited."""
    actor = web_actor(request, request.professional)
    found = open_signal(request.professional, actor, signal_uuid)
    if found is None:
        return not_found(request)
    attachment = found.attachments.filter(uuid=attachment_uuid).first()
    if attachment is None:
        return not_found(request)
    record(actor, EventType.READ, signal_subject(found, bijlage=str(attachment.uuid)),
           purpose="bijlage gedownload")
    return FileResponse(BytesIO(bytes(attachment.content)), as_attachment=True,
                        filename=attachment.name, content_type=attachment.content_type)


# --- Mijn signalen -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class SignalRow:
    """Where a signal stands, from its prefetched routes and feedback (no query per row)."""

    signal: Signal
    categories: list[str]
    desk: Organisation | None
    latest_feedback: Feedback | None


def _row(signal: Signal) -> SignalRow:
    routes = [r for r in signal.routes.all() if r.kind != RouteKind.ADVICE]
    open_routes = [r for r in routes if r.status in OPEN_ROUTE_STATUSES]
    current = (open_routes or routes or [None])[-1]
    received = list(signal.feedback.all())
    return SignalRow(
        signal=signal,
        categories=[c.get_category_display() for c in signal.categories.all()],
        desk=current.desk if current is not None else None,
        latest_feedback=received[-1] if received else None,
    )


def _page(signals, number: str | None) -> tuple[Page, list[SignalRow]]:
    page = Paginator(signals, PAGE_SIZE).get_page(number)
    return page, [_row(signal) for signal in page]


@require_GET
@professional_required
def signals(request: HttpRequest) -> HttpResponse:
    """Every signal the professional gave, newest first, and where each stands; for the
    aandachtsfunctionaris and teamleider also their organisation's signals."""
    professional = request.professional
    if not may_see_clients(professional):
        return forbidden(request)
    own_page, own_rows = _page(listings.signals_of(professional), request.GET.get("pagina"))
    organisation_page, organisation_rows = None, []
    if professional.role in SIGNALLER_SIDE_ROLES:
        organisation_page, organisation_rows = _page(
            listings.signals_of_organisation(professional), request.GET.get("organisatiepagina"))
    record_listing(
        web_actor(request, professional),
        [str(row.signal.person.uuid) for row in own_rows + organisation_rows],
        object_type="signalen-overzicht", purpose="eigen signalen",
    )
    return render(request, "web/signal_list.html", {
        "own_page": own_page, "own_rows": own_rows,
        "organisation_page": organisation_page, "organisation_rows": organisation_rows,
        "title": _("Mijn signalen"),
    })


# --- Kindcheck -------------------------------------------------------------------------------------------

@require_http_methods(["GET", "POST"])
@professional_required
def child_check(request: HttpRequest, person_uuid: UUID) -> HttpResponse:
    """The kindcheck at the intake of an adult client; with concerns it opens a signal."""
    professional = request.professional
    actor = web_actor(request, professional)
    client = open_person(professional, actor, person_uuid)
    if client is None:
        return not_found(request)
    if not childcheck.may_check(professional):
        return forbidden(request)
    children = childcheck.children_in_view(professional, client, timezone.localdate())
    form = ChildCheckForm(request.POST if request.method == "POST" else None, children=children,
                          initial={"categorieen": list(childcheck.proposed_categories(professional))})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        answers = childcheck.ChildCheckAnswers(
            **{name: bool(answer(data[name])) for name in childcheck.QUESTIONS},
            concerns=bool(answer(data["zorgen"])))
        concern = childcheck.Concern(facts=data["waarneming"], categories=tuple(data["categorieen"]),
                                     urgency=data["urgentie"], children=form.chosen_children(),
                                     ) if answers.concerns else None
        try:
            check = childcheck.record_child_check(professional, actor, client, answers, concern)
        except Refused as refusal:
            add_refusal(form, refusal)
        else:
            opened = list(check.signals.select_related("person").order_by("id"))
            if opened:
                messages.success(request, _("Kindcheck vastgelegd. Er is een signaal geopend over "
                                            "%(names)s: doorloop hieronder de stappen van de "
                                            "meldcode.") % {
                    "names": ", ".join(signal.person.full_name for signal in opened)})
                return _to_signal(opened[0].uuid, "meldcode")
            messages.success(request, _("Kindcheck vastgelegd"))
            return redirect("web:person", person_uuid=client.uuid)
    return render(request, "web/signal_child_check.html", {
        "form": form, "client": client, "children": children,
        "title": _("Kindcheck bij %(name)s") % {"name": client.full_name},
    })
