"""Changing the household's regisseur by warm handover: propose (from the household page) and
answer (accept or decline, by the proposed professional or their teamleider).

Thin adapters over ``leads.services``. The change page is for client professionals of the
current regisseur's organisation (its teamleider included); others who may see the household get
403, those who may not a 404 (their attempt is audited by ``open_household``). Both pages name
the household.
"""

from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ketenzicht.access.audited import open_household
from ketenzicht.leads import services as leads
from ketenzicht.leads.models import AgreedVia
from ketenzicht.refusals import Refused

from ..forms import add_refusal
from ..guards import professional_required, web_actor
from ..responses import forbidden, not_found
from .context import household_lead_view
from .forms import DeclineForm, LeadChangeForm


@require_http_methods(["GET", "POST"])
@professional_required
def lead_change(request: HttpRequest, household_uuid: UUID) -> HttpResponse:
    professional = request.professional
    actor = web_actor(request, professional)
    household = leads.household_for_change(professional, actor, household_uuid)
    if household is None:
        # Not the regisseur's organisation: the household page's own rule and audit decide
        # between 404 (no basis) and 403 (sees the household, may not change its regisseur).
        visible = open_household(professional, actor, household_uuid) is not None
        return forbidden(request) if visible else not_found(request)
    form = LeadChangeForm(request.POST or None, candidates=leads.candidates(household, professional))
    if request.method == "POST" and form.is_valid():
        try:
            handover = leads.propose_change(
                professional, actor, household, form.choice(), leads.Source(AgreedVia.HANDOVER),
                reason=form.cleaned_data.get("reden", ""))
        except Refused as refusal:
            add_refusal(form, refusal)
        else:
            messages.success(request, _("De regie is overgedragen.") if handover.accepted_at else _(
                "De wissel is voorgesteld. Tot %(name)s aanneemt, blijft de huidige regisseur "
                "verantwoordelijk.") % {"name": handover.professional.display_name})
            return redirect("web:household", household_uuid=household.uuid)
    return render(request, "web/lead_change.html", {
        "household": household, "form": form,
        "household_lead": household_lead_view(professional, household, involved=True),
        "title": _("Regisseur wisselen voor huishouden %(name)s") % {"name": household.name},
    })


@require_http_methods(["GET", "POST"])
@professional_required
def lead_handover(request: HttpRequest, handover_uuid: UUID) -> HttpResponse:
    professional = request.professional
    actor = web_actor(request, professional)
    handover = leads.open_handover(professional, actor, handover_uuid)
    if handover is None:
        return not_found(request)
    may_answer = handover.is_pending and leads.may_answer(professional, handover)
    decline_form = DeclineForm()
    action = request.POST.get("actie") if request.method == "POST" else None
    if action and not may_answer:
        return forbidden(request)
    try:
        if action == "aannemen":
            leads.accept_change(professional, actor, handover)
            messages.success(request, _("U heeft de regie aangenomen."))
            return redirect("web:lead_handover", handover_uuid=handover.uuid)
        if action == "afwijzen":
            decline_form = DeclineForm(request.POST)
            if decline_form.is_valid():
                leads.decline_change(professional, actor, handover,
                                     reason=decline_form.cleaned_data["reden"])
                messages.success(request, _("U heeft de wissel afgewezen; de huidige regisseur blijft."))
                return redirect("web:lead_handover", handover_uuid=handover.uuid)
    except Refused as refusal:
        if action == "afwijzen":
            add_refusal(decline_form, refusal)
        else:
            messages.error(request, refusal.message)
    return render(request, "web/lead_handover.html", {
        "handover": handover, "household": handover.household, "may_answer": may_answer,
        "decline_form": decline_form,
        "title": _("Wissel van regisseur voor huishouden %(name)s") % {"name": handover.household.name},
    })
