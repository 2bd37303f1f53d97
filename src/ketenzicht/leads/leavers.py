"""A regisseur who leaves: the regie goes to their teamleider, never to nobody (domain.md §4).

When a professional's account is deactivated (``organisations.events.professional_deactivated``,
inside the deactivation's transaction, before the account is saved) nothing of the regie stays in
the name of someone who left:

- **the regie they carry** — as regisseur, or as the parents' named back-up — goes to the
  longest-serving other active teamleider of their organisation (as ``plans`` does with cases):
  the lead row ends (``end_reason`` says why) and a new one starts with the same kind, family
  preference and agreements, ``agreed_via`` ``account-gedeactiveerd`` with the leaver as its
  source. The teamleider is told, and every involved professional hears of the new regisseur as
  on any other. ``hooks.lead_started`` runs as on an accepted change.
- **a change proposed TO them** that still waits is declined, the reason on the record; the
  proposer and the current regisseur hear of it.
- **a change proposed BY them** stays: it now hangs on the new lead, so the proposed professional
  can still accept (the teamleider carries the regie until then). One that proposes the
  teamleider for the same kind of regie is declined: the regie is theirs already.
- **refused** (nothing changes, the account stays active) when they carry the regie of a household
  and their organisation has no other active teamleider: a household never keeps a regisseur who
  left, and the regie is never handed to a colleague who did not take it on (warm handover).

Race with a proposal or appointment of the leaver at the same moment: both lock the named
professional's account row (``services._check_choice``), as this does first, so one waits for
the other and either sees the account inactive (refused) or its handover or lead (moved here).
"""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from ketenzicht.access.audited import actor_for
from ketenzicht.audit.models import EventType
from ketenzicht.audit.services import SYSTEM, Actor
from ketenzicht.notify.services import Message, notify
from ketenzicht.organisations.accounts import lock_leaver_and_team_leads
from ketenzicht.organisations.models import Professional, Role
from ketenzicht.refusals import RefusalKind

from . import hooks, services
from .models import AgreedVia, HouseholdLead, LeadHandover
from .services import LeadChoice, Source, refuse

#: Why a change to someone who left is not taken over (kept on the change, as a declined one's is).
LEFT_REASON = ("Het account van {name} is gedeactiveerd: de wissel van regisseur kan niet meer worden "
               "aangenomen.")




def successor(leaving: Professional) -> Professional | None:
    """Who takes the regie of one who leaves: the longest-serving other active teamleider of
    their organisation."""
    return (Professional.objects.select_related("user", "organisation")
            .filter(organisation_id=leaving.organisation_id, role=Role.TEAM_LEAD, user__is_active=True)
            .exclude(pk=leaving.pk).order_by("id").first())


@transaction.atomic
def hand_over_regie_of_leaving(leaving: Professional, actor: Actor, by: Professional | None = None,
                               now: datetime | None = None) -> int:
    """A professional's account is being deactivated: no household keeps them as regisseur.

    Returns how many households' regie went to the teamleider; refused (``Refused``, conflict,
    code ``geen-teamleider-voor-regie``) while they carry a regie and their organisation has no
    other active teamleider."""
    now = now or timezone.now()
    lock_leaver_and_team_leads(leaving)
    # Changes to them first: one accepted at this moment has made them regisseur (moved below).
    _decline_changes_to(leaving, actor, now)
    carried = list(HouseholdLead.objects.select_for_update(of=("self",))
                   .filter(professional=leaving, ended_at__isnull=True)
                   .select_related("household", "organisation").order_by("started_at", "id"))
    if not carried:
        return 0
    taker = successor(leaving)
    if taker is None:
        count = len(carried)
        refuse("geen-teamleider-voor-regie", (
            f"{leaving.display_name} kan niet worden gedeactiveerd: {leaving.display_name} is regisseur "
            f"(of achtervang) van {count} {'huishouden' if count == 1 else 'huishoudens'}, en "
            f"{leaving.organisation.name} heeft geen andere actieve teamleider die de regie overneemt. "
            "Wijs eerst een teamleider aan, of draag de regie warm over aan een collega."),
            kind=RefusalKind.CONFLICT)
    for lead in carried:
        _hand_to(lead, leaving, taker, by, actor, now)
    return len(carried)


