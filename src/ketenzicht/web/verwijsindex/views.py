"""The verwijsindex in the web UI: registering (melden), Mijn verwijsindex, the match page, the
regievoerder's page.

Thin adapters: every state change and every check is a verwijsindex service, which refuses with
``RegistrationRefused`` (a Dutch message and the field it concerns); the page shows that message
next to the field. A registration or match the professional may not see gets the same 404 page
as a missing URL (``responses.not_found``), returned rather than raised so the audit event of
the refused attempt is kept (``ATOMIC_REQUESTS``).
"""

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ketenzicht.access.audited import record_listing
from ketenzicht.access.services import visible_persons
from ketenzicht.organisations.models import Organisation, Professional, Role
from ketenzicht.people.models import Person
from ketenzicht.people.services import reveal_bsn
from ketenzicht.refusals import Refused
from ketenzicht.verwijsindex import informing, lifecycle, listings, match_actions, objections
from ketenzicht.verwijsindex.errors import RegistrationRefused
from ketenzicht.verwijsindex.models import (
    OPEN_MATCH,
    EndReason,
    IndexRegistration,
    InformedParty,
    Match,
    MatchKind,
    MatchStatus,
    RegistrationStatus,
)
from ketenzicht.verwijsindex.services import (
    Contact,
    RegistrationRequest,
    check_may_register,
    register,
)

from ..forms import add_refusal
from ..guards import professional_required, role_required, web_actor
from ..leads.forms import LeadChoiceForm
from ..person_param import person_from_uuid
from ..responses import forbidden, not_found
from .forms import (
    EndForm,
    InformedForm,
    ObjectionForm,
    PostponeForm,
    RegisterForm,
)

PAGE_SIZE = 50


def may_register(professional: Professional) -> bool:
    """Whether the professional's organisation may register (the button on the person page)."""
    try:
        check_may_register(professional)
    except RegistrationRefused:
        return False
    return True


# --- Registering (melden) ---------------------------------------------------------------------

@require_http_methods(["GET", "POST"])
@professional_required
def register_youth(request: HttpRequest) -> HttpResponse:
    """The form: posted, so a BSN never appears in a URL; the person page passes only a uuid."""
    professional = request.professional
    if not may_register(professional):
        return forbidden(request)
    source = request.POST if request.method == "POST" else request.GET
    person = person_from_uuid(request, source.get("persoon"))
    if person is False:
        return not_found(request)
    initial = {
        "persoon": person.uuid if person else None,
        "contactpersoon_naam": professional.display_name,
        "contactpersoon_telefoon": professional.phone,
        "contactpersoon_email": professional.user.email,
    }
    form = RegisterForm(request.POST if request.method == "POST" else None, initial=initial,
                        from_person=person is not None)
    existing_uuid = ""
    if request.method == "POST" and form.is_valid():
        bsn = reveal_bsn(person) if person else form.cleaned_data["bsn"]
        alternative_id = (person.alternative_id or "") if person and not bsn else ""
        if not bsn and not alternative_id:
            form.add_error(None, _("Van deze persoon is geen BSN of alternatief kenmerk bekend."))
        else:
            data = form.cleaned_data
            try:
                result = register(professional, web_actor(request, professional), RegistrationRequest(
                    bsn=bsn, alternative_id=alternative_id,
                    risk_categories=tuple(data["risicocategorieen"]),
                    suspicion_confirmed=data["redelijk_vermoeden"],
                    contact=Contact(name=data["contactpersoon_naam"],
                                    phone=data["contactpersoon_telefoon"],
                                    email=data["contactpersoon_email"]),
                ))
            except RegistrationRefused as refusal:
                form.add_refusal(refusal)
                existing_uuid = refusal.existing_uuid
            else:
                messages.success(request, _("De registratie in de verwijsindex is vastgelegd."))
                return redirect("web:vir_registration",
                                registration_uuid=result.registration.uuid)
    return render(request, "web/vir_register.html", {
        "form": form, "person": person, "existing_uuid": existing_uuid,
        "title": _("Registreren in de verwijsindex"),
    })


