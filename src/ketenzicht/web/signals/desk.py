"""The desk's side of a signal (loket): the Postvak and the route page with its actions.

For the CJG-Jeugdteam, the sociaal gebiedsteam, Veilig Thuis and the crisis service, and any
organisation a route was handed over to. Thin adapters over ``signals.desks``: every state change
is a service call that refuses with ``Refused`` (a Dutch message and its field), shown here. A
route of another desk gets the same 404 page as a missing URL (``responses.not_found``), returned
rather than raised so the audit event of the refused attempt is kept (``ATOMIC_REQUESTS``).

An advice request (``advies``) is asked without the person's name: neither the Postvak nor the
route page names the person, and its files are not offered.
"""

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_POST

from ketenzicht.access.audited import record_listing
from ketenzicht.access.services import visible_persons
from ketenzicht.audit.models import EventType
from ketenzicht.organisations.calendar import working_days_between
from ketenzicht.organisations.models import Organisation, Professional
from ketenzicht.refusals import Refused
from ketenzicht.signals import clocks, desks
from ketenzicht.signals.models import (
    ConsentBasis,
    Route,
    RouteKind,
    RouteStatus,
)

from ..forms import add_refusal
from ..guards import professional_required, web_actor
from ..responses import forbidden, not_found
from .desk_forms import AssessmentForm, ConclusionForm, HelpStartedForm

PAGE_SIZE = 50
LISTING_OBJECT = "loket-postvak"


# --- The clock --------------------------------------------------------------------------------

#: What a route's own clock measures, as the page names it.
CLOCK_LABELS = {
    clocks.Measures.SAFETY_ASSESSMENT: gettext_lazy("Veiligheidsbeoordeling"),
    clocks.Measures.INVESTIGATION: gettext_lazy("Onderzoek"),
    clocks.Measures.ACCEPTANCE: gettext_lazy("Aannemen"),
}


@dataclass(frozen=True)
class Clock:
    """A deadline the desk works against (``signals.clocks``): Veilig Thuis's safety assessment
    or its investigation, a local team's acceptance, or a handover (on the route that hands
    over: the receiver's acceptance)."""

    due: datetime
    overdue: bool
    remaining: str
    handover_to: Organisation | None = None
    label: str = ""


def clock_of(route: Route, now: datetime) -> Clock | None:
    target, handover_to = route, None
    if not clocks.is_waiting(route):
        handover = route.handed_over_to if route.handed_over_to_id else None
        if handover is None or not clocks.is_waiting(handover):
            return None
        target, handover_to = handover, handover.desk
    days = working_days_between(timezone.localdate(now), timezone.localdate(target.due_at))
    remaining = (ngettext("nog %(days)d werkdag", "nog %(days)d werkdagen", days) % {"days": days}
                 if days else _("vandaag"))
    label = ""
    if handover_to is None:
        label = (_("Aannemen van de overdracht") if handed_over_from(route) is not None
                 else str(CLOCK_LABELS[clocks.measures(route)]))
    return Clock(due=target.due_at, overdue=clocks.is_overdue(target, now), remaining=remaining,
                 handover_to=handover_to, label=label)


def handed_over_from(route: Route) -> Route | None:
    """The crisis service's route this route takes over, if any."""
    try:
        return route.handed_over_from
    except Route.DoesNotExist:
        return None


# --- The Postvak ------------------------------------------------------------------------------

@require_GET
@professional_required
def desk_inbox(request: HttpRequest) -> HttpResponse:
    """The organisation's open routes, the nearest deadline first, 50 a page."""
    professional = request.professional
    if not professional.works_with_clients:
        return forbidden(request)
    routes = desks.inbox(professional).select_related(
        "handed_over_to__desk", "handed_over_from__desk")
    page = Paginator(routes, PAGE_SIZE).get_page(request.GET.get("pagina"))
    now = timezone.now()
    rows = [{"route": route, "anonymous": route.kind == RouteKind.ADVICE,
             "clock": clock_of(route, now), "handed_over_from": handed_over_from(route)}
            for route in page]
    # An advice request names nobody to the desk, so it is no read of the person's data.
    record_listing(web_actor(request, professional),
                   [str(row["route"].signal.person.uuid) for row in rows if not row["anonymous"]],
                   object_type=LISTING_OBJECT, purpose="postvak van het loket")
    return render(request, "web/desk_inbox.html", {
        "page": page, "rows": rows, "title": _("Postvak"),
    })


# --- The route page ---------------------------------------------------------------------------

