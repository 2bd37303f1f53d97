"""The worklist, finding a person by BSN, and the person and household pages.

Client data is only ever opened through ``access.audited``, which checks need-to-know and writes
the audit event. Without a basis the answer is the same 404 page a missing object gets.
"""

from contextlib import suppress
from uuid import UUID

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ketenzicht.access.audited import open_household, open_person, search_by_bsn
from ketenzicht.access.resident_search import SearchPurpose, find_resident, may_find_residents
from ketenzicht.access.services import basis_for, visible_person, visible_persons
from ketenzicht.organisations.models import Professional
from ketenzicht.people.models import Household, Person
from ketenzicht.people.services import current_household, relations_of, reveal_bsn
from ketenzicht.plans.access import is_plan_member_of, own_open_case
from ketenzicht.refusals import Refused
from ketenzicht.signals.clients import end_client, is_client, may_register_clients, register_client
from ketenzicht.verwijsindex.history import history_of, may_see_history

from ..forms import BsnSearchForm, ResidentSearchForm, add_refusal
from ..guards import professional_required, web_actor
from ..household_members import member_rows
from ..register import refresh_household
from ..responses import forbidden, not_found
from ..signals.views import person_buttons
from ..verwijsindex.views import may_register
from ..worklist import worklist_for


@professional_required
def worklist(request: HttpRequest) -> HttpResponse:
    return render(request, "web/worklist.html", {
        "items": worklist_for(request.professional),
        "title": _("Mijn werklijst"),
    })


@require_http_methods(["GET", "POST"])
@professional_required
def search(request: HttpRequest) -> HttpResponse:
    """A POST form, so a BSN never appears in a URL, a log line or the browser history."""
    form = BsnSearchForm(request.POST or None)
    not_found_message = ""
    if request.method == "POST" and form.is_valid():
        actor = web_actor(request, request.professional)
        result = search_by_bsn(request.professional, actor, form.cleaned_data["bsn"])
        if result.person is not None:
            return redirect("web:person", person_uuid=result.person.uuid)
        not_found_message = _("Geen persoon gevonden waarvoor u een grondslag heeft.")
    return _search_page(request, form=form, not_found_message=not_found_message)


def _search_page(request: HttpRequest, **context) -> HttpResponse:
    professional = request.professional
    may_find = may_find_residents(professional)
    context.setdefault("form", BsnSearchForm())
    if may_find:
        context.setdefault("resident_form", ResidentSearchForm())
    return render(request, "web/search.html", {
        **context, "may_find_residents": may_find,
        "may_register_clients": may_register_clients(professional),
        "title": _("Persoon zoeken"),
    })


@require_POST
@professional_required
def resident_search(request: HttpRequest) -> HttpResponse:
    """A district team finds a resident without a basis, only to record an application or a
    signal: the purpose and reason are audited, and the answer is the name and date of birth
    with the next step (``access.resident_search``). Rendered, never redirected: the BSN goes on
    in the next form's POST body."""
    professional = request.professional
    if not may_find_residents(professional):
        with suppress(Refused):  # the service audits the refused attempt
            find_resident(professional, web_actor(request, professional), "", "", "")
        return forbidden(request)
    form = ResidentSearchForm(request.POST)
    if not form.is_valid():
        return _search_page(request, resident_form=form)
    data = form.cleaned_data
    try:
        resident = find_resident(professional, web_actor(request, professional), data["bsn"],
                                 data["doel"], data["reden"])
    except Refused as refusal:
        add_refusal(form, refusal)
        return _search_page(request, resident_form=form)
    if resident is None:
        return _search_page(request, resident_form=form, resident_not_found=_(
            "Geen inwoner van uw gebiedsregio gevonden met dit BSN."))
    return render(request, "web/resident_found.html", {
        "resident": resident, "next_url": _next_step_url(resident.purpose),
        "title": _("Inwoner gevonden"),
    })


def _next_step_url(purpose: str) -> str:
    """Where the found resident's BSN goes on (posted): the signal form or the application page."""
    return reverse("web:signal_new" if purpose == SearchPurpose.SIGNAL else "web:application_new")