# --- A registration ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Participant:
    organisation: Organisation
    contact_name: str
    contact_phone: str
    contact_email: str
    joined_at: datetime | None
    person_id: int
    active: bool
    is_own: bool


def participants_of(match: Match, professional: Professional) -> list[Participant]:
    """Every registration in the match with its contact person (``match_participants``)."""
    return [
        Participant(
            organisation=registration.organisation, contact_name=registration.contact_name,
            contact_phone=registration.contact_phone, contact_email=registration.contact_email,
            joined_at=getattr(registration, "joined_at", None), person_id=registration.person_id,
            active=registration.status == RegistrationStatus.ACTIVE,
            is_own=registration.organisation_id == professional.organisation_id,
        )
        for registration in match_actions.match_participants(match)
    ]


@dataclass(frozen=True)
class Youth:
    person: Person | None
    visible: bool


def youths_of(match: Match, participants: list[Participant], professional: Professional) -> list[Youth]:
    """The youth of a client match, or the registered youths of a family match.

    A family match's key is the shared parent: never shown (no parents' data). A sibling the
    professional has no basis for is mentioned, not named.
    """
    if match.kind == MatchKind.CLIENT:
        persons = [match.person]
    else:
        ids = list(dict.fromkeys(p.person_id for p in participants))
        by_id = Person.objects.in_bulk(ids)
        persons = [by_id[pk] for pk in ids if pk in by_id]
    visible = set(visible_persons(professional).filter(
        pk__in=[p.pk for p in persons]).values_list("pk", flat=True))
    if match.kind == MatchKind.CLIENT:
        return [Youth(match.person, match.person.pk in visible)]
    return [Youth(p if p.pk in visible else None, p.pk in visible) for p in persons]


def _match_view(match: Match, professional: Professional) -> dict:
    match_actions.attach_household_leads([match])
    participants = participants_of(match, professional)
    organisations = {match.match_coordinator.pk: match.match_coordinator}
    for participant in participants:
        organisations.setdefault(participant.organisation.pk, participant.organisation)
    return {
        "match": match,
        "participants": participants,
        "others": [p for p in participants if not p.is_own and p.active],
        "youths": youths_of(match, participants, professional),
        "is_coordinator": (professional.organisation_id == match.match_coordinator_id
                           and professional.works_with_clients),
        "organisations": list(organisations.values()),
    }


def _open_matches_of(request: HttpRequest, registration: IndexRegistration) -> list[dict]:
    """The open matches a registration takes part in, each opened with its audit event."""
    professional = request.professional
    actor = web_actor(request, professional)
    uuids = Match.objects.filter(OPEN_MATCH, participations__registration=registration).order_by(
        "created_at").values_list("uuid", flat=True)
    views = []
    for match_uuid in uuids:
        match = match_actions.open_match(professional, actor, match_uuid)
        if match is not None:
            views.append(_match_view(match, professional))
    return views


REGISTRATION_ACTIONS = ("verlengen", "beeindigen", "informeren", "uitstellen")