def _consent_text(route: Route) -> str:
    if route.consent_basis == ConsentBasis.CONSENT:
        return _("Met toestemming van %(who)s") % {
            "who": route.get_consent_given_by_display().lower()}
    if route.consent_basis == ConsentBasis.SAFETY:
        return _("Zonder toestemming: veiligheid — %(reason)s") % {"reason": route.safety_reason}
    return _("Niet nodig: adviesvraag zonder naam")


def _route_page(request: HttpRequest, route: Route, *, assessment_form: AssessmentForm | None = None,
                help_form: HelpStartedForm | None = None,
                conclusion_form: ConclusionForm | None = None, status: int = 200) -> HttpResponse:
    professional = request.professional
    signal = route.signal
    anonymous = route.kind == RouteKind.ADVICE
    acting = route.status in (RouteStatus.ACCEPTED, RouteStatus.ASSESSED)
    investigating = clocks.is_investigating(route)
    receivers = list(desks.handover_receivers(route)) if acting else []
    helpers = list(_helpers(professional)) if acting else []
    outcomes = desks.outcomes_for(route)
    now = timezone.now()
    handover = route.handed_over_to if route.handed_over_to_id else None
    return render(request, "web/desk_route.html", {
        "route": route,
        "signal": signal,
        "anonymous": anonymous,
        "person": None if anonymous else signal.person,
        "person_visible": not anonymous and visible_persons(professional).filter(
            pk=signal.person_id).exists(),
        "age": signal.person.age_on(timezone.localdate(now)) if anonymous else None,
        "safety_assessment": desks.is_safety_assessment(route),
        "investigating": investigating,
        "categories": list(signal.categories.all()),
        "statements": [] if anonymous else list(signal.statements.order_by("recorded_at", "id")),
        "attachments": [] if anonymous else list(
            signal.attachments.defer("content").order_by("uploaded_at", "id")),
        "consent": _consent_text(route),
        "clock": clock_of(route, now),
        "handover": handover,
        "handed_over_from": handed_over_from(route),
        "feedback": list(route.feedback.select_related("with_organisation")
                         .order_by("created_at", "id")),
        "may_accept": route.status == RouteStatus.SHARED,
        "may_assess": route.status == RouteStatus.ACCEPTED,
        # During Veilig Thuis's investigation, help starting is one of its conclusions.
        "may_start_help": not anonymous and not investigating and route.status in (
            RouteStatus.ACCEPTED, RouteStatus.ASSESSED),
        "may_conclude": investigating,
        "may_end": desks.may_end(route),
        "assessment_form": assessment_form or AssessmentForm(
            outcomes=outcomes, organisations=receivers),
        "help_form": help_form or HelpStartedForm(organisations=helpers),
        "conclusion_form": conclusion_form or ConclusionForm(receivers=receivers,
                                                             helpers=helpers),
        "title": route.get_kind_display(),
    }, status=status)


@require_GET
@professional_required
def desk_route(request: HttpRequest, route_uuid: UUID) -> HttpResponse:
    route = desks.open_route(request.professional, web_actor(request, request.professional),
                             route_uuid)
    if route is None:
        return not_found(request)
    return _route_page(request, route)


def _open_for_update(request: HttpRequest, route_uuid: UUID) -> Route | None:
    return desks.open_route(request.professional, web_actor(request, request.professional),
                            route_uuid, event_type=EventType.UPDATE)


def _helpers(professional: Professional):
    """Who else can give the help (empty choice: the desk's own organisation)."""
    return desks.care_organisations().exclude(pk=professional.organisation_id)


def _back(route_uuid: UUID) -> HttpResponse:
    return redirect("web:desk_route", route_uuid=route_uuid)


def _button(request: HttpRequest, route_uuid: UUID, action, success: str) -> HttpResponse:
    """A state change without a form (aannemen, beëindigen): the service decides, the page
    tells what happened or why not."""
    route = _open_for_update(request, route_uuid)
    if route is None:
        return not_found(request)
    try:
        action(request.professional, web_actor(request, request.professional), route)
    except Refused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, success)
    return _back(route_uuid)


@require_POST
@professional_required
def desk_accept(request: HttpRequest, route_uuid: UUID) -> HttpResponse:
    return _button(request, route_uuid, desks.accept,
                   _("U heeft het signaal aangenomen. De melder krijgt daarvan bericht."))


