"""A plan member who leaves: their actions and their place in the plan pass to their organisation.

When a professional's account is deactivated (``organisations.events.professional_deactivated``,
inside the deactivation's transaction) nothing in an open household plan stays in the name of
someone who left (the regie itself moves in ``leads.leavers``):

- **actions they hold** (holder a professional, not done yet) pass to their organisation (holder
  an organisation): any client professional of it may now carry them out, edit them and answer
  for them. Done actions keep who did them.
- **their plan membership** stays with the organisation, without a named professional (contact
  details that were their own are cleared): notices of its actions and a new regisseur then go to
  the organisation's teamleiders.
- **aanspreken they must answer** (on their actions, or on their organisation's actions while they
  were its named member) stays open with its date; it is now the organisation's to answer and the
  teamleider is told. Unanswered, it escalates as any other (``accountability.escalate_overdue``).
- **aanspreken they asked** stays open: the household's regisseur of now (their teamleider, after
  ``leads.leavers``) follows it up and hears the answer (``accountability.regisseur``).

Each plan touched gets one version (who: the one who deactivated, or the leaver when the system
did) and the organisation's teamleiders (without one: its other client professionals) are told.
The organisation takes the work only when someone there is still active to hold it: an
organisation with nobody else active refuses the deactivation (as cases and the regie do).
"""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from ketenzicht.access.audited import actor_for
from ketenzicht.audit.services import SYSTEM, Actor
from ketenzicht.notify.services import Message, notify
from ketenzicht.organisations.models import CLIENT_ROLES, Professional
from ketenzicht.refusals import RefusalKind

from . import household_plan
from .accountability import accountability_link
from .cases import refuse, team_leads
from .meetings import meeting_link
from .models import Accountability, ActionHolder, HouseholdPlan, PlanAction, PlanMember, PlanStatus


def _open_plan_ids(leaving: Professional) -> list[int]:
    held = PlanAction.objects.filter(holder_kind=ActionHolder.PROFESSIONAL, professional=leaving,
                                     done_on__isnull=True).values_list("plan_id", flat=True)
    named = PlanMember.objects.filter(professional=leaving, ended_at__isnull=True).values_list(
        "plan_id", flat=True)
    return list(HouseholdPlan.objects.filter(pk__in=set(held) | set(named))
                .exclude(status=PlanStatus.CLOSED).order_by("pk").values_list("pk", flat=True))


def _told(leaving: Professional) -> list[Professional]:
    """Who in the organisation hears of it: its teamleiders, else its client professionals."""
    others = [p for p in team_leads(leaving.organisation_id) if p.pk != leaving.pk]
    return others or list(Professional.objects.filter(
        organisation_id=leaving.organisation_id, role__in=CLIENT_ROLES, user__is_active=True,
    ).exclude(pk=leaving.pk).select_related("user"))


@transaction.atomic
def pass_plan_work_of_leaving(leaving: Professional, actor: Actor, by: Professional | None = None,
                              now: datetime | None = None) -> int:
    """A professional's account is being deactivated: their open actions and plan memberships pass
    to their organisation. Returns how many actions passed."""
    now = now or timezone.now()
    told = None
    passed = 0
    for plan_id in _open_plan_ids(leaving):
        plan = household_plan._lock(HouseholdPlan(pk=plan_id))
        if plan.status == PlanStatus.CLOSED:
            continue
        told = _told(leaving) if told is None else told
        if not told:
            refuse("geen-collega-voor-acties", f"{leaving.display_name} kan niet worden gedeactiveerd: "
                   f"niemand anders bij {leaving.organisation.name} kan de open acties in een "
                   "gezinsplan overnemen. Voeg eerst een collega of teamleider toe.",
                   kind=RefusalKind.CONFLICT)
        passed += _pass_in_plan(plan, leaving, by or leaving, actor, now, told)
    return passed


def _pass_in_plan(plan: HouseholdPlan, leaving: Professional, changer: Professional, actor: Actor,
                  now: datetime, told: list[Professional]) -> int:
    organisation = leaving.organisation
    actions = list(PlanAction.objects.select_for_update(of=("self",))
                   .filter(plan=plan, holder_kind=ActionHolder.PROFESSIONAL, professional=leaving,
                           done_on__isnull=True).select_related("meeting").order_by("due_on", "id"))
    PlanAction.objects.filter(pk__in=[a.pk for a in actions]).update(
        holder_kind=ActionHolder.ORGANISATION, organisation=organisation, professional=None)
    members = list(PlanMember.objects.select_for_update(of=("self",))
                   .filter(plan=plan, professional=leaving, ended_at__isnull=True))
    own_contact = {leaving.phone, leaving.user.email} - {""}
    for member in members:
        PlanMember.objects.filter(pk=member.pk).update(
            professional=None, phone="" if member.phone in own_contact else member.phone,
            email="" if member.email in own_contact else member.email)
    # Calls to account they had to answer: on their actions, or their organisation's while named.
    calls = Accountability.objects.filter(action__plan=plan, answered_at__isnull=True)
    calls = calls.filter(action_id__in=[a.pk for a in actions]) if not members else calls.filter(
        action__holder_kind=ActionHolder.ORGANISATION, action__organisation=organisation)
    calls = list(calls.order_by("due_on", "id"))

    parts = []
    if actions:
        lies = "ligt 1 actie" if len(actions) == 1 else f"liggen {len(actions)} acties"
        parts.append(("1 actie ligt" if len(actions) == 1 else f"{len(actions)} acties liggen")
                     + f" nu bij {organisation.name}")
    if members:
        parts.append(f"{organisation.name} blijft deelnemer, zonder genoemde professional")
    household_plan._changed(plan, changer, actor,
                            f"{leaving.display_name} is niet meer actief: {' en '.join(parts)}.", now,
                            "werk van een vertrokken professional naar de organisatie")
    if actions:
        is_member = household_plan.membership(plan, organisation.pk) is not None
        meeting = next((a.meeting for a in actions if a.meeting_id), None)
        link = household_plan.plan_link(plan) if is_member or meeting is None else meeting_link(meeting)
        notify(told, Message(
            kind="gezinsplan-actie", title="Acties van een vertrokken collega liggen nu bij uw organisatie",
            body=(f"{leaving.display_name} is niet meer actief. In een gezinsplan {lies} van "
                  f"{leaving.display_name} nu bij {organisation.name}: pak ze op of laat een collega ze "
                  "uitvoeren."),
            link=link, subject_key=f"{plan.uuid}:vertrokken:{leaving.uuid}",
        ))
    for item in calls:
        notify(told, Message(
            kind="aanspreken", title="Aanspreken op een actie van een vertrokken collega",
            body=(f"De regisseur van een gezin sprak {leaving.display_name} aan op een actie; "
                  f"{leaving.display_name} is niet meer actief. Zorg dat er uiterlijk {item.due_on:%d-%m-%Y} "
                  "antwoord is."),
            link=accountability_link(item), subject_key=f"{item.uuid}:vertrokken",
        ))
    return len(actions)


def plan_work_of_deactivated(sender, *, professional: Professional, by: Professional | None = None,
                             now: datetime | None = None, **kwargs) -> None:
    """``organisations.events.professional_deactivated``: their plan work passes to their
    organisation."""
    pass_plan_work_of_leaving(professional, actor_for(by) if by is not None else SYSTEM, by, now)


__all__ = ["pass_plan_work_of_leaving", "plan_work_of_deactivated"]
