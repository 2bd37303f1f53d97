"""Pages: the team's caseload (werkvoorraad, ``/casussen/``) and the case (``/casussen/<uuid>/``)
with its own actions — assign or hand over, accept or decline a handover, record the first
contact, close.

For the professionals of a team that holds cases (a CJG-Jeugdteam, sociaal gebiedsteam, the CJG 12+
team, Veilig Thuis). Thin adapters over ``plans``: every state change is one service call that
refuses with ``Refused`` (a Dutch message and its field), shown here. A case of another team gets
the same 404 page as a missing URL (``responses.not_found``), returned rather than raised so the
audit events of the refused attempt are kept (``ATOMIC_REQUESTS``). A form posted twice does no
harm: the second answer says what the first already did.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from ketenzicht.access.audited import record_listing
from ketenzicht.audit.models import EventType
from ketenzicht.audit.services import Actor
from ketenzicht.organisations.models import CLIENT_ROLES, Professional, Role
from ketenzicht.people.models import Person
from ketenzicht.plans import cases, listings
from ketenzicht.plans.access import open_case
from ketenzicht.plans.listings import Show
from ketenzicht.plans.models import Arrival, ArrivalKind, Case, CaseHandover, CaseStatus, Milestone
from ketenzicht.refusals import RefusalKind, Refused
from ketenzicht.signals.models import Route
from ketenzicht.verwijsindex.models import Match

from ..forms import add_refusal
from ..guards import professional_required, web_actor
from ..household_members import member_rows
from ..responses import forbidden, not_found
from .caseload_forms import CloseForm, DeclineForm, HandOverForm

PAGE_SIZE = 50
#: How many of a teamleider's cases still to assign are shown above the caseload.
TO_ASSIGN_SHOWN = 20
LISTING_OBJECT = "casus-werkvoorraad"


# --- The caseload -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Row:
    """One case as the caseload shows it."""

    case: Case
    about: list[Person]
    age_days: int
    overdue: bool
    waiting: CaseHandover | None


def _row(case: Case, today: date) -> Row:
    return Row(case=case, about=listings.about(case),
               age_days=(today - timezone.localdate(case.opened_at)).days,
               overdue=case.next_due is not None and case.next_due < today,
               waiting=next(iter(case.waiting_list), None))


@require_GET
@professional_required
def caseload(request: HttpRequest) -> HttpResponse:
    """The team's open cases, the nearest deadline first, 50 a page; a teamleider's cases still to
    assign first. Every person a row names is a read of that person (audited)."""
    professional = request.professional
    if not cases.has_caseload(professional):
        return forbidden(request)
    show = request.GET.get("toon", Show.ALL)
    show = show if show in Show.values else Show.ALL
    today = timezone.localdate()
    found = listings.with_details(listings.shown(professional, show, today))
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("pagina"))
    rows = [_row(case, today) for case in page]
    to_assign, more_to_assign = [], False
    if professional.role == Role.TEAM_LEAD and show == Show.ALL and page.number == 1:
        first = list(listings.with_details(listings.to_assign(professional))[:TO_ASSIGN_SHOWN + 1])
        to_assign = [_row(case, today) for case in first[:TO_ASSIGN_SHOWN]]
        more_to_assign = len(first) > TO_ASSIGN_SHOWN
    record_listing(web_actor(request, professional),
                   [str(person.uuid) for row in [*to_assign, *rows] for person in row.about],
                   object_type=LISTING_OBJECT, purpose="werkvoorraad van het team")
    return render(request, "web/plans/caseload.html", {
        "page": page, "rows": rows, "to_assign": to_assign, "more_to_assign": more_to_assign,
        "show": show, "filters": [(choice.value, choice.label) for choice in Show],
        "page_param": "pagina" if show == Show.ALL else f"toon={show}&pagina",
        "is_team_lead": professional.role == Role.TEAM_LEAD,
        "title": _("Werkvoorraad"),
    })


# --- The case page ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Source:
    """Where an arrival came from, as the case page names it."""

    text: str
    url: str = ""


def _sources(case: Case, arrivals: list[Arrival]) -> dict[int, Source]:
    """What brought the family, per arrival: the route (from which organisation) or the match it
    came from, or the family's own application; two queries whatever the number of arrivals."""
    ids = {kind: [a.source_uuid for a in arrivals if a.kind == kind and a.source_uuid]
           for kind in (ArrivalKind.ROUTE, ArrivalKind.MATCH)}
    routes = {route.uuid: route for route in Route.objects.filter(uuid__in=ids[ArrivalKind.ROUTE])
              .select_related("signal__organisation")} if ids[ArrivalKind.ROUTE] else {}
    matches = {match.uuid: match for match in Match.objects.filter(uuid__in=ids[ArrivalKind.MATCH])
               .select_related("match_coordinator")} if ids[ArrivalKind.MATCH] else {}
    sources = {}
    for arrival in arrivals:
        if arrival.kind == ArrivalKind.APPLICATION:
            sources[arrival.pk] = Source(_("%(applicant)s, via %(channel)s") % {
                "applicant": arrival.get_applicant_display(),
                "channel": arrival.get_channel_display().lower()})
        elif (route := routes.get(arrival.source_uuid)) is not None:
            sources[arrival.pk] = Source(
                _("%(kind)s van %(organisation)s") % {"kind": route.get_kind_display(),
                                                       "organisation": route.signal.organisation.name},
                f"/loket/{route.uuid}/" if route.desk_id == case.team_id else "")
        elif (match := matches.get(arrival.source_uuid)) is not None:
            sources[arrival.pk] = Source(
                _("%(kind)s in de verwijsindex (matchregisseur: %(name)s)") % {
                    "kind": match.get_kind_display(), "name": match.match_coordinator.name},
                f"/verwijsindex/matches/{match.uuid}/")
        else:
            sources[arrival.pk] = Source(arrival.get_kind_display())
    return sources