def _with_form(request: HttpRequest, route_uuid: UUID, make_form, act, form_name: str) -> HttpResponse:
    """A state change with a form: every error of the form at once, a service's refusal next to
    its field, and on success the route page with what happened (``act`` returns the messages)."""
    professional = request.professional
    route = _open_for_update(request, route_uuid)
    if route is None:
        return not_found(request)
    form = make_form(route)
    if form.is_valid():
        try:
            done = act(professional, web_actor(request, professional), route, form.cleaned_data)
        except Refused as refusal:
            add_refusal(form, refusal)
        else:
            for text in done:
                messages.success(request, text)
            return _back(route_uuid)
    return _route_page(request, route, **{form_name: form})


def _handover_told(route: Route) -> list[str]:
    """What the desk reads after handing over: a warm handover waits, one to the signaller's own
    organisation is done."""
    if route.handed_over_to_id is not None:
        return [_("De overdracht aan %(name)s wacht op aanname; tot dan blijft uw organisatie "
                  "verantwoordelijk.") % {"name": route.handed_to.name}]
    if route.handed_to is not None:
        return [_("Het signaal is overgedragen aan %(name)s.") % {"name": route.handed_to.name}]
    return []


@require_POST
@professional_required
def desk_assess(request: HttpRequest, route_uuid: UUID) -> HttpResponse:
    def assess(professional, actor, route, data) -> list[str]:
        safety = desks.is_safety_assessment(route)
        assessed = desks.record_assessment(
            professional, actor, route, data["uitkomst"],
            handed_to_slug=data["overdragen_aan"] if data["uitkomst"] in desks.HANDING_OVER else "",
            signaller_keeps_role=data["melder_houdt_rol"],
            safety_conditions=data["veiligheidsvoorwaarden"],
        )
        done = (_("De veiligheidsbeoordeling is vastgelegd.") if safety
                else _("Het advies is vastgelegd.") if route.kind == RouteKind.ADVICE
                else _("De triage is vastgelegd."))
        return [done, *_handover_told(assessed)]

    return _with_form(request, route_uuid, lambda route: AssessmentForm(
        request.POST, outcomes=desks.outcomes_for(route), organisations=desks.handover_receivers(route),
    ), assess, "assessment_form")


@require_POST
@professional_required
def desk_help_started(request: HttpRequest, route_uuid: UUID) -> HttpResponse:
    def help_started(professional, actor, route, data) -> list[str]:
        started = desks.record_help_started(professional, actor, route, with_slug=data["hulp_door"])
        return [_("Vastgelegd dat de hulp is gestart door %(name)s.") % {"name": started.help_with.name}]

    return _with_form(request, route_uuid, lambda route: HelpStartedForm(
        request.POST, organisations=_helpers(request.professional)), help_started, "help_form")


@require_POST
@professional_required
def desk_conclude(request: HttpRequest, route_uuid: UUID) -> HttpResponse:
    """Veilig Thuis's investigation concluded: a warm handover, or help that has started."""
    def conclude(professional, actor, route, data) -> list[str]:
        handing_over = data["conclusie"] in desks.HANDING_OVER
        concluded = desks.conclude_investigation(
            professional, actor, route, data["conclusie"],
            handed_to_slug=data["overdragen_aan"] if handing_over else "",
            with_slug="" if handing_over else data["hulp_door"],
            signaller_keeps_role=data["melder_houdt_rol"],
            safety_conditions=data["veiligheidsvoorwaarden"],
        )
        return [_("De conclusie van het onderzoek is vastgelegd."), *_handover_told(concluded)]

    return _with_form(request, route_uuid, lambda route: ConclusionForm(
        request.POST, receivers=desks.handover_receivers(route), helpers=_helpers(request.professional),
    ), conclude, "conclusion_form")


@require_POST
@professional_required
def desk_end(request: HttpRequest, route_uuid: UUID) -> HttpResponse:
    return _button(request, route_uuid, desks.end_route,
                   _("De route is beëindigd. De melder krijgt daarvan bericht."))


@require_GET
@professional_required
def desk_attachment(request: HttpRequest, route_uuid: UUID, attachment_uuid: UUID) -> HttpResponse:
    """A file with the signal, after the access check and with its own audit event."""
    attachment = desks.open_attachment(request.professional,
                                       web_actor(request, request.professional),
                                       route_uuid, attachment_uuid)
    if attachment is None:
        return not_found(request)
    response = HttpResponse(bytes(attachment.content), content_type=attachment.content_type)
    response["Content-Disposition"] = content_disposition_header(True, attachment.name)
    return response