@require_http_methods(["GET", "POST"])
@professional_required
def registration(request: HttpRequest, registration_uuid: UUID) -> HttpResponse:
    professional = request.professional
    actor = web_actor(request, professional)
    found = lifecycle.open_registration(professional, actor, registration_uuid)
    if found is None:
        return not_found(request)
    forms = {"end_form": EndForm(), "informed_form": InformedForm(), "postpone_form": PostponeForm()}
    action = request.POST.get("actie") if request.method == "POST" else None
    if action == "verlengen":
        try:
            extended = lifecycle.extend_registration(professional, actor, registration_uuid)
        except RegistrationRefused as refusal:
            messages.error(request, refusal.message)
        else:
            messages.success(request, _("De registratie is verlengd tot %(date)s.") % {
                "date": f"{extended.active_until:%d-%m-%Y}"})
        return redirect("web:vir_registration", registration_uuid=registration_uuid)
    if action == "beeindigen":
        form = forms["end_form"] = EndForm(request.POST)
        if form.is_valid():
            try:
                kept = lifecycle.end_registration(professional, actor, registration_uuid,
                                                  EndReason(form.cleaned_data["reden"]))
            except RegistrationRefused as refusal:
                add_refusal(form, refusal)
            else:
                messages.success(request, _("De registratie is beëindigd.") if kept is not None
                                 else _("De onterechte registratie is verwijderd."))
                return redirect("web:vir_overview")
    elif action == "informeren":
        form = forms["informed_form"] = InformedForm(request.POST)
        if form.is_valid():
            try:
                informing.record_informed(professional, actor, registration_uuid,
                                          InformedParty(form.cleaned_data["geinformeerd"]),
                                          form.cleaned_data["op"])
            except RegistrationRefused as refusal:
                add_refusal(form, refusal)
            else:
                messages.success(request, _("Vastgelegd wie er is geïnformeerd."))
                return redirect("web:vir_registration", registration_uuid=registration_uuid)
    elif action == "uitstellen":
        form = forms["postpone_form"] = PostponeForm(request.POST)
        if form.is_valid():
            try:
                informing.postpone_informing(professional, actor, registration_uuid,
                                             form.cleaned_data["reden_uitstel"])
            except RegistrationRefused as refusal:
                add_refusal(form, refusal)
            else:
                messages.success(request, _("Het uitstel van het informeren is vastgelegd."))
                return redirect("web:vir_registration", registration_uuid=registration_uuid)
    elif request.method == "POST":
        return redirect("web:vir_registration", registration_uuid=registration_uuid)
    today = timezone.localdate()
    return render(request, "web/vir_registration.html", {
        **forms,
        "registration": found,
        "active": found.status == RegistrationStatus.ACTIVE,
        "informing": listings.informing_status(
            found, informing.parties_required(found, today),
            listings.settings_by_municipality(), today),
        "matches": _open_matches_of(request, found),
        "youth_visible": visible_persons(professional).filter(pk=found.person_id).exists(),
        "title": _("Registratie in de verwijsindex"),
    })


# --- Mijn verwijsindex --------------------------------------------------------------------------

@professional_required
def overview(request: HttpRequest) -> HttpResponse:
    """The organisation's registrations (active first) and matches (open first), 50 a page."""
    professional = request.professional
    if not professional.works_with_clients:
        return forbidden(request)
    today = timezone.localdate()
    settings = listings.settings_by_municipality()
    registrations = Paginator(
        listings.for_listing(lifecycle.registrations_of(professional)), PAGE_SIZE
    ).get_page(request.GET.get("pagina"))
    rows = [
        {"registration": r,
         "informing": listings.informing_status(
             r, informing.parties_required(r, today), settings, today)
         if r.status == RegistrationStatus.ACTIVE else None,
         "has_match": bool(r.open_participations)}
        for r in registrations
    ]
    matches = Paginator(
        listings.matches_for_listing(match_actions.matches_of(professional)), PAGE_SIZE
    ).get_page(request.GET.get("matchpagina"))
    match_actions.attach_household_leads(matches)  # the page keeps these objects
    record_listing(
        web_actor(request, professional),
        [str(r.person.uuid) for r in registrations]
        + match_actions.youth_uuids_of(matches),
        object_type="verwijsindex-overzicht", purpose="eigen registraties en matches",
    )
    return render(request, "web/vir_overview.html", {
        "registrations": registrations, "rows": rows, "matches": matches,
        "may_register": may_register(professional), "title": _("Mijn verwijsindex"),
    })


# --- A match ------------------------------------------------------------------------------------