def _colleagues(case: Case) -> list[Professional]:
    """Who the case can go to: the team's active client professionals, not its holder."""
    return list(Professional.objects.filter(organisation_id=case.team_id, role__in=CLIENT_ROLES,
                                            user__is_active=True)
                .exclude(pk=case.responsible_id).select_related("user")
                .order_by("user__last_name", "user__first_name", "id"))


def _case_page(request: HttpRequest, case: Case, *, hand_over_form: HandOverForm | None = None,
               decline_form: DeclineForm | None = None, close_form: CloseForm | None = None,
               status: int = 200) -> HttpResponse:
    professional = request.professional
    today = timezone.localdate()
    is_open = case.status == CaseStatus.OPEN
    arrivals = list(case.arrivals.select_related("person", "recorded_by__user"))
    handovers = list(case.handovers.select_related("from_professional__user", "to_professional__user",
                                                   "requested_by__user").order_by("requested_at", "id"))
    waiting = next((h for h in handovers if h.accepted_at is None and h.declined_at is None), None)
    may_hand_over = is_open and cases.may_hand_over(professional, case)
    sources = _sources(case, arrivals)
    return render(request, "web/plans/case.html", {
        "case": case,
        "professional": professional,
        "household": case.household,
        "members": member_rows(case.household, today),
        "arrivals": [{"arrival": arrival, "source": sources[arrival.pk]} for arrival in arrivals],
        "handovers": handovers,
        "waiting": waiting,
        "is_open": is_open,
        "is_holder": case.responsible_id == professional.pk,
        "is_team_lead": professional.role == Role.TEAM_LEAD,
        "age_days": (today - timezone.localdate(case.opened_at)).days,
        "overdue": is_open and case.next_due is not None and case.next_due < today,
        "assigning": not case.assigned,
        "may_hand_over": may_hand_over and waiting is None,
        "may_answer": is_open and waiting is not None and waiting.to_professional_id == professional.pk,
        "may_record_first_contact": is_open and case.next_milestone == Milestone.FIRST_CONTACT,
        "may_close": may_hand_over,
        "hand_over_form": hand_over_form or HandOverForm(
            colleagues=_colleagues(case) if may_hand_over and waiting is None else ()),
        "decline_form": decline_form or DeclineForm(),
        "close_form": close_form or CloseForm(),
        "title": _("Casus %(name)s") % {"name": case.household.name},
    }, status=status)


@require_GET
@professional_required
def case_page(request: HttpRequest, case_uuid: UUID) -> HttpResponse:
    case = open_case(request.professional, web_actor(request, request.professional), case_uuid)
    if case is None:
        return not_found(request)
    return _case_page(request, case)


# --- The case's actions ---------------------------------------------------------------------------

def _open_for_update(request: HttpRequest, case_uuid: UUID) -> Case | None:
    return open_case(request.professional, web_actor(request, request.professional), case_uuid,
                     event_type=EventType.UPDATE)


def _back(case: Case) -> HttpResponse:
    return redirect("web:case", case_uuid=case.uuid)


def _told(request: HttpRequest, refusal: Refused) -> None:
    """A refusal about the state of the case (often: a form posted twice) is told, not shown at a
    field: what the first post did stands."""
    if refusal.kind == RefusalKind.CONFLICT:
        messages.info(request, refusal.message)
    else:
        messages.error(request, refusal.message)


Action = Callable[[Professional, Actor, Case], str]


def _button(request: HttpRequest, case_uuid: UUID, act: Action) -> HttpResponse:
    """A state change without a form: the service decides, the page tells what happened or why not."""
    case = _open_for_update(request, case_uuid)
    if case is None:
        return not_found(request)
    try:
        done = act(request.professional, web_actor(request, request.professional), case)
    except Refused as refusal:
        _told(request, refusal)
    else:
        messages.success(request, done)
    return _back(case)


FormAction = Callable[[Professional, Actor, Case, dict], str]


