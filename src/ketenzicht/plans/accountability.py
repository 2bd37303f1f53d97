"""Doorzettingsmacht: the regisseur calls a plan member to account on an action (aanspreken).

- **aanspreken** (``call_to_account``): only the household's regisseur (``leads``), on an open
  action of the plan that a professional or an organisation holds; the holder is told, with the
  date by which to answer. One open call per action (a database constraint).
- **answer**: the holder (the action's professional, a client professional of the holding
  organisation, or its teamleider) answers; the regisseur hears of it.
- **see**: the household's regisseur of now follows the call up (after a change of regisseur the
  former one, who asked, no longer sees it), with the holder and — once escalated — the
  teamleider and the regievoerder.
- **escalation** (``escalate_overdue``, the job in ``jobs.py``): when the date passes unanswered
  the call goes to the member's teamleider (stage TEAM_LEAD, a second term of the municipality's
  ``CaseSettings.accountability_working_days`` working days, default 5), and when that term passes
  too, to the municipality's regievoerder (stage CHAIN_DIRECTOR). Rows are claimed with
  ``SKIP LOCKED`` and each stage is told once. An organisation without a teamleider goes to the
  regievoerder at once. A municipality without an active regievoerder: the call stays where it is
  (with the teamleider) and the teamleider and the regisseur are told once that no regievoerder
  is configured (``no_director_told_at``); the job looks at it again once there is one.

Notices never name the family (titles are e-mailed); the link leads to the call's page, which
checks who may see it and is audited.
"""

from datetime import date, datetime
from uuid import UUID

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone

from ketenzicht.audit.models import EventType, Outcome
from ketenzicht.audit.services import SYSTEM, Actor, Subject, record_many
from ketenzicht.leads import services as leads
from ketenzicht.notify.services import Message, notify
from ketenzicht.organisations.calendar import add_working_days
from ketenzicht.organisations.models import CLIENT_ROLES, Professional, Role
from ketenzicht.people.services import current_members
from ketenzicht.refusals import RefusalKind
from ketenzicht.verwijsindex.match_actions import regievoerders

from .cases import refuse, team_leads
from .household_plan import holder_label, is_member, membership
from .models import Accountability, AccountabilityStage, ActionHolder, CaseSettings, PlanAction, PlanStatus

OBJECT = "aanspreken"
BATCH = 200


def second_term_working_days(municipality_id: int) -> int:
    """The teamleider's term: the municipality's ``CaseSettings.accountability_working_days``."""
    found = (CaseSettings.objects.filter(municipality_id=municipality_id)
             .values_list("accountability_working_days", flat=True).first())
    return found or CaseSettings._meta.get_field("accountability_working_days").default


def accountability_link(item: Accountability) -> str:
    return f"/aanspreken/{item.uuid}/"


def open_call(professional: Professional, actor: Actor, call_uuid: UUID | str,
              event_type: str) -> Accountability | None:
    """The call to account for a page: the regisseur, the holder and (once escalated to them) the
    teamleider and the regievoerder; every attempt audited per household member, and None — the
    404 of a missing call — for an unknown call and for everyone else."""
    item = (Accountability.objects.select_related(
        "action__plan__household__district", "action__professional__user",
        "action__professional__organisation", "action__organisation", "asked_by__user",
        "asked_by__organisation", "answered_by__user")
        .filter(uuid=call_uuid).first())
    if item is None:
        record_many(actor, event_type, [Subject(object_type=OBJECT, object_id=str(call_uuid))],
                    outcome=Outcome.DENIED, purpose="geen grondslag")
        return None
    if not may_see(professional, item):
        record_many(actor, event_type, call_subjects(item), outcome=Outcome.DENIED, purpose="geen grondslag")
        return None
    return item


def call_subjects(item: Accountability, detail: dict | None = None) -> list[Subject]:
    """One audit subject per current member of the household: each member's access report
    shows the call."""
    household = item.action.plan.household
    return [Subject(client_pseudonym=str(m.person.uuid), object_type=OBJECT, object_id=str(item.uuid),
                    detail=detail or {}) for m in current_members(household)] or [
        Subject(object_type=OBJECT, object_id=str(item.uuid), detail=detail or {})]