def _hand_to(lead: HouseholdLead, leaving: Professional, taker: Professional, by: Professional | None,
             actor: Actor, now: datetime) -> HouseholdLead:
    household = lead.household
    lead.ended_at = now
    lead.end_reason = (f"{leaving.display_name} is niet meer actief (account gedeactiveerd); de regie is "
                       f"naar teamleider {taker.display_name} ({taker.organisation.name}).")[:300]
    lead.save(update_fields=["ended_at", "end_reason"])
    new = services._create_lead(household, LeadChoice(
        professional=taker, parents_keep_regie=lead.parents_keep_regie,
        family_preference=lead.family_preference, agreements=lead.agreements,
    ), Source(AgreedVia.DEACTIVATED, leaving.uuid), by, now)
    for waiting in (LeadHandover.objects.select_for_update(of=("self",))
                    .filter(household=household, accepted_at__isnull=True, declined_at__isnull=True)):
        if waiting.professional_id == taker.pk and waiting.kind == new.kind:
            LeadHandover.objects.filter(pk=waiting.pk).update(
                declined_at=now, decline_reason=f"{leaving.display_name} is niet meer actief: de regie is al "
                f"bij {taker.display_name}, aan wie de wissel was gevraagd.")
        else:
            # The warm handover goes on: the teamleider carries the regie until it is accepted.
            LeadHandover.objects.filter(pk=waiting.pk).update(lead=new)
    services._record(actor, EventType.UPDATE, household, str(new.uuid),
                     "regie naar de teamleider (account van de regisseur gedeactiveerd)",
                     {"vorige": str(leaving.uuid), "organisatie": new.organisation.slug, "soort": new.kind})
    hooks.lead_started(new, by or taker, actor, now)
    _tell(new, leaving, taker)
    return new


def _tell(lead: HouseholdLead, leaving: Professional, taker: Professional) -> None:
    link = services.household_link(lead.household)
    notify([taker], Message(
        kind="regisseur-nieuw", title="U bent nu regisseur van een huishouden",
        body=(f"{leaving.display_name} is niet meer actief. U voert nu de regie"
              + (" als achtervang; de ouders voeren zelf regie volgens de vastgelegde afspraken"
                 if lead.parents_keep_regie else "")
              + ". Draag haar zo nodig warm over aan een collega."),
        link=link, subject_key=f"{lead.uuid}:nieuw",
    ))
    others = [p for p in services.involved_professionals(lead.household)
              if p.pk not in (taker.pk, leaving.pk)]
    notify(others, Message(
        kind="regisseur-nieuw", title="Nieuwe regisseur voor een huishouden",
        body=f"{leaving.display_name} is niet meer actief. {services._contact_line(lead)}",
        link=link, subject_key=f"{lead.uuid}:nieuw",
    ))


def _decline_changes_to(leaving: Professional, actor: Actor, now: datetime) -> None:
    waiting = list(LeadHandover.objects.select_for_update(of=("self",))
                   .filter(professional=leaving, accepted_at__isnull=True, declined_at__isnull=True)
                   .select_related("household", "organisation", "lead__professional", "proposed_by"))
    for handover in waiting:
        LeadHandover.objects.filter(pk=handover.pk).update(
            declined_at=now, decline_reason=LEFT_REASON.format(name=leaving.display_name))
        services._record(actor, EventType.UPDATE, handover.household, str(handover.uuid),
                         "wissel van regisseur afgewezen (account gedeactiveerd)",
                         {"organisatie": handover.organisation.slug})
        recipients = {p.pk: p for p in (handover.proposed_by, handover.lead.professional)
                      if p.pk != leaving.pk}
        notify(recipients.values(), Message(
            kind="regisseur-afgewezen", title="Wissel van regisseur afgewezen",
            body=(f"{leaving.display_name} is niet meer actief en kan de regie niet overnemen; de reden "
                  "staat bij de wissel. Stel zo nodig een andere regisseur voor."),
            link=services.handover_link(handover), subject_key=f"{handover.uuid}:afgewezen",
        ))


def regie_of_deactivated(sender, *, professional: Professional, by: Professional | None = None,
                         now: datetime | None = None, **kwargs) -> None:
    """``organisations.events.professional_deactivated``: the regie they carry goes to their
    teamleider (or the deactivation is refused)."""
    hand_over_regie_of_leaving(professional, actor_for(by) if by is not None else SYSTEM, by, now)