def _with_form(request: HttpRequest, case_uuid: UUID, make_form: Callable[[Case], object],
               act: FormAction, form_name: str) -> HttpResponse:
    """A state change with a form: every error of the form at once, a refusal about the input next
    to its field, one about the state of the case told above it."""
    case = _open_for_update(request, case_uuid)
    if case is None:
        return not_found(request)
    form = make_form(case)
    if form.is_valid():
        try:
            done = act(request.professional, web_actor(request, request.professional), case,
                       form.cleaned_data)
        except Refused as refusal:
            if refusal.kind != RefusalKind.INVALID:
                _told(request, refusal)
                return _back(case)
            add_refusal(form, refusal)
        else:
            messages.success(request, done)
            return _back(case)
    return _case_page(request, case, **{form_name: form})


def _waiting(case: Case) -> CaseHandover | None:
    return case.handovers.filter(accepted_at__isnull=True, declined_at__isnull=True).first()


@require_POST
@professional_required
def case_hand_over(request: HttpRequest, case_uuid: UUID) -> HttpResponse:
    def hand_over(professional: Professional, actor: Actor, case: Case, data: dict) -> str:
        to = Professional.objects.select_related("user").get(uuid=data["aan"])
        waiting = _waiting(case)
        if waiting is not None and waiting.to_professional_id == to.pk:  # posted twice
            return _("De overdracht aan %(name)s wacht al op antwoord.") % {"name": to.display_name}
        assigning = not case.assigned
        cases.hand_over(professional, actor, case, to)
        return (_("De casus is toegewezen aan %(name)s. U blijft verantwoordelijk tot %(name)s haar "
                  "aanneemt.") if assigning else
                _("De casus is overgedragen aan %(name)s. U blijft verantwoordelijk tot %(name)s haar "
                  "aanneemt.")) % {"name": to.display_name}

    return _with_form(request, case_uuid, lambda case: HandOverForm(
        request.POST, colleagues=_colleagues(case)), hand_over, "hand_over_form")


def _handover(case: Case, handover_uuid: UUID) -> CaseHandover | None:
    return case.handovers.select_related("from_professional__user").filter(uuid=handover_uuid).first()


@require_POST
@professional_required
def case_accept(request: HttpRequest, case_uuid: UUID, handover_uuid: UUID) -> HttpResponse:
    def accept(professional: Professional, actor: Actor, case: Case) -> str:
        handover = _handover(case, handover_uuid)
        if handover is None:
            raise Refused(RefusalKind.CONFLICT, "overdracht-onbekend", _("Deze overdracht bestaat niet."))
        if handover.accepted_at and handover.to_professional_id == professional.pk:  # posted twice
            return _("U heeft de casus al aangenomen.")
        cases.accept_handover(professional, actor, handover)
        return _("U heeft de casus aangenomen: u bent nu verantwoordelijk. %(name)s krijgt daarvan "
                 "bericht.") % {"name": handover.from_professional.display_name}

    return _button(request, case_uuid, accept)


@require_POST
@professional_required
def case_decline(request: HttpRequest, case_uuid: UUID, handover_uuid: UUID) -> HttpResponse:
    def decline(professional: Professional, actor: Actor, case: Case, data: dict) -> str:
        handover = _handover(case, handover_uuid)
        if handover is None:
            raise Refused(RefusalKind.CONFLICT, "overdracht-onbekend", _("Deze overdracht bestaat niet."))
        cases.decline_handover(professional, actor, handover, data["reden"])
        return _("U heeft de overdracht geweigerd. %(name)s blijft verantwoordelijk en leest uw reden "
                 "bij de casus.") % {"name": handover.from_professional.display_name}

    return _with_form(request, case_uuid, lambda case: DeclineForm(request.POST), decline, "decline_form")


@require_POST
@professional_required
def case_first_contact(request: HttpRequest, case_uuid: UUID) -> HttpResponse:
    def first_contact(professional: Professional, actor: Actor, case: Case) -> str:
        case = cases.record_first_contact(professional, actor, case)
        return _("Het eerste contact is vastgelegd. De intake is uiterlijk %(due)s.") % {
            "due": f"{case.next_due:%d-%m-%Y}"}

    return _button(request, case_uuid, first_contact)


@require_POST
@professional_required
def case_close(request: HttpRequest, case_uuid: UUID) -> HttpResponse:
    def close(professional: Professional, actor: Actor, case: Case, data: dict) -> str:
        cases.close_case(professional, actor, case, data["reden"], data["toelichting"])
        return _("De casus is gesloten.")

    return _with_form(request, case_uuid, lambda case: CloseForm(request.POST), close, "close_form")


urlpatterns = [
    path("casussen/", caseload, name="caseload"),
    path("casussen/<uuid:case_uuid>/", case_page, name="case"),
    path("casussen/<uuid:case_uuid>/overdragen/", case_hand_over, name="case_hand_over"),
    path("casussen/<uuid:case_uuid>/overdrachten/<uuid:handover_uuid>/aannemen/", case_accept,
         name="case_accept"),
    path("casussen/<uuid:case_uuid>/overdrachten/<uuid:handover_uuid>/weigeren/", case_decline,
         name="case_decline"),
    path("casussen/<uuid:case_uuid>/eerste-contact/", case_first_contact, name="case_first_contact"),
    path("casussen/<uuid:case_uuid>/sluiten/", case_close, name="case_close"),
]