@require_http_methods(["GET", "POST"])
@professional_required
def client_register(request: HttpRequest) -> HttpResponse:
    """Adult care makes a person its client (the basis the kindcheck needs), by BSN."""
    professional = request.professional
    if not may_register_clients(professional):
        return forbidden(request)
    form = BsnSearchForm(request.POST or None, auto_id="client_%s")
    if request.method == "POST" and form.is_valid():
        savepoint = transaction.savepoint()
        try:
            registration = register_client(professional, web_actor(request, professional),
                                           form.cleaned_data["bsn"])
        except Refused as refusal:
            transaction.savepoint_commit(savepoint)  # keep the audit event of the refusal
            form.add_error("bsn" if refusal.field == "bsn" else None, refusal.message)
        else:
            names = {"name": registration.person.full_name,
                     "organisation": professional.organisation.name}
            messages.success(request, (
                _("%(name)s is ingeschreven als cliënt van %(organisation)s.")
                if registration.created else
                _("%(name)s was al cliënt van %(organisation)s.")) % names)
            return redirect("web:person", person_uuid=registration.person.uuid)
    return render(request, "web/client_register.html", {
        "form": form, "title": _("Cliënt inschrijven"),
    })


@require_POST
@professional_required
def client_end(request: HttpRequest, person_uuid: UUID) -> HttpResponse:
    """End the client relation: the organisation's basis ends, and with it its view."""
    professional = request.professional
    if not may_register_clients(professional):
        return forbidden(request)
    try:
        person = end_client(professional, web_actor(request, professional), person_uuid)
    except Refused:
        return not_found(request)  # the refusal was audited; the answer is a missing person's
    messages.success(request, _("De cliëntrelatie met %(name)s is beëindigd.") % {
        "name": person.full_name})
    return redirect("web:search")


@professional_required
def person(request: HttpRequest, person_uuid: UUID) -> HttpResponse:
    professional = request.professional
    found = open_person(professional, web_actor(request, professional), person_uuid)
    if found is None:
        return not_found(request)
    return render(request, "web/person.html", _person_context(professional, found))


@transaction.non_atomic_requests  # the register is asked outside any transaction (register.py)
@require_POST
@professional_required
def person_household_refresh(request: HttpRequest, person_uuid: UUID) -> HttpResponse:
    """The button "Huishouden bijwerken uit de BRP": back to the person page with a message."""
    professional = request.professional
    outcome = refresh_household(professional, web_actor(request, professional), person_uuid)
    if outcome is None:
        return not_found(request)
    (messages.success if outcome.succeeded else messages.error)(request, outcome.message)
    return redirect("web:person", person_uuid=person_uuid)


@require_POST
@professional_required
def person_vir_history(request: HttpRequest, person_uuid: UUID) -> HttpResponse:
    """The button "Historie verwijsindex bekijken": a POST, so every look-up is a deliberate act.

    ``history_of`` writes the audit event, a refused look-up too; it is asked first so a forged
    request is in the trail as well. The page is rendered, not redirected to, so the history is
    never at a URL that can be opened again without a new look-up.
    """
    professional = request.professional
    history = history_of(professional, web_actor(request, professional), person_uuid)
    found = visible_person(professional, person_uuid)
    if found is None:
        return not_found(request)
    if not may_see_history(professional, found):
        return forbidden(request)
    return render(request, "web/vir_history.html", {
        "person": found, "history": history,
        "title": _("Historie verwijsindex van %(name)s") % {"name": found.full_name},
    })


def _person_context(professional: Professional, person: Person) -> dict:
    relations = list(relations_of(person))
    # Only relatives the professional may see themselves are named: a relation must not leak
    # the existence of someone outside their basis.
    visible = set(visible_persons(professional).filter(
        pk__in=[relation.relative_id for relation in relations]).values_list("pk", flat=True))
    age = person.age_on(timezone.localdate())
    return {
        "person": person,
        "age": age,
        "bsn": reveal_bsn(person),
        "basis": basis_for(professional, person),
        "household": current_household(person),
        "relations": [relation for relation in relations if relation.relative_id in visible],
        "may_register": may_register(professional),
        "may_see_history": may_see_history(professional, person),
        **person_buttons(professional, person),
        "is_client": may_register_clients(professional)
        and is_client(professional.organisation, person),
        "title": person.full_name,
    }


@professional_required
def household(request: HttpRequest, household_uuid: UUID) -> HttpResponse:
    professional = request.professional
    found = open_household(professional, web_actor(request, professional), household_uuid)
    if found is None:
        return not_found(request)
    return render(request, "web/household.html", _household_context(found, professional))


def _household_context(household: Household, professional: Professional) -> dict:
    return {"household": household, "members": member_rows(household, timezone.localdate()),
            "title": _("Huishouden %(name)s") % {"name": household.name},
            # The ways on from here, one query each: the own team's open case, and the plan for a
            # plan member (also one without a case of its own).
            "own_case": own_open_case(professional, household),
            "plan_member": is_plan_member_of(professional, household)}