def _holder_people(action: PlanAction) -> list[Professional]:
    """Who answers for the action: its professional, or the organisation's plan member
    professional (else its teamleiders, else its client professionals)."""
    if action.holder_kind == ActionHolder.PROFESSIONAL:
        return [action.professional]
    member = membership(action.plan, action.organisation_id)
    if member is not None and member.professional_id:
        return [member.professional]
    return team_leads(action.organisation_id) or list(Professional.objects.filter(
        organisation_id=action.organisation_id, role__in=CLIENT_ROLES, user__is_active=True))


def holder_organisation_id(action: PlanAction) -> int | None:
    if action.holder_kind == ActionHolder.PROFESSIONAL:
        return action.professional.organisation_id
    return action.organisation_id


def may_answer(professional: Professional, item: Accountability) -> bool:
    action = item.action
    if not professional.works_with_clients:
        return False
    if action.holder_kind == ActionHolder.PROFESSIONAL and professional.pk == action.professional_id:
        return True
    org_id = holder_organisation_id(action)
    if professional.organisation_id != org_id:
        return False
    return action.holder_kind == ActionHolder.ORGANISATION or professional.role == Role.TEAM_LEAD


def regisseur(item: Accountability) -> Professional | None:
    """The household's regisseur now: the one who follows the call up (after a change of
    regisseur no longer the one who asked)."""
    lead = leads.current_lead(item.action.plan.household)
    return lead.professional if lead is not None else None


def may_see(professional: Professional, item: Accountability) -> bool:
    """The household's regisseur (now: a former regisseur who asked no longer), the holder, plan
    members of the holding organisation, and — once it reached them — the teamleider and the
    municipality's regievoerder."""
    if not professional.works_with_clients:
        return False
    plan = item.action.plan
    current = regisseur(item)
    if (current is not None and professional.pk == current.pk) or may_answer(professional, item):
        return True
    if professional.organisation_id == holder_organisation_id(item.action) and is_member(professional, plan):
        return True
    if item.stage == AccountabilityStage.CHAIN_DIRECTOR:
        return regievoerders(_municipality_id(item)).filter(pk=professional.pk).exists()
    return False


def _municipality_id(item: Accountability) -> int:
    household = item.action.plan.household
    if household.district_id:
        return household.district.municipality_id
    return item.asked_by.organisation.municipality_id


@transaction.atomic
def call_to_account(professional: Professional, actor: Actor, action: PlanAction, *, question: str,
                    due_on: date | None, now: datetime | None = None) -> Accountability:
    """The regisseur calls the holder of an action to account, with a date to answer by."""
    now = now or timezone.now()
    action = (PlanAction.objects.select_for_update(of=("self",))
              .select_related("plan__household", "professional__user", "organisation").get(pk=action.pk))
    plan = action.plan
    lead = leads.current_lead(plan.household)
    if lead is None or lead.professional_id != professional.pk:
        refuse("geen-regisseur", "Alleen de regisseur van het gezin kan een deelnemer aanspreken.",
               kind=RefusalKind.FORBIDDEN)
    if plan.status == PlanStatus.CLOSED:
        refuse("plan-gesloten", "Dit gezinsplan is gesloten.", kind=RefusalKind.CONFLICT)
    if action.holder_kind not in (ActionHolder.PROFESSIONAL, ActionHolder.ORGANISATION):
        refuse("geen-deelnemer", "Alleen een professional of organisatie in het plan kan worden "
               "aangesproken; bespreek een actie van het gezin of het netwerk met hen.", "action")
    if action.done_on is not None:
        refuse("actie-gedaan", "Deze actie is al gedaan.", "action", RefusalKind.CONFLICT)
    problems = []
    if not question.strip():
        problems.append("Beschrijf wat u van de deelnemer vraagt.")
    if due_on is None or due_on <= timezone.localdate(now):
        problems.append("Kies een datum in de toekomst waarop het antwoord er uiterlijk is.")
    if problems:
        refuse("aanspreken-onvolledig", " ".join(problems), "question" if not question.strip() else "due_on")
    try:
        with transaction.atomic():
            item = Accountability.objects.create(action=action, asked_by=professional, asked_at=now,
                                                 question=question.strip(), due_on=due_on)
    except IntegrityError:
        refuse("al-aangesproken", "Op deze actie loopt al een aanspreken dat nog niet is beantwoord.",
               kind=RefusalKind.CONFLICT)
    record_many(actor, EventType.CREATE, call_subjects(item, {"actie": str(action.uuid)}),
                purpose="doorzettingsmacht: aangesproken")
    notify(_holder_people(action), Message(
        kind="aanspreken", title="De regisseur spreekt u aan op een actie",
        body=f"De regisseur van een gezin vraagt u uiterlijk {due_on:%d-%m-%Y} te antwoorden over een actie "
             "in het gezinsplan.",
        link=accountability_link(item), subject_key=f"{item.uuid}:{AccountabilityStage.MEMBER}",
    ))
    return item