@require_http_methods(["GET", "POST"])
@professional_required
def match(request: HttpRequest, match_uuid: UUID) -> HttpResponse:
    professional = request.professional
    actor = web_actor(request, professional)
    found = match_actions.open_match(professional, actor, match_uuid)
    if found is None:
        return not_found(request)
    view = _match_view(found, professional)
    candidates = match_actions.coordination_candidates(found) if view["is_coordinator"] else []
    lead = found.household_lead
    coordinated_form = LeadChoiceForm(candidates=candidates, initial={
        "regie": lead.kind, "professional": str(lead.professional.uuid),
        "voorkeur_gezin": lead.family_preference, "afspraken": lead.agreements,
    } if lead else {})
    action = request.POST.get("actie") if request.method == "POST" else None
    if action and not view["is_coordinator"]:
        return forbidden(request)
    if action == "contact":
        try:
            match_actions.record_contact(professional, actor, match_uuid)
        except RegistrationRefused as refusal:
            messages.error(request, refusal.message)
        else:
            messages.success(request, _("Vastgelegd dat er contact is gelegd met de betrokkenen."))
        return redirect("web:vir_match", match_uuid=match_uuid)
    if action == "afgestemd":
        coordinated_form = LeadChoiceForm(request.POST, candidates=candidates)
        if coordinated_form.is_valid():
            try:
                match_actions.record_coordinated(professional, actor, match_uuid,
                                                 choice=coordinated_form.choice())
            except Refused as refusal:
                add_refusal(coordinated_form, refusal)
            else:
                messages.success(request, _("Vastgelegd wie de regie voert voor het gezin."))
                return redirect("web:vir_match", match_uuid=match_uuid)
    elif request.method == "POST":
        return redirect("web:vir_match", match_uuid=match_uuid)
    return render(request, "web/vir_match.html", {
        **view, "coordinated_form": coordinated_form,
        "may_record_contact": view["is_coordinator"] and found.status == MatchStatus.NEW,
        "may_record_coordinated": view["is_coordinator"] and found.status in (
            MatchStatus.NEW, MatchStatus.CONTACT_MADE, MatchStatus.COORDINATED),
        "title": _("Match in de verwijsindex"),
    })


# --- The regievoerder -----------------------------------------------------------------------------

@require_http_methods(["GET", "POST"])
@role_required(Role.CHAIN_DIRECTOR)
def regie(request: HttpRequest) -> HttpResponse:
    """Escalated matches without contact, and objections: record one, decide one.

    Only the municipality's regievoerder: the role at an active organisation of type gemeente.
    The role alone (at a school, say) gives nothing.
    """
    professional = request.professional
    if not match_actions.is_regievoerder_of(professional, professional.organisation.municipality_id):
        return forbidden(request)
    actor = web_actor(request, professional)
    objection_form = ObjectionForm()
    action = request.POST.get("actie") if request.method == "POST" else None
    if action == "bezwaar":
        objection_form = ObjectionForm(request.POST)
        if objection_form.is_valid():
            try:
                objections.record_objection(professional, actor,
                                            objection_form.cleaned_data["registratie"],
                                            objection_form.cleaned_data["ontvangen_op"])
            except RegistrationRefused as refusal:
                add_refusal(objection_form, refusal)
            else:
                messages.success(request, _("Het bezwaar is vastgelegd."))
                return redirect("web:vir_regie")
    elif action == "besluit":
        upheld = request.POST.get("gegrond")
        try:
            objection_id = int(request.POST.get("bezwaar", ""))
        except ValueError:
            objection_id = None
        if objection_id is None or upheld not in ("ja", "nee"):
            messages.error(request, _("Kies of het bezwaar gegrond of ongegrond is."))
        else:
            try:
                objections.decide_objection(professional, actor, objection_id, upheld == "ja")
            except RegistrationRefused as refusal:
                messages.error(request, refusal.message)
            else:
                messages.success(request, _(
                    "Het bezwaar is gegrond verklaard; de registratie is verwijderd.")
                    if upheld == "ja" else _("Het bezwaar is ongegrond verklaard."))
        return redirect("web:vir_regie")
    elif request.method == "POST":
        return redirect("web:vir_regie")
    municipality = professional.organisation.municipality
    return render(request, "web/vir_regie.html", {
        "escalated": list(listings.escalated_matches(municipality)[:200]),
        "objections": list(listings.pending_objections(municipality)[:200]),
        "objection_form": objection_form,
        "title": _("Regie verwijsindex"),
    })

