"""The household plan (1Gezin1Plan): one plan per household, its parts, its members and versions.

- **one plan**: ``create_plan`` opens the household's plan (a OneToOne on the household, so two
  writers at once meet on the constraint and both get the one plan). Only a client professional
  of an organisation with its own basis on a member of the household opens it (``has_own_basis``:
  a verwijsindex registration alone does not count); their organisation becomes a member.
  When the problems return, opening a closed plan (or an MDO's actions) reopens it as a draft
  (``_reopen``): the former memberships end and the opener's organisation takes part again.
- **members only**: a ``PlanMember`` (organisation, optionally its professional) is the
  organisation's basis to read the plan: an ``access`` basis of kind PLAN on every current member
  of the household while the plan is open (ended with the membership, or when the plan closes).
- **joining shares the household**: an organisation with its own basis on a member joins as it
  is; any other only with a recorded basis for sharing (``Sharing``: the consent of whoever gives
  it by the age bands, ``plans.meetings.consent_needed``/``missing_consent``, or the safety reason
  without consent, domain.md §5), asked on the add-member form. Actions agreed in an MDO give no
  membership (the holder sees its action through the meeting record); the regisseur's
  organisation joins when it is appointed or accepts the change (``regisseur_started``), never on
  a mere proposal.
- **roles**: a member ends its own membership or the regisseur ends it (so too its contact
  details, ``may_update_contact``); an action is edited by its
  holder (the professional, or the organisation) or the regisseur; the regisseur closes the plan
  (the regisseur's teamleider when the regisseur is gone).
  The plan's content is read through ``open_plan`` only: audited per member of the household,
  and the same None (a 404) for a missing household, a household without a plan and an
  organisation that is involved with the family but no member of its plan.
- **parts**: the family's question and view, strengths and network, concerns per leefgebied,
  goals (per member or for the household, with how progress is seen), actions (who, what, by
  when, done or not, whether it is help and when it started), safety agreements, the members'
  contact details and the review interval (default ``CaseSettings.review_months``).
- **versions**: every change writes a ``PlanVersion`` (who, when, a Dutch summary and the plan as
  it then read) and bumps ``version``. Holders of actions hear of changes to their OWN actions
  (notice titles never name the family: they are e-mailed).
- **agreement**: the parents (and the youth, by the age bands of ``people.ages``) agree on a
  date; that needs a regisseur (``leads``: chosen on the plan page, ``choose_regisseur``). The
  plan is then AGREED, every open case of the household waits for the review
  (``cases.plan_agreed``) and every signaller of a signal about a member hears "Er is een plan
  en een regisseur" (``signals.feedback.tell_plan_and_regisseur``, never the plan's content).
- **review**: a review moves the next review date on by the interval.
- **closing**: only with a reason that the problems are solved or manageable and an explanation,
  and never while an action that is help has not started. The household's open cases that wait
  only for the plan's review close with it (``cases.plan_closed``).

Every step validates, writes, audits and notifies in one transaction and refuses with
``Refused`` (Dutch message, code, field); checks of a whole form refuse with ``PlanRefused``,
which carries every problem at once (``problems``).
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from uuid import UUID

from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone

from ketenzicht.access.models import AccessBasis, BasisKind
from ketenzicht.access.services import PERSON_ONLY_KINDS, end_basis, grant_basis, may_see_clients
from ketenzicht.audit.models import EventType, Outcome
from ketenzicht.audit.services import Actor, Subject, record, record_many
from ketenzicht.leads import services as leads
from ketenzicht.leads.models import AgreedVia, HouseholdLead
from ketenzicht.notify.services import Message, notify
from ketenzicht.organisations.models import CLIENT_ROLES, Organisation, Professional, Role
from ketenzicht.people.ages import ADULT_AGE, AgeBand, age_band, age_on
from ketenzicht.people.models import Household, HouseholdMembership, MemberRole, Person
from ketenzicht.people.services import current_members
from ketenzicht.refusals import RefusalKind, Refused
from ketenzicht.signals.feedback import tell_plan_and_regisseur

from . import cases
from . import meetings as meeting_rules  # module import: meetings imports this module too
from .cases import refuse
from .models import (
    ActionHolder,
    CaseSettings,
    HouseholdPlan,
    LifeArea,
    Meeting,
    PlanAction,
    PlanCloseReason,
    PlanConcern,
    PlanGoal,
    PlanMember,
    PlanStatus,
    PlanVersion,
    SharingBasis,
)

PLAN_OBJECT = "gezinsplan"
#: The parts of the plan that are the family's own words, with their Dutch names.
TEXT_PARTS = {
    "family_question": "de vraag van het gezin",
    "family_view": "de visie van het gezin",
    "strengths": "de krachten",
    "network": "het netwerk",
    "safety_agreements": "de veiligheidsafspraken",
}
MAX_TEXT = 4000


@dataclass
class PlanRefused(Refused):
    """A refusal of a whole form: every problem at once, as (field, Dutch message)."""

    problems: tuple[tuple[str, str], ...] = ()


def _refuse_all(code: str, problems: list[tuple[str, str]]) -> None:
    if problems:
        raise PlanRefused(RefusalKind.INVALID, code, " ".join(message for _f, message in problems),
                          problems[0][0], problems=tuple(problems))


# --- Reading ------------------------------------------------------------------------------------


def plan_link(plan: HouseholdPlan) -> str:
    return f"/huishoudens/{plan.household.uuid}/plan/"


def plan_of(household: Household) -> HouseholdPlan | None:
    return HouseholdPlan.objects.filter(household=household).first()


def membership(plan: HouseholdPlan, organisation_id: int) -> PlanMember | None:
    return plan.members.filter(organisation_id=organisation_id, ended_at__isnull=True).first()


def is_member(professional: Professional, plan: HouseholdPlan) -> bool:
    """A client professional of an active organisation that is a member of the plan."""
    return may_see_clients(professional) and plan.members.filter(
        organisation_id=professional.organisation_id, ended_at__isnull=True).exists()


def _member_uuids(household: Household) -> list[str]:
    return [str(m.person.uuid) for m in current_members(household)]


def _subjects(plan: HouseholdPlan, detail: dict | None = None) -> list[Subject]:
    return [Subject(client_pseudonym=uuid, object_type=PLAN_OBJECT, object_id=str(plan.uuid),
                    detail=detail or {}) for uuid in _member_uuids(plan.household) or [""]]


def open_plan(professional: Professional, actor: Actor, household_uuid: UUID | str,
              event_type: str = EventType.READ) -> HouseholdPlan | None:
    """The household's plan for a member of it; None for everyone else and for no plan at all.

    One audit event per member of the household: ``success`` for a plan member, ``denied`` for
    anyone else (an involved organisation that is no member included) and for a missing plan.
    """
    try:
        household = Household.objects.filter(uuid=household_uuid).first()
    except (ValidationError, ValueError):
        household = None
    plan = (HouseholdPlan.objects.select_related("household", "created_by__user")
            .filter(household=household).first()) if household else None
    allowed = plan is not None and is_member(professional, plan)
    pseudonyms = _member_uuids(household) if household else []
    object_id = str(plan.uuid) if plan else str(household_uuid)
    for pseudonym in pseudonyms or [""]:
        subject = Subject(client_pseudonym=pseudonym, object_type=PLAN_OBJECT, object_id=object_id)
        if allowed:
            record(actor, event_type, subject, purpose="deelnemer aan het gezinsplan")
        else:
            record(actor, event_type, subject, outcome=Outcome.DENIED, purpose="geen deelnemer")
    return plan if allowed else None


def plan_for_case_page(household: Household, professional: Professional) -> dict:
    """What the case page shows of the plan (its status, next review, regisseur); the plan's
    content stays on the plan page for members."""
    plan = plan_of(household)
    lead = leads.current_lead(household)
    return {
        "plan": plan,
        "is_member": bool(plan and is_member(professional, plan)),
        "lead": leads.lead_contact(lead) if lead else None,
    }


# --- Versions, notices, members ---------------------------------------------------------------


def _snapshot(plan: HouseholdPlan) -> dict:
    """The plan as it reads now (for the version history)."""
    return {
        "status": plan.status,
        **{name: getattr(plan, name) for name in TEXT_PARTS},
        "review_months": plan.review_months,
        "next_review": plan.next_review.isoformat() if plan.next_review else None,
        "parents_agreed_on": plan.parents_agreed_on.isoformat() if plan.parents_agreed_on else None,
        "youth_agreed_on": plan.youth_agreed_on.isoformat() if plan.youth_agreed_on else None,
        "close_reason": plan.close_reason,
        "concerns": [{"area": c.area, "concern": c.concern} for c in plan.concerns.all()],
        "goals": [{"uuid": str(g.uuid), "member": str(g.member.uuid) if g.member else None,
                   "goal": g.goal, "progress_sign": g.progress_sign,
                   "achieved_on": g.achieved_on.isoformat() if g.achieved_on else None}
                  for g in plan.goals.select_related("member")],
        "actions": [{"uuid": str(a.uuid), "holder": holder_label(a), "what": a.what,
                     "due_on": a.due_on.isoformat(), "is_help": a.is_help,
                     "help_started_on": a.help_started_on.isoformat() if a.help_started_on else None,
                     "done_on": a.done_on.isoformat() if a.done_on else None}
                    for a in plan.actions.select_related("professional__user", "organisation")],
        "members": [{"organisation": m.organisation.slug,
                     "professional": m.professional.display_name if m.professional else None,
                     "role": m.role, "phone": m.phone, "email": m.email}
                    for m in plan.members.filter(ended_at__isnull=True)
                    .select_related("organisation", "professional__user")],
    }


def _changed(plan: HouseholdPlan, professional: Professional, actor: Actor, summary: str,
             now: datetime, purpose: str) -> HouseholdPlan:
    """Write the version of a change (the plan row is locked by the caller) and audit it."""
    HouseholdPlan.objects.filter(pk=plan.pk).update(version=F("version") + 1, updated_at=now)
    plan.refresh_from_db()
    PlanVersion.objects.create(plan=plan, number=plan.version, changed_at=now, changed_by=professional,
                               summary=summary, snapshot=_snapshot(plan))
    record_many(actor, EventType.UPDATE, _subjects(plan, {"versie": plan.version}),
                purpose=f"gezinsplan: {purpose}")
    return plan


def overdue_actions(professional: Professional, today: date) -> QuerySet[PlanAction]:
    """A member's own open actions past their date (the professional's own, or their
    organisation's) in plans that are not closed; help that has started is not late, even before
    it is done. One query, the earliest first."""
    return (PlanAction.objects.filter(
        Q(holder_kind=ActionHolder.PROFESSIONAL, professional=professional)
        | Q(holder_kind=ActionHolder.ORGANISATION, organisation_id=professional.organisation_id),
        done_on__isnull=True, due_on__lt=today, plan__members__organisation_id=professional.organisation_id,
        plan__members__ended_at__isnull=True)
        .exclude(plan__status=PlanStatus.CLOSED).exclude(is_help=True, help_started_on__isnull=False)
        .select_related("plan__household").order_by("due_on", "id"))


def holder_label(action: PlanAction) -> str:
    """Who does it, in words (no query when professional and organisation were selected)."""
    if action.holder_kind == ActionHolder.PROFESSIONAL and action.professional:
        return f"{action.professional.display_name} ({action.professional.organisation.name})"
    if action.holder_kind == ActionHolder.ORGANISATION and action.organisation:
        return action.organisation.name
    kind = ActionHolder(action.holder_kind).label
    return f"{action.holder_name} ({str(kind).lower()})"


def _holders(plan: HouseholdPlan, actions: Iterable[PlanAction]) -> dict[int, Professional]:
    """Who hears of a change to an action: its professional, or for an organisation the plan
    member's professional of it (else its teamleiders) — only holders whose organisation is a
    member (an MDO's holder that is no member hears through the meeting record)."""
    found: dict[int, Professional] = {}
    for action in actions:
        if action.holder_kind == ActionHolder.PROFESSIONAL and action.professional_id:
            if membership(plan, action.professional.organisation_id) is not None:
                found[action.professional_id] = action.professional
        elif action.holder_kind == ActionHolder.ORGANISATION and action.organisation_id:
            member = membership(plan, action.organisation_id)
            if member is None:
                continue
            people = ([member.professional] if member.professional_id
                      else cases.team_leads(action.organisation_id))
            found.update({p.pk: p for p in people})
    return found


def _tell_holders(plan: HouseholdPlan, actions: Sequence[PlanAction], changer: Professional,
                  title: str, body: str) -> None:
    recipients = [p for pk, p in _holders(plan, actions).items() if pk != changer.pk]
    notify(recipients, Message(kind="gezinsplan-actie", title=title, body=body, link=plan_link(plan),
                               subject_key=f"{plan.uuid}:v{plan.version}"))


def _lock(plan: HouseholdPlan) -> HouseholdPlan:
    return HouseholdPlan.objects.select_for_update().select_related("household").get(pk=plan.pk)


def _check_member(professional: Professional, plan: HouseholdPlan) -> None:
    if not is_member(professional, plan):
        refuse("geen-deelnemer", "Alleen deelnemers aan het gezinsplan kunnen het plan wijzigen.",
               kind=RefusalKind.FORBIDDEN)


def _expect_open(plan: HouseholdPlan) -> None:
    if plan.status == PlanStatus.CLOSED:
        refuse("plan-gesloten", "Dit gezinsplan is gesloten.", kind=RefusalKind.CONFLICT)


def _editable(professional: Professional, plan: HouseholdPlan) -> HouseholdPlan:
    plan = _lock(plan)
    _check_member(professional, plan)
    _expect_open(plan)
    return plan


def _grant(plan: HouseholdPlan, organisation: Organisation, actor: Actor) -> None:
    for member in current_members(plan.household):
        grant_basis(organisation, member.person, BasisKind.PLAN, str(plan.uuid), actor=actor)


def _end_grant(plan: HouseholdPlan, organisation: Organisation, actor: Actor) -> None:
    for person in Person.objects.filter(access_bases__organisation=organisation,
                                        access_bases__kind=BasisKind.PLAN,
                                        access_bases__reference=str(plan.uuid),
                                        access_bases__ended_at__isnull=True).distinct():
        end_basis(organisation, person, BasisKind.PLAN, str(plan.uuid), actor=actor)


def has_own_basis(household: Household, organisation: Organisation,
                  plan: HouseholdPlan | None = None) -> bool:
    """The organisation already has its own basis on a current member of the household (a signal
    route, a case, a client relation, …): it may join the plan as it is. A verwijsindex
    registration alone does not count (it opens the person only, never the household), nor the
    plan's own basis."""
    if not organisation.is_active:
        return False
    bases = AccessBasis.objects.filter(
        organisation=organisation, ended_at__isnull=True,
        person_id__in=HouseholdMembership.objects.filter(household=household, until__isnull=True)
        .values("person_id"),
    ).exclude(kind__in=PERSON_ONLY_KINDS)
    if plan is not None:
        bases = bases.exclude(kind=BasisKind.PLAN, reference=str(plan.uuid))
    return bases.exists()


@dataclass(frozen=True)
class Sharing:
    """The basis for sharing the household with an organisation that is not yet involved:
    ``basis`` consent (with the members who gave it) or safety (with the reason)."""

    basis: str = ""
    consent_given_by: tuple[Person, ...] = ()
    safety_reason: str = ""


def _sharing_problems(plan: HouseholdPlan, organisation: Organisation, sharing: Sharing | None,
                      today: date) -> list[tuple[str, str]]:
    """What is missing to share the household with the organisation (empty: it may join)."""
    if has_own_basis(plan.household, organisation, plan):
        return []
    sharing = sharing or Sharing()
    if sharing.basis == SharingBasis.CONSENT:
        given = {person.pk for person in sharing.consent_given_by}
        members = {m.person_id for m in current_members(plan.household)}
        if given - members:
            return [("consent_given_by", "Alleen leden van het huishouden geven toestemming.")]
        missing = meeting_rules.missing_consent(plan.household, given, today)
        if missing:
            return [("consent_given_by", f"Het plan delen met {organisation.name} vraagt nog "
                     f"{'; '.join(missing)}. Of deel zonder toestemming, alleen vanwege de veiligheid, "
                     "met de reden.")]
        return []
    if sharing.basis == SharingBasis.SAFETY:
        if not sharing.safety_reason.strip():
            return [("safety_reason", "Leg vast waarom de veiligheid vraagt om het plan met "
                     f"{organisation.name} te delen zonder toestemming.")]
        return []
    return [("sharing_basis", f"{organisation.name} is nog niet zelf bij het gezin betrokken: deelnemen "
             "aan het plan deelt het hele huishouden. Kies met toestemming, of zonder toestemming "
             "vanwege de veiligheid.")]


def _not_joined(organisation: Organisation) -> str:
    return (f"{organisation.name} neemt niet deel aan het plan en is niet zelf bij het gezin betrokken: "
            "voeg de organisatie eerst toe als deelnemer, met de grondslag om te delen.")


def _audit_sharing(actor: Actor, plan: HouseholdPlan, organisation: Organisation, sharing: Sharing,
                   today: date) -> None:
    """Sharing the household with the organisation, its basis, for each member of the household."""
    subjects = []
    for need in meeting_rules.consent_needed(plan.household, today):
        detail = {"organisatie": organisation.slug, "grondslag": sharing.basis}
        if sharing.basis == SharingBasis.CONSENT:
            detail["toestemming van"] = need.consent_of
        subjects.append(Subject(client_pseudonym=str(need.person.uuid), object_type=PLAN_OBJECT,
                                object_id=str(plan.uuid), detail=detail))
    record_many(actor, EventType.UPDATE, subjects, purpose="gezinsplan: gedeeld met een nieuwe deelnemer")


def _ensure_member(plan: HouseholdPlan, organisation: Organisation, professional: Professional | None,
                   actor: Actor, now: datetime, sharing: Sharing | None = None) -> tuple[PlanMember, bool]:
    """The organisation takes part (if it does not yet): as it is with its own basis on the
    household, otherwise only with a complete basis for sharing (callers check it first, every
    problem at once; this refuses as the last line)."""
    existing = membership(plan, organisation.pk)
    if existing is not None:
        if professional is not None and existing.professional_id is None:
            PlanMember.objects.filter(pk=existing.pk).update(professional=professional)
            existing.professional = professional
        return existing, False
    today = timezone.localdate(now)
    own = has_own_basis(plan.household, organisation, plan)
    if not own and _sharing_problems(plan, organisation, sharing, today):
        refuse("geen-grondslag", _not_joined(organisation), "organisation", RefusalKind.FORBIDDEN)
    member = PlanMember.objects.create(
        plan=plan, organisation=organisation, professional=professional, added_at=now,
        sharing_basis="" if own else sharing.basis,
        safety_reason=(sharing.safety_reason.strip()
                       if not own and sharing.basis == SharingBasis.SAFETY else ""),
    )
    if not own:
        if sharing.basis == SharingBasis.CONSENT:
            member.consent_given_by.set(sharing.consent_given_by)
        _audit_sharing(actor, plan, organisation, sharing, today)
    _grant(plan, organisation, actor)
    return member, True


# --- Roles inside the plan ----------------------------------------------------------------------


#: ``lead`` not given: it is read (pages that ask for many rows pass the one they read).
UNREAD = object()


def is_regisseur(professional: Professional, plan: HouseholdPlan, lead=UNREAD) -> bool:
    lead = leads.current_lead(plan.household) if lead is UNREAD else lead
    return lead is not None and lead.professional_id == professional.pk


def may_end_membership(professional: Professional, member: PlanMember, lead=UNREAD) -> bool:
    """The organisation itself, or the regisseur, ends a membership."""
    return (professional.organisation_id == member.organisation_id
            or is_regisseur(professional, member.plan, lead))


def may_update_contact(professional: Professional, member: PlanMember, lead=UNREAD) -> bool:
    """A member's contact details are changed by that organisation itself, or by the regisseur."""
    return may_end_membership(professional, member, lead)


def may_edit_action(professional: Professional, action: PlanAction, lead=UNREAD) -> bool:
    """The action's holder (its professional, or a professional of its organisation) or the regisseur."""
    if action.holder_kind == ActionHolder.PROFESSIONAL and action.professional_id == professional.pk:
        return True
    if (action.holder_kind == ActionHolder.ORGANISATION
            and action.organisation_id == professional.organisation_id):
        return True
    return is_regisseur(professional, action.plan, lead)


def may_close(professional: Professional, plan: HouseholdPlan) -> bool:
    """The regisseur closes the plan; when the regisseur is gone (no longer an active client
    professional), a teamleider of the regisseur's organisation."""
    lead = leads.current_lead(plan.household)
    if lead is None:
        return False
    if lead.professional_id == professional.pk:
        return True
    regisseur = lead.professional
    gone = not (regisseur.user.is_active and regisseur.role in CLIENT_ROLES)
    return (gone and professional.role == Role.TEAM_LEAD and professional.user.is_active
            and professional.organisation_id == lead.organisation_id)


def _review_months(household: Household, professional: Professional) -> int:
    municipality_id = (household.district.municipality_id if household.district_id
                       else professional.organisation.municipality_id)
    found = CaseSettings.objects.filter(municipality_id=municipality_id).first()
    return found.review_months if found else CaseSettings._meta.get_field("review_months").default


# --- Creating ---------------------------------------------------------------------------------


@transaction.atomic
def create_plan(professional: Professional, actor: Actor, household: Household,
                now: datetime | None = None) -> HouseholdPlan:
    """The household's one plan: opened as a draft, or the existing one for one of its members.

    Two professionals opening it at once meet on the OneToOne constraint: the second gets the
    plan the first made (and their organisation becomes a member too: both are involved)."""
    now = now or timezone.now()
    if not may_see_clients(professional) or not has_own_basis(household, professional.organisation):
        refuse("niet-betrokken", "Alleen een organisatie die bij het gezin betrokken is kan een "
               "gezinsplan openen.", kind=RefusalKind.FORBIDDEN)
    plan = HouseholdPlan.objects.select_for_update().filter(household=household).first()
    if plan is None:
        try:
            with transaction.atomic():
                plan = HouseholdPlan.objects.create(
                    household=household, created_at=now, created_by=professional, updated_at=now,
                    review_months=_review_months(household, professional),
                )
        except IntegrityError:
            # Another professional opened it a moment ago (their transaction held the unique
            # index until it committed): this is the one plan.
            plan = HouseholdPlan.objects.select_for_update().get(household=household)
        else:
            _ensure_member(plan, professional.organisation, professional, actor, now)
            PlanVersion.objects.create(plan=plan, number=1, changed_at=now, changed_by=professional,
                                       summary="Gezinsplan geopend (concept).", snapshot=_snapshot(plan))
            record_many(actor, EventType.CREATE, _subjects(plan), purpose="gezinsplan geopend")
            return plan
    if plan.status == PlanStatus.CLOSED:
        return _reopen(plan, professional, actor, now)
    if membership(plan, professional.organisation_id) is None:
        # Existing is no secret to the involved (they see the regisseur); its content is: a
        # member adds another organisation (``add_member``).
        raise Refused(RefusalKind.CONFLICT, "plan-bestaat",
                      "Dit huishouden heeft al een gezinsplan. Een deelnemer aan het plan kan uw "
                      "organisatie toevoegen.", existing_uuid=str(plan.uuid))
    return plan


def _reopen(plan: HouseholdPlan, professional: Professional, actor: Actor, now: datetime) -> HouseholdPlan:
    """The problems returned: the household's closed plan (locked) becomes a draft again, its
    closing and agreement cleared. The former memberships end (their sharing was for the closed
    plan); the opener's organisation takes part on its own basis, and the regisseur's when it has
    its own basis too; any other is added by a member as the membership rules say. The regisseur
    and the former members' professionals hear of it."""
    former = list(plan.members.filter(ended_at__isnull=True).select_related("professional"))
    PlanMember.objects.filter(pk__in=[m.pk for m in former]).update(ended_at=now)
    for member in former:  # the bases ended when the plan closed; none may outlive the membership
        _end_grant(plan, member.organisation, actor)
    HouseholdPlan.objects.filter(pk=plan.pk).update(
        status=PlanStatus.DRAFT, closed_at=None, close_reason="", close_explanation="", next_review=None,
        parents_agreed_on=None, youth_agreed_on=None)
    plan.refresh_from_db()
    _ensure_member(plan, professional.organisation, professional, actor, now)
    joined = [professional.organisation.name]
    lead = leads.current_lead(plan.household)
    if lead is not None and membership(plan, lead.organisation_id) is None \
            and has_own_basis(plan.household, lead.organisation, plan):
        _ensure_member(plan, lead.organisation, lead.professional, actor, now)
        joined.append(f"{lead.organisation.name} (de organisatie van de regisseur)")
    plan = _changed(plan, professional, actor,
                    f"Heropend als concept door {professional.display_name} "
                    f"({professional.organisation.name}): de problemen zijn terug. "
                    f"Deelnemer: {_and(joined)}.", now, "heropend")
    recipients = {m.professional.pk: m.professional for m in former if m.professional_id}
    if lead is not None:
        recipients[lead.professional_id] = lead.professional
    recipients.pop(professional.pk, None)
    notify(recipients.values(), Message(
        kind="gezinsplan-heropend", title="Een gesloten gezinsplan is heropend",
        body="Een gezinsplan waaraan u deelnam is heropend als concept. Een deelnemer voegt uw organisatie "
             "zo nodig opnieuw toe; de regisseur wordt met het gezin gekozen op het plan.",
        link=plan_link(plan), subject_key=f"{plan.uuid}:heropend:v{plan.version}"))
    return plan


# --- Members ----------------------------------------------------------------------------------


def _check_contact(phone: str, email: str) -> list[tuple[str, str]]:
    problems = []
    if len(phone) > 30:
        problems.append(("phone", "Het telefoonnummer is te lang (hoogstens 30 tekens)."))
    if email:
        try:
            validate_email(email)
        except ValidationError:
            problems.append(("email", "Vul een geldig e-mailadres in."))
    return problems


@transaction.atomic
def add_member(professional: Professional, actor: Actor, plan: HouseholdPlan, organisation: Organisation,
               member_professional: Professional | None = None, *, role: str = "", phone: str = "",
               email: str = "", sharing: Sharing | None = None, now: datetime | None = None) -> PlanMember:
    """Add an organisation (and its professional) to the plan: from now it may read it, and the
    whole household is shared with it. One not yet involved with the family on its own basis
    needs ``sharing``: consent by the age bands, or the safety reason without consent."""
    now = now or timezone.now()
    plan = _editable(professional, plan)
    phone, email, role = phone.strip(), email.strip(), role.strip()
    problems = _check_contact(phone, email)
    if not organisation.is_active or not organisation.professionals.filter(role__in=CLIENT_ROLES).exists():
        problems.append(("organisation", "Kies een actieve organisatie die met cliënten werkt."))
    if member_professional is not None and member_professional.organisation_id != organisation.pk:
        problems.append(("professional", "Kies een professional van die organisatie."))
    elif member_professional is not None and not member_professional.works_with_clients:
        problems.append(("professional", "Kies een professional die met cliënten werkt."))
    if membership(plan, organisation.pk) is not None:
        problems.append(("organisation", f"{organisation.name} neemt al deel aan het plan."))
    elif organisation.is_active:
        problems += _sharing_problems(plan, organisation, sharing, timezone.localdate(now))
    _refuse_all("deelnemer-ongeldig", problems)
    member, _created = _ensure_member(plan, organisation, member_professional, actor, now, sharing)
    PlanMember.objects.filter(pk=member.pk).update(role=role[:200], phone=phone, email=email)
    who = f"{member_professional.display_name} ({organisation.name})" if member_professional \
        else organisation.name
    _changed(plan, professional, actor, f"Deelnemer toegevoegd: {who}.", now, "deelnemer toegevoegd")
    if member_professional is not None and member_professional.pk != professional.pk:
        notify([member_professional], Message(
            kind="gezinsplan-deelnemer", title="U neemt deel aan een gezinsplan",
            body="U bent toegevoegd aan een gezinsplan en kunt het nu lezen.", link=plan_link(plan),
            subject_key=f"{member.pk}:toegevoegd",
        ))
    member.refresh_from_db()
    return member


@transaction.atomic
def update_member_contact(professional: Professional, actor: Actor, member: PlanMember, *, role: str,
                          phone: str, email: str, now: datetime | None = None) -> PlanMember:
    """The member's role in the plan, phone and e-mail: changed by itself or the regisseur."""
    now = now or timezone.now()
    plan = _editable(professional, member.plan)
    member.plan = plan
    if not may_update_contact(professional, member):
        refuse("niet-toegestaan", f"Alleen de regisseur of {member.organisation.name} zelf wijzigt de "
               "contactgegevens.", kind=RefusalKind.FORBIDDEN)
    phone, email, role = phone.strip(), email.strip(), role.strip()
    _refuse_all("contact-ongeldig", _check_contact(phone, email))
    PlanMember.objects.filter(pk=member.pk).update(role=role[:200], phone=phone, email=email)
    _changed(plan, professional, actor, f"Contactgegevens van {member.organisation.name} gewijzigd.", now,
             "contactgegevens")
    member.refresh_from_db()
    return member


@transaction.atomic
def end_member(professional: Professional, actor: Actor, member: PlanMember,
               now: datetime | None = None) -> PlanMember:
    """An organisation leaves the plan: its basis to read it ends. The regisseur's organisation
    stays while it carries the regie, and an organisation leaves no open action behind."""
    now = now or timezone.now()
    plan = _editable(professional, member.plan)
    member = PlanMember.objects.select_for_update().select_related("organisation", "plan").get(pk=member.pk)
    if not may_end_membership(professional, member):
        refuse("niet-toegestaan", f"Alleen de regisseur of {member.organisation.name} zelf beëindigt de "
               "deelname aan het plan.", kind=RefusalKind.FORBIDDEN)
    if member.ended_at is not None:
        refuse("al-beeindigd", "Deze organisatie neemt al niet meer deel.", kind=RefusalKind.CONFLICT)
    lead = leads.current_lead(plan.household)
    if lead is not None and lead.organisation_id == member.organisation_id:
        refuse("regisseur-blijft", f"{member.organisation.name} is de organisatie van de regisseur en "
               "blijft deelnemer zolang zij de regie voert.", kind=RefusalKind.CONFLICT)
    open_actions = plan.actions.filter(done_on__isnull=True).filter(
        Q(organisation_id=member.organisation_id) | Q(professional__organisation_id=member.organisation_id))
    first = open_actions.first()
    if first is not None:
        refuse("open-actie", f"{member.organisation.name} heeft nog een open actie: “{first.what[:80]}”. "
               "Rond die af of draag haar over.", kind=RefusalKind.CONFLICT)
    PlanMember.objects.filter(pk=member.pk).update(ended_at=now)
    _end_grant(plan, member.organisation, actor)
    _changed(plan, professional, actor, f"{member.organisation.name} neemt niet meer deel aan het plan.",
             now, "deelnemer beëindigd")
    member.refresh_from_db()
    return member


# --- The family's parts -----------------------------------------------------------------------


@transaction.atomic
def update_texts(professional: Professional, actor: Actor, plan: HouseholdPlan, changes: dict[str, str],
                 now: datetime | None = None) -> HouseholdPlan:
    """Change the family's question and view, strengths, network or safety agreements."""
    now = now or timezone.now()
    plan = _editable(professional, plan)
    problems = [(name, f"Dit deel van het plan bestaat niet: {name}.") for name in changes
                if name not in TEXT_PARTS]
    problems += [(name, f"Houd {TEXT_PARTS[name]} korter dan {MAX_TEXT} tekens.")
                 for name, value in changes.items() if name in TEXT_PARTS and len(value) > MAX_TEXT]
    _refuse_all("plan-ongeldig", problems)
    changed = {name: value.strip() for name, value in changes.items() if value.strip() != getattr(plan, name)}
    if not changed:
        return plan
    HouseholdPlan.objects.filter(pk=plan.pk).update(**changed)
    names = [TEXT_PARTS[name] for name in TEXT_PARTS if name in changed]
    return _changed(plan, professional, actor, f"Gewijzigd: {_and(names)}.", now, "tekst gewijzigd")


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " en " + words[-1]


@transaction.atomic
def set_review_interval(professional: Professional, actor: Actor, plan: HouseholdPlan, months: int,
                        now: datetime | None = None) -> HouseholdPlan:
    now = now or timezone.now()
    plan = _editable(professional, plan)
    if not 1 <= months <= 12:
        refuse("evaluatie-ongeldig", "Evalueer het plan minstens eens per jaar: kies 1 tot 12 maanden.",
               "review_months")
    if months == plan.review_months:
        return plan
    HouseholdPlan.objects.filter(pk=plan.pk).update(review_months=months)
    return _changed(plan, professional, actor, f"Evaluatie voortaan elke {months} maanden.", now,
                    "evaluatietermijn")


@transaction.atomic
def add_concern(professional: Professional, actor: Actor, plan: HouseholdPlan, area: str, concern: str,
                now: datetime | None = None) -> PlanConcern:
    now = now or timezone.now()
    plan = _editable(professional, plan)
    problems = []
    if area not in LifeArea.values:
        problems.append(("area", "Kies het leefgebied van de zorg."))
    if not concern.strip():
        problems.append(("concern", "Beschrijf de zorg."))
    _refuse_all("zorg-ongeldig", problems)
    item = PlanConcern.objects.create(plan=plan, area=area, concern=concern.strip())
    _changed(plan, professional, actor, f"Zorg toegevoegd bij {LifeArea(area).label.lower()}.", now,
             "zorg toegevoegd")
    return item


@transaction.atomic
def remove_concern(professional: Professional, actor: Actor, concern: PlanConcern,
                   now: datetime | None = None) -> HouseholdPlan:
    now = now or timezone.now()
    plan = _editable(professional, concern.plan)
    area = LifeArea(concern.area).label.lower()
    PlanConcern.objects.filter(pk=concern.pk, plan=plan).delete()
    return _changed(plan, professional, actor, f"Zorg bij {area} verwijderd.", now, "zorg verwijderd")


def _check_goal(plan: HouseholdPlan, member: Person | None, goal: str, progress_sign: str,
                achieved_on: date | None = None, today: date | None = None) -> None:
    """Every problem of a goal at once: whose it is, its words, how progress is seen, and (when
    changed) the day it was achieved, never in the future."""
    problems = []
    if member is not None and member.pk not in {m.person_id for m in current_members(plan.household)}:
        problems.append(("member", "Kies een lid van het huishouden, of het hele huishouden."))
    if not goal.strip():
        problems.append(("goal", "Beschrijf het doel."))
    if not progress_sign.strip():
        problems.append(("progress_sign", "Beschrijf waaraan het gezin en u zien dat het beter gaat."))
    if achieved_on is not None and today is not None and achieved_on > today:
        problems.append(("achieved_on", "Een doel kan niet in de toekomst bereikt zijn."))
    _refuse_all("doel-ongeldig", problems)


@transaction.atomic
def add_goal(professional: Professional, actor: Actor, plan: HouseholdPlan, *, member: Person | None,
             goal: str, progress_sign: str, now: datetime | None = None) -> PlanGoal:
    """A goal for one member or (``member`` None) for the whole household, with how progress is seen."""
    now = now or timezone.now()
    plan = _editable(professional, plan)
    _check_goal(plan, member, goal, progress_sign)
    item = PlanGoal.objects.create(plan=plan, member=member, goal=goal.strip(),
                                   progress_sign=progress_sign.strip())
    whom = member.given_names.split(" ")[0] if member else "het huishouden"
    _changed(plan, professional, actor, f"Doel toegevoegd voor {whom}.", now, "doel toegevoegd")
    return item


@transaction.atomic
def update_goal(professional: Professional, actor: Actor, goal: PlanGoal, *, text: str, progress_sign: str,
                achieved_on: date | None, now: datetime | None = None) -> PlanGoal:
    now = now or timezone.now()
    plan = _editable(professional, goal.plan)
    _check_goal(plan, goal.member, text, progress_sign, achieved_on, timezone.localdate(now))
    PlanGoal.objects.filter(pk=goal.pk).update(goal=text.strip(), progress_sign=progress_sign.strip(),
                                               achieved_on=achieved_on)
    summary = "Doel bereikt." if achieved_on and not goal.achieved_on else "Doel gewijzigd."
    _changed(plan, professional, actor, summary, now, "doel gewijzigd")
    goal.refresh_from_db()
    return goal


# --- Actions ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ActionInput:
    """Who does what by when (the posted signature; see /work/notes/plans-contract.md)."""

    holder_kind: str
    what: str
    due_on: date
    professional: Professional | None = None
    organisation: Organisation | None = None
    holder_name: str = ""
    is_help: bool = False
    goal: PlanGoal | None = None


def _action_problems(plan: HouseholdPlan, number: int, item: ActionInput,
                     many: bool) -> list[tuple[str, str]]:
    prefix = f"Actie {number}: " if many else ""
    problems = []
    kind = item.holder_kind
    if kind not in ActionHolder.values:
        problems.append(("holder_kind", f"{prefix}kies wie de actie uitvoert."))
    elif kind == ActionHolder.PROFESSIONAL and (item.professional is None
                                                or not item.professional.works_with_clients
                                                or not item.professional.user.is_active):
        # An inactive account holds nothing (``plans.leavers`` hands a leaver's actions on).
        problems.append(("professional", f"{prefix}kies de professional die de actie uitvoert."))
    elif kind == ActionHolder.ORGANISATION and (item.organisation is None or not item.organisation.is_active):
        problems.append(("organisation", f"{prefix}kies de organisatie die de actie uitvoert."))
    elif kind in (ActionHolder.FAMILY, ActionHolder.NETWORK) and not item.holder_name.strip():
        problems.append(("holder_name", f"{prefix}noem het gezinslid of de persoon uit het netwerk."))
    if not item.what.strip():
        problems.append(("what", f"{prefix}beschrijf wat er gebeurt."))
    if item.due_on is None:
        problems.append(("due_on", f"{prefix}kies uiterlijk wanneer."))
    if item.goal is not None and item.goal.plan_id != plan.pk:
        problems.append(("goal", f"{prefix}kies een doel van dit plan."))
    return problems


def _joining_problems(plan: HouseholdPlan, number: int, item: ActionInput,
                      many: bool) -> list[tuple[str, str]]:
    """A holder's organisation that is no member joins only with its own basis on the household."""
    organisation = _holder_organisation(item)
    if organisation is None or membership(plan, organisation.pk) is not None \
            or has_own_basis(plan.household, organisation, plan):
        return []
    prefix = f"Actie {number}: " if many else ""
    field = "professional" if item.holder_kind == ActionHolder.PROFESSIONAL else "organisation"
    return [(field, prefix + _not_joined(organisation))]


def _holder_organisation(item: ActionInput | PlanAction) -> Organisation | None:
    if item.holder_kind == ActionHolder.PROFESSIONAL and item.professional is not None:
        return item.professional.organisation
    if item.holder_kind == ActionHolder.ORGANISATION:
        return item.organisation
    return None


@transaction.atomic
def add_actions(professional: Professional, actor: Actor, household: Household,
                actions: Sequence[ActionInput], *, meeting: Meeting | None = None,
                now: datetime | None = None) -> list[PlanAction]:
    """Put actions in the household's plan (an MDO's ones with ``meeting``), creating a draft
    plan when there is none. Without ``meeting`` a holder's organisation that is not yet a member
    joins when it has its own basis on the household (any other is first added as a member, with
    the basis for sharing: refused here). An MDO's actions give no membership: a holder that is no
    member sees its own action through the meeting record (``plans.meetings.record_of``); the
    organiser's organisation (the case's team) joins. Each holder that is a member hears of their
    own new action. One version for the lot."""
    now = now or timezone.now()
    if not actions:
        return []
    plan = plan_of(household)
    if plan is None:
        plan = create_plan(professional, actor, household, now)
    elif meeting is not None and (plan.status == PlanStatus.CLOSED
                                  or membership(plan, professional.organisation_id) is None):
        # The MDO's organiser brings the actions agreed there: its organisation takes part now,
        # and a closed plan is reopened (the problems returned).
        plan = _lock(plan)
        if not may_see_clients(professional) or meeting.household_id != household.pk:
            refuse("geen-deelnemer", "Alleen deelnemers aan het gezinsplan kunnen het plan wijzigen.",
                   kind=RefusalKind.FORBIDDEN)
        if plan.status == PlanStatus.CLOSED:
            plan = _reopen(plan, professional, actor, now)
        else:
            _ensure_member(plan, professional.organisation, professional, actor, now)
    plan = _editable(professional, plan)
    many = len(actions) > 1
    problems = [p for number, item in enumerate(actions, start=1)
                for p in _action_problems(plan, number, item, many)]
    if meeting is None:
        problems += [p for number, item in enumerate(actions, start=1)
                     for p in _joining_problems(plan, number, item, many)]
    _refuse_all("actie-ongeldig", problems)
    added_members = []
    for item in actions if meeting is None else ():
        organisation = _holder_organisation(item)
        if organisation is not None:
            _member, created = _ensure_member(
                plan, organisation,
                item.professional if item.holder_kind == ActionHolder.PROFESSIONAL else None, actor, now)
            if created:
                added_members.append(organisation.name)
    created_actions = [PlanAction.objects.create(
        plan=plan, goal=item.goal, meeting=meeting, holder_kind=item.holder_kind,
        professional=item.professional if item.holder_kind == ActionHolder.PROFESSIONAL else None,
        organisation=item.organisation if item.holder_kind == ActionHolder.ORGANISATION else None,
        holder_name=(item.holder_name.strip()
                     if item.holder_kind in (ActionHolder.FAMILY, ActionHolder.NETWORK) else ""),
        what=item.what.strip(), due_on=item.due_on, is_help=item.is_help, created_at=now,
    ) for item in actions]
    count = "1 actie" if len(actions) == 1 else f"{len(actions)} acties"
    source = f" uit het {meeting.get_kind_display().split(' (')[0].lower()} van {meeting.held_on:%d-%m-%Y}" \
        if meeting else ""
    summary = f"{count}{source} toegevoegd."
    if added_members:
        summary += f" Nieuwe deelnemer: {_and(added_members)}."
    plan = _changed(plan, professional, actor, summary, now, "acties toegevoegd")
    _tell_holders(plan, created_actions, professional, "Nieuwe actie voor u in een gezinsplan",
                  "Er is in een gezinsplan een actie voor u afgesproken. Bekijk wat en uiterlijk wanneer.")
    return created_actions


@transaction.atomic
def update_action(professional: Professional, actor: Actor, action: PlanAction, *, what: str, due_on: date,
                  done_on: date | None, help_started_on: date | None, is_help: bool,
                  now: datetime | None = None) -> PlanAction:
    """Change what, by when, done or not, whether it is help and when the help started."""
    now = now or timezone.now()
    plan = _editable(professional, action.plan)
    action = PlanAction.objects.select_for_update().get(pk=action.pk)
    action.plan = plan
    if not may_edit_action(professional, action):
        refuse("niet-toegestaan", "Alleen wie de actie uitvoert of de regisseur wijzigt een actie.",
               kind=RefusalKind.FORBIDDEN)
    today = timezone.localdate(now)
    problems = []
    if not what.strip():
        problems.append(("what", "Beschrijf wat er gebeurt."))
    if due_on is None:
        problems.append(("due_on", "Kies uiterlijk wanneer."))
    if done_on is not None and done_on > today:
        problems.append(("done_on", "Een actie kan niet in de toekomst gedaan zijn."))
    if help_started_on is not None and help_started_on > today:
        problems.append(("help_started_on", "Hulp kan niet in de toekomst gestart zijn."))
    if help_started_on is not None and not is_help:
        problems.append(("help_started_on", "Alleen bij een actie die hulp is, start hulp."))
    _refuse_all("actie-ongeldig", problems)
    changes = {"what": what.strip(), "due_on": due_on, "done_on": done_on,
               "help_started_on": help_started_on, "is_help": is_help}
    changed = [name for name, value in changes.items() if getattr(action, name) != value]
    if not changed:
        return action
    PlanAction.objects.filter(pk=action.pk).update(**changes)
    words = {"what": "wat", "due_on": "de datum", "done_on": "gedaan", "help_started_on": "hulp gestart",
             "is_help": "of het hulp is"}
    if done_on and not action.done_on:
        summary = f"Actie gedaan: “{what.strip()[:80]}”."
    elif help_started_on and not action.help_started_on:
        summary = f"Hulp gestart: “{what.strip()[:80]}”."
    else:
        summary = f"Actie gewijzigd ({_and([words[name] for name in changed])}): “{what.strip()[:80]}”."
    plan = _changed(plan, professional, actor, summary, now, "actie gewijzigd")
    action.refresh_from_db()
    _tell_holders(plan, [action], professional, "Uw actie in een gezinsplan is gewijzigd",
                  "Een actie die u uitvoert in een gezinsplan is gewijzigd.")
    return action


# --- The regisseur, agreeing and reviewing ------------------------------------------------------


@transaction.atomic
def choose_regisseur(professional: Professional, actor: Actor, plan: HouseholdPlan,
                     choice: leads.LeadChoice, now: datetime | None = None):
    """The regisseur chosen with the family on the plan page: the household's one regisseur
    (``leads``). With none yet it is appointed and the regisseur's organisation takes part in the
    plan at once; otherwise a warm handover is proposed (the current regisseur stays until the new
    one accepts) and the organisation takes part only when the change is accepted
    (``regisseur_started``; proposing oneself completes at once). The chosen organisation must
    already take part or have its own basis on the household: any other is first added as a
    member, with the basis for sharing."""
    now = now or timezone.now()
    plan = _editable(professional, plan)
    organisation = choice.professional.organisation
    if membership(plan, organisation.pk) is None and not has_own_basis(plan.household, organisation, plan):
        refuse("geen-grondslag", _not_joined(organisation), "professional")
    source = leads.Source(AgreedVia.PLAN, plan.uuid)
    current = leads.current_lead(plan.household)
    if current is None:
        result = leads.appoint(professional, actor, plan.household, choice, source, now=now)
        _ensure_member(plan, organisation, choice.professional, actor, now)
        text = _lead_words(result)
    else:
        result = leads.propose_change(professional, actor, plan.household, choice, source, now=now)
        if result.accepted_at is not None:  # proposing oneself completes at once
            text = _lead_words(leads.current_lead(plan.household))
        else:
            text = (f"Wissel van regisseur voorgesteld: {choice.professional.display_name} "
                    f"({organisation.name}); de huidige regisseur blijft tot die aanneemt.")
    _changed(plan, professional, actor, text, now, "regisseur")
    return result


def _lead_words(lead: HouseholdLead) -> str:
    who = f"{lead.professional.display_name} ({lead.organisation.name})"
    if lead.parents_keep_regie:
        return f"De ouders voeren zelf regie; achtervang: {who}."
    return f"Regisseur gekozen met het gezin: {who}."


@dataclass(frozen=True)
class Agreement:
    """Who must agree to the plan on a day, by the age bands (domain.md §5, ``people.ages``)."""

    parents: bool
    youth: bool
    youths: tuple[Person, ...] = field(default_factory=tuple)


def who_agrees(household: Household, on: date) -> Agreement:
    """The parents agree while a child of the household is under 16 (or there is no child: the
    adults' own plan); the youth agrees from 12. A youth of 16 or over speaks for themselves."""
    children, adults = [], []
    for member in current_members(household).select_related("person"):
        age = age_on(member.person.date_of_birth, on)
        (children if member.role == MemberRole.CHILD or age < ADULT_AGE else adults).append(
            (member.person, age))
    bands = [age_band(age) for _person, age in children]
    youths = tuple(person for person, age in children if age_band(age) != AgeBand.PARENTS)
    parents = bool(adults) and (not children or any(band != AgeBand.YOUTH for band in bands))
    return Agreement(parents=parents, youth=bool(youths), youths=youths)


@transaction.atomic
def record_agreement(professional: Professional, actor: Actor, plan: HouseholdPlan, *,
                     parents_agreed_on: date | None, youth_agreed_on: date | None,
                     now: datetime | None = None) -> HouseholdPlan:
    """The family agrees to the plan: it is AGREED, the review is due after the interval, every
    open case of the household waits for it, and the signallers hear there is a plan and a
    regisseur."""
    now = now or timezone.now()
    plan = _editable(professional, plan)
    today = timezone.localdate(now)
    lead = leads.current_lead(plan.household)
    problems = []
    if lead is None:
        problems.append(("regisseur", "Kies eerst met het gezin een regisseur (of leg vast dat de ouders "
                         "zelf regie voeren, met een achtervang)."))
    if not plan.family_question.strip():
        problems.append(("family_question", "Leg eerst de vraag van het gezin vast."))
    if not plan.goals.exists():
        problems.append(("goals", "Leg eerst minstens één doel vast."))
    on = max(d for d in (parents_agreed_on, youth_agreed_on, today) if d is not None) \
        if (parents_agreed_on or youth_agreed_on) else today
    needed = who_agrees(plan.household, on)
    if needed.parents and parents_agreed_on is None:
        problems.append(("parents_agreed_on", "Leg vast op welke datum de ouders akkoord gaven."))
    if needed.youth and youth_agreed_on is None:
        names = _and([p.given_names.split(" ")[0] for p in needed.youths])
        problems.append(("youth_agreed_on", f"Leg vast op welke datum {names} akkoord gaf: vanaf 12 jaar "
                         "stemt de jeugdige zelf in met het plan."))
    if not needed.parents and not needed.youth and parents_agreed_on is None:
        problems.append(("parents_agreed_on", "Leg vast op welke datum het gezin akkoord gaf."))
    for name, value in (("parents_agreed_on", parents_agreed_on), ("youth_agreed_on", youth_agreed_on)):
        if value is not None and value > today:
            problems.append((name, "Een akkoord kan niet in de toekomst liggen."))
    _refuse_all("akkoord-onvolledig", problems)
    agreed_on = max(d for d in (parents_agreed_on, youth_agreed_on) if d is not None)
    next_review = agreed_on + relativedelta(months=plan.review_months)
    was_agreed = plan.status == PlanStatus.AGREED
    HouseholdPlan.objects.filter(pk=plan.pk).update(
        status=PlanStatus.AGREED, parents_agreed_on=parents_agreed_on, youth_agreed_on=youth_agreed_on,
        next_review=next_review)
    parts = []
    if parents_agreed_on:
        parts.append(f"ouders op {parents_agreed_on:%d-%m-%Y}")
    if youth_agreed_on:
        parts.append(f"jeugdige op {youth_agreed_on:%d-%m-%Y}")
    summary = (f"{'Opnieuw v' if was_agreed else 'V'}astgesteld met het gezin ({_and(parts)}); "
               f"volgende evaluatie {next_review:%d-%m-%Y}.")
    plan = _changed(plan, professional, actor, summary, now, "vastgesteld")
    cases.plan_agreed(plan.household, next_review)
    if lead is not None:
        tell_plan_and_regisseur(
            [m.person_id for m in current_members(plan.household)],
            regisseur=lead.professional.display_name, organisation=lead.organisation, now=now)
    return plan


@transaction.atomic
def record_review(professional: Professional, actor: Actor, plan: HouseholdPlan, *, held_on: date,
                  summary: str, now: datetime | None = None) -> HouseholdPlan:
    """The plan was reviewed with the family: the next review moves on by the interval."""
    now = now or timezone.now()
    plan = _editable(professional, plan)
    problems = []
    if plan.status != PlanStatus.AGREED:
        problems.append(("held_on", "Een plan wordt geëvalueerd nadat het met het gezin is vastgesteld."))
    if held_on is None or held_on > timezone.localdate(now):
        problems.append(("held_on", "Kies de datum waarop de evaluatie plaatsvond (niet in de toekomst)."))
    if not summary.strip():
        problems.append(("summary", "Vat samen wat de evaluatie opleverde."))
    _refuse_all("evaluatie-ongeldig", problems)
    next_review = held_on + relativedelta(months=plan.review_months)
    HouseholdPlan.objects.filter(pk=plan.pk).update(next_review=next_review)
    plan = _changed(plan, professional, actor,
                    f"Geëvalueerd op {held_on:%d-%m-%Y}: {summary.strip()[:500]} "
                    f"Volgende evaluatie {next_review:%d-%m-%Y}.", now, "evaluatie")
    cases.plan_agreed(plan.household, next_review)
    return plan


# --- Closing ----------------------------------------------------------------------------------


@transaction.atomic
def close_plan(professional: Professional, actor: Actor, plan: HouseholdPlan, *, reason: str,
               explanation: str, now: datetime | None = None) -> HouseholdPlan:
    """Close only because the problems are solved or manageable, with an explanation, and never
    while an action that is help has not started; only the regisseur closes (``may_close``). The
    members' bases on the household end; the members keep reading the closed plan. Every open
    case of the household that waits only for the plan's review closes with it
    (``cases.plan_closed``); other cases keep their step."""
    now = now or timezone.now()
    plan = _editable(professional, plan)
    if not may_close(professional, plan):
        refuse("niet-toegestaan", "Alleen de regisseur sluit het gezinsplan (de teamleider van de "
               "regisseur als die er niet meer is).", kind=RefusalKind.FORBIDDEN)
    problems = []
    if reason not in PlanCloseReason.values:
        problems.append(("reason", "Kies waarom het plan sluit: de problemen zijn opgelost of hanteerbaar."))
    if not explanation.strip():
        problems.append(("explanation", "Licht toe waarom het gezin verder kan zonder plan."))
    _refuse_all("sluiten-onvolledig", problems)
    waiting = plan.actions.filter(is_help=True, help_started_on__isnull=True).first()
    if waiting is not None:
        refuse("hulp-niet-gestart", f"Het plan kan niet sluiten: de hulp “{waiting.what[:80]}” "
               f"({holder_label(waiting)}) is nog niet gestart.", "reason", RefusalKind.CONFLICT)
    HouseholdPlan.objects.filter(pk=plan.pk).update(
        status=PlanStatus.CLOSED, closed_at=now, close_reason=reason, close_explanation=explanation.strip(),
        next_review=None)
    plan = _changed(plan, professional, actor,
                    f"Gesloten: {PlanCloseReason(reason).label.lower()}. {explanation.strip()[:500]}", now,
                    "gesloten")
    for member in plan.members.filter(ended_at__isnull=True).select_related("organisation"):
        _end_grant(plan, member.organisation, actor)
    cases.plan_closed(plan.household, explanation.strip(), professional, actor, now)
    return plan


# --- Hooks for leads (registered in PlansConfig.ready) ------------------------------------------


def needs_regisseur(household: Household) -> str:
    """An open plan needs its regisseur: ``leads.end`` refuses while this gives a reason."""
    open_plan_exists = HouseholdPlan.objects.filter(household=household).exclude(
        status=PlanStatus.CLOSED).exists()
    return "er is een open gezinsplan" if open_plan_exists else ""


def plan_professionals(household: Household) -> list[int]:
    """The plan's members' professionals: they hear of a new regisseur."""
    return list(PlanMember.objects.filter(plan__household=household, ended_at__isnull=True,
                                          professional__isnull=False)
                .values_list("professional_id", flat=True))


def regisseur_candidates(household: Household, by: Professional) -> set[int]:
    """Whose professionals may be offered as regisseur (``leads.candidates``): the members of the
    household's open plan and the case-holding teams of the municipality — never every
    organisation with some basis on a member."""
    ids = set(PlanMember.objects.filter(plan__household=household, ended_at__isnull=True)
              .exclude(plan__status=PlanStatus.CLOSED).values_list("organisation_id", flat=True))
    municipality_id = (household.district.municipality_id if household.district_id
                       else by.organisation.municipality_id)
    ids |= set(Organisation.objects.filter(cases.CASE_HOLDERS, municipality_id=municipality_id,
                                           is_active=True).values_list("pk", flat=True))
    return ids


def regisseur_started(lead: HouseholdLead, by: Professional, actor: Actor, now: datetime) -> None:
    """A change of regisseur was accepted: the new regisseur's organisation takes part in the
    household's open plan — as it is, with its own basis on the household (one without is added
    by a member, with the basis for sharing). Never on a mere proposal."""
    plan = (HouseholdPlan.objects.filter(household_id=lead.household_id)
            .exclude(status=PlanStatus.CLOSED).first())
    if plan is None or membership(plan, lead.organisation_id) is not None:
        return
    if not has_own_basis(plan.household, lead.organisation, plan):
        return
    plan = _lock(plan)
    _ensure_member(plan, lead.organisation, lead.professional, actor, now)
    _changed(plan, by, actor,
             f"Nieuwe deelnemer: {lead.organisation.name} (de organisatie van de regisseur).", now,
             "deelnemer toegevoegd")