@transaction.atomic
def answer(professional: Professional, actor: Actor, item: Accountability, text: str,
           now: datetime | None = None) -> Accountability:
    now = now or timezone.now()
    item = (Accountability.objects.select_for_update(of=("self",))
            .select_related("action__plan__household", "action__professional", "asked_by__user")
            .get(pk=item.pk))
    if item.answered_at is not None:
        refuse("al-beantwoord", "Dit aanspreken is al beantwoord.", kind=RefusalKind.CONFLICT)
    if not may_answer(professional, item):
        refuse("niet-aangesproken", "Alleen wie de actie uitvoert (of diens teamleider) antwoordt.",
               kind=RefusalKind.FORBIDDEN)
    if not text.strip():
        refuse("antwoord-ontbreekt", "Schrijf uw antwoord aan de regisseur.", "answer")
    Accountability.objects.filter(pk=item.pk).update(answered_at=now, answered_by=professional,
                                                      answer=text.strip())
    item.refresh_from_db()
    record_many(actor, EventType.UPDATE, call_subjects(item), purpose="doorzettingsmacht: beantwoord")
    notify([regisseur(item) or item.asked_by], Message(
        kind="aanspreken", title="Antwoord op uw aanspreken", body="Een deelnemer aan een gezinsplan heeft "
        "geantwoord.", link=accountability_link(item), subject_key=f"{item.uuid}:beantwoord"))
    return item


def open_for(professional: Professional) -> QuerySet[Accountability]:
    """Open calls the professional must answer (their own actions, their organisation's, or as
    teamleider once escalated), for the worklist; by due date."""
    mine = Q(action__holder_kind=ActionHolder.PROFESSIONAL, action__professional=professional) | Q(
        action__holder_kind=ActionHolder.ORGANISATION, action__organisation_id=professional.organisation_id)
    if professional.role == Role.TEAM_LEAD:
        mine |= Q(stage__in=(AccountabilityStage.TEAM_LEAD, AccountabilityStage.CHAIN_DIRECTOR),
                  action__professional__organisation_id=professional.organisation_id)
    return (Accountability.objects.filter(mine, answered_at__isnull=True)
            .select_related("action__plan__household").order_by("due_on", "id"))


def escalated_to_director(professional: Professional) -> QuerySet[Accountability]:
    """Calls escalated to the municipality's regievoerder (for their worklist)."""
    if professional.role != Role.CHAIN_DIRECTOR:
        return Accountability.objects.none()
    municipality_id = professional.organisation.municipality_id
    return (Accountability.objects.filter(
        Q(action__plan__household__district__municipality_id=municipality_id)
        | Q(action__plan__household__district__isnull=True,
            asked_by__organisation__municipality_id=municipality_id),
        stage=AccountabilityStage.CHAIN_DIRECTOR, answered_at__isnull=True)
        .select_related("action__plan__household").order_by("escalated_at", "id"))


NO_DIRECTOR_TITLE = "Aanspreken kan niet verder: er is geen regievoerder ingesteld"


@transaction.atomic
def escalate_overdue(now: datetime | None = None, batch: int = BATCH) -> int:
    """Unanswered calls past their date move one stage up and are told there, once each. Without
    a regievoerder the call stays and is told once; it is looked at again once there is one."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    director_now = Exists(regievoerders(OuterRef("municipality")))
    due = list(
        Accountability.objects.filter(answered_at__isnull=True, due_on__lt=today,
                                      stage__in=(AccountabilityStage.MEMBER, AccountabilityStage.TEAM_LEAD))
        .annotate(municipality=Coalesce("action__plan__household__district__municipality_id",
                                        "asked_by__organisation__municipality_id"))
        .filter(Q(no_director_told_at__isnull=True) | director_now)
        .select_for_update(of=("self",), skip_locked=True)
        .select_related("action__plan__household__district", "action__professional__user",
                        "action__organisation", "asked_by__organisation")
        .order_by("due_on", "id")[:batch]
    )
    for item in due:
        org_id = holder_organisation_id(item.action)
        leaders = team_leads(org_id) if item.stage == AccountabilityStage.MEMBER else []
        directors = [] if leaders else list(regievoerders(item.municipality))
        if leaders:
            stage, recipients = AccountabilityStage.TEAM_LEAD, leaders
            new_due = add_working_days(today, second_term_working_days(item.municipality))
            title = "Aanspreken op een actie van uw team is niet beantwoord"
            body = (f"De regisseur van een gezin sprak {holder_label(item.action)} aan; het antwoord had er "
                    f"uiterlijk {item.due_on:%d-%m-%Y} moeten zijn. Zorg dat er uiterlijk "
                    f"{new_due:%d-%m-%Y} antwoord is.")
        elif directors:
            stage, recipients, new_due = AccountabilityStage.CHAIN_DIRECTOR, directors, item.due_on
            title = "Doorzettingsmacht: aanspreken niet beantwoord"
            body = (f"Een regisseur sprak {holder_label(item.action)} aan op een actie in een gezinsplan; "
                    f"er is geen antwoord gekomen, ook niet via de teamleider.")
        else:
            _no_director(item, now)
            continue
        Accountability.objects.filter(pk=item.pk).update(stage=stage, escalated_at=now, due_on=new_due)
        item.stage = stage
        notify(recipients, Message(kind="aanspreken", title=title, body=body,
                                   link=accountability_link(item), subject_key=f"{item.uuid}:{stage}"))
        notify([regisseur(item) or item.asked_by], Message(
            kind="aanspreken", title="Uw aanspreken is opgeschaald",
            body=f"Er kwam geen antwoord; het ligt nu {AccountabilityStage(stage).label.lower()}.",
            link=accountability_link(item), subject_key=f"{item.uuid}:{stage}:regisseur"))
        record_many(SYSTEM, EventType.UPDATE, call_subjects(item, {"stap": stage}),
                    purpose="doorzettingsmacht: opgeschaald")
    return len(due)


def _no_director(item: Accountability, now: datetime) -> None:
    """No regievoerder to escalate to: the call stays at its stage (with the teamleider, or the
    member when the organisation has none); the teamleider and the regisseur are told once."""
    Accountability.objects.filter(pk=item.pk).update(no_director_told_at=now)
    leaders = team_leads(holder_organisation_id(item.action))
    recipients = {p.pk: p for p in [*leaders, regisseur(item) or item.asked_by]}
    where = "bij de teamleider" if item.stage == AccountabilityStage.TEAM_LEAD else "bij de aangesprokene"
    notify(recipients.values(), Message(
        kind="aanspreken", title=NO_DIRECTOR_TITLE,
        body=f"Een aanspreken op een actie in een gezinsplan is niet beantwoord (uiterlijk "
             f"{item.due_on:%d-%m-%Y}). Opschalen naar de regievoerder kan niet: de gemeente heeft geen "
             f"actieve regievoerder. Het aanspreken blijft {where}; de functioneel beheerder stelt een "
             "regievoerder in.",
        link=accountability_link(item), subject_key=f"{item.uuid}:geen-regievoerder"))
    record_many(SYSTEM, EventType.UPDATE, call_subjects(item, {"stap": item.stage, "regievoerder": "geen"}),
                purpose="doorzettingsmacht: geen regievoerder")
