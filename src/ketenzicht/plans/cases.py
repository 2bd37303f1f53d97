"""A household's case at a team: arriving, holding, handing over and closing (domain.md §4).

- **arrive**: a route the team accepted, a match it took up, or a family's own application opens
  the household's case at the team, or joins the open one. Two arrivals at once meet on the
  database's unique constraint: the second joins the first one's case.
- **hold**: from the moment it opens a case has one named responsible professional — the
  team's teamleider until they assign it (the case is then on their list with its age), or, in a
  team without a teamleider, the professional who took it in.
- **hand over**: assigning or reassigning is a warm handover. The holder stays responsible until
  the receiver accepts; a declined handover leaves the case where it was.
- **close**: only with a reason that says the family is not let go (help started, no concerns
  after contact, a warm handover after a move), and never while a handover waits.

Every step validates, writes, audits and notifies in one transaction, and refuses with
``Refused`` (a Dutch message, a code, the field).
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from ketenzicht.access.models import BasisKind
from ketenzicht.access.services import end_basis, grant_basis
from ketenzicht.audit.models import EventType
from ketenzicht.audit.services import Actor, Subject, record_many
from ketenzicht.notify.services import Message, notify
from ketenzicht.organisations.accounts import lock_leaver_and_team_leads
from ketenzicht.organisations.calendar import add_working_days
from ketenzicht.organisations.models import Organisation, Professional, Role
from ketenzicht.people.models import Household, Person
from ketenzicht.people.services import current_members
from ketenzicht.refusals import RefusalKind, Refused

from .models import (
    Arrival,
    ArrivalKind,
    Case,
    CaseHandover,
    CaseSettings,
    CaseStatus,
    CloseReason,
    Milestone,
)

#: Organisations that hold cases: the teams that receive signals (CJG-Jeugdteam, sociaal
#: gebiedsteam, CJG 12+) and Veilig Thuis, which receives reports.
CASE_HOLDERS = Q(type__receives_signals=True) | Q(type__receives_reports=True)


#: What a professional may close a case with; the others follow from a route (``receivers``).
CLOSING_BY_HAND = (CloseReason.HELP_STARTED, CloseReason.NO_CONCERNS, CloseReason.MOVED_AWAY)


def refuse(code: str, message: str, field: str = "", kind: RefusalKind = RefusalKind.INVALID):
    raise Refused(kind, code, message, field)


@dataclass(frozen=True)
class ArrivalRequest:
    """What arrives at a team about a person of a household."""

    kind: str
    person: Person
    source_uuid: str | None = None
    channel: str = ""
    applicant: str = ""
    question: str = ""


def holds_cases(team: Organisation) -> bool:
    return Organisation.objects.filter(CASE_HOLDERS, pk=team.pk, is_active=True).exists()


def team_leads(team_id: int) -> list[Professional]:
    """The team's active teamleiders, the longest-serving first."""
    return list(Professional.objects.filter(organisation_id=team_id, role=Role.TEAM_LEAD,
                                            user__is_active=True).order_by("id"))


def has_caseload(professional: Professional | None) -> bool:
    """A client professional of a team that holds cases: they see a caseload and record
    applications."""
    return (professional is not None and professional.works_with_clients
            and holds_cases(professional.organisation))


def team_lead(team: Organisation) -> Professional | None:
    """The teamleider who holds the team's unassigned cases (the longest-serving one)."""
    return next(iter(team_leads(team.pk)), None)


def case_settings(team: Organisation) -> CaseSettings:
    """The municipality's case deadlines, or the defaults while it has set none."""
    found = CaseSettings.objects.filter(municipality_id=team.municipality_id).first()
    return found or CaseSettings(municipality_id=team.municipality_id)


def due_after(moment: datetime, working_days: int) -> date:
    return add_working_days(timezone.localdate(moment), working_days)


def members(household: Household) -> list[Person]:
    return [membership.person for membership in current_members(household)]


def case_subjects(case: Case, detail: dict | None = None) -> list[Subject]:
    """One audit subject per current member: each member's access report shows the case."""
    return [Subject(client_pseudonym=str(person.uuid), object_type="casus", object_id=str(case.uuid),
                    detail=detail or {}) for person in members(case.household)]


def _check_team_member(professional: Professional, team: Organisation) -> None:
    if professional.organisation_id != team.pk or not professional.works_with_clients:
        refuse("geen-teamlid", "Alleen professionals van dit team kunnen hier iets voor de casus vastleggen.",
               kind=RefusalKind.FORBIDDEN)


def check_case_holder(professional: Professional) -> None:
    """Only a client professional of a team that holds cases records what opens a case there."""
    team = professional.organisation
    _check_team_member(professional, team)
    if not holds_cases(team):
        refuse("geen-casushouder", f"{team.name} houdt geen casussen: alleen lokale teams en Veilig Thuis.",
               kind=RefusalKind.FORBIDDEN)


@transaction.atomic
def arrive(professional: Professional, actor: Actor, household: Household, request: ArrivalRequest,
           now: datetime | None = None) -> Case:
    """Open the household's case at the professional's team, or join the one that is open.

    The caller has established that the team may take the household on: an accepted route or a
    match taken up is that (``receivers``); a family's own application is checked against the
    team's area first (``applications.may_take_on``), the only other caller."""
    now = now or timezone.now()
    check_case_holder(professional)
    team = professional.organisation
    case = _open_case(professional, actor, household, team, now)
    if request.source_uuid and case.arrivals.filter(kind=request.kind,
                                                    source_uuid=request.source_uuid).exists():
        return case  # the same route or match again (a retried request): it arrived already
    Arrival.objects.create(
        case=case, kind=request.kind, arrived_at=now, recorded_by=professional, person=request.person,
        source_uuid=request.source_uuid, channel=request.channel, applicant=request.applicant,
        question=request.question,
    )
    record_many(actor, EventType.UPDATE, case_subjects(case, {"binnenkomst": request.kind}),
                purpose=f"casus: {ArrivalKind(request.kind).label.lower()}")
    return case


def _open_case(professional: Professional, actor: Actor, household: Household, team: Organisation,
               now: datetime) -> Case:
    """The open case, created if there is none; the unique constraint settles a race."""
    existing = _open_case_of(household, team)
    if existing is not None:
        return existing
    holder = team_lead(team) or professional
    settings = case_settings(team)
    try:
        with transaction.atomic():
            case = Case.objects.create(
                household=household, team=team, opened_at=now, responsible=holder,
                assigned=holder.role != Role.TEAM_LEAD, responsible_since=now,
                next_milestone=Milestone.FIRST_CONTACT,
                next_due=due_after(now, settings.first_contact_working_days),
            )
    except IntegrityError:
        # Another arrival opened it a moment ago (its transaction held the unique index until it
        # committed): join that case.
        return _open_case_of(household, team, required=True)
    for person in members(household):
        grant_basis(team, person, BasisKind.CASE, str(case.uuid), actor=actor)
    record_many(actor, EventType.CREATE, case_subjects(case), purpose="casus geopend")
    notify([holder], Message(
        kind="casus-nieuw", title="Nieuwe casus voor uw team",
        body=("U bent verantwoordelijk tot u de casus toewijst." if holder.role == Role.TEAM_LEAD
              else "U bent verantwoordelijk voor deze casus."),
        link=case_link(case), subject_key=f"{case.uuid}:nieuw",
    ))
    return case


def _open_case_of(household: Household, team: Organisation, *, required: bool = False) -> Case | None:
    cases = Case.objects.select_for_update().filter(household=household, team=team, status=CaseStatus.OPEN)
    return cases.get() if required else cases.first()


def case_link(case: Case) -> str:
    return f"/casussen/{case.uuid}/"


def _locked(case: Case) -> Case:
    return Case.objects.select_for_update().select_related("team", "responsible", "household").get(pk=case.pk)


def _expect_open(case: Case) -> None:
    if case.status != CaseStatus.OPEN:
        refuse("casus-gesloten", "Deze casus is gesloten.", kind=RefusalKind.CONFLICT)


def may_hand_over(professional: Professional, case: Case) -> bool:
    """The holder hands their own case over; the team's teamleider hands over any of its cases."""
    return professional.pk == case.responsible_id or (
        professional.organisation_id == case.team_id and professional.role == Role.TEAM_LEAD)


@transaction.atomic
def hand_over(professional: Professional, actor: Actor, case: Case, to: Professional,
              now: datetime | None = None) -> CaseHandover:
    """Ask ``to`` to take the case over; the holder stays responsible until they accept."""
    now = now or timezone.now()
    case = _locked(case)
    _expect_open(case)
    if not may_hand_over(professional, case):
        refuse("niet-toegestaan", "Alleen wie de casus heeft of de teamleider kan haar overdragen.",
               kind=RefusalKind.FORBIDDEN)
    if to.organisation_id != case.team_id or not to.works_with_clients or not _active(to):
        refuse("ontvanger-onbekend", "Kies een professional van dit team.", "aan")
    if to.pk == case.responsible_id:
        refuse("al-verantwoordelijk", f"{to.display_name} is al verantwoordelijk voor deze casus.", "aan")
    if case.handovers.filter(accepted_at__isnull=True, declined_at__isnull=True).exists():
        refuse("overdracht-loopt", "Er wacht al een overdracht van deze casus op antwoord.",
               kind=RefusalKind.CONFLICT)
    handover = CaseHandover.objects.create(case=case, from_professional=case.responsible, to_professional=to,
                                           requested_by=professional, requested_at=now)
    record_many(actor, EventType.UPDATE, case_subjects(case), purpose="casus: overdracht gevraagd")
    notify([to], Message(
        kind="casus-overdracht", title="Een casus is aan u overgedragen",
        body=f"{case.responsible.display_name} blijft verantwoordelijk tot u de casus aanneemt.",
        link=case_link(case), subject_key=f"{handover.uuid}:gevraagd",
    ))
    return handover


def _active(professional: Professional) -> bool:
    """Whether the account is active, its row locked: a deactivation at this moment waits for this
    handover, or this one sees the account inactive (``return_cases_of_leaving``)."""
    return get_user_model()._default_manager.select_for_update().filter(
        pk=professional.user_id, is_active=True).exists()


def _pending(handover: CaseHandover, professional: Professional) -> CaseHandover:
    handover = CaseHandover.objects.select_for_update().select_related("case").get(pk=handover.pk)
    if handover.accepted_at or handover.declined_at:
        refuse("overdracht-beantwoord", "Deze overdracht is al beantwoord.", kind=RefusalKind.CONFLICT)
    if handover.to_professional_id != professional.pk:
        refuse("niet-ontvanger", "Alleen de professional aan wie de casus is overgedragen kan antwoorden.",
               kind=RefusalKind.FORBIDDEN)
    return handover


@transaction.atomic
def accept_handover(professional: Professional, actor: Actor, handover: CaseHandover,
                    now: datetime | None = None) -> Case:
    """The receiver takes the case: from now they are responsible."""
    now = now or timezone.now()
    handover = _pending(handover, professional)
    case = _locked(handover.case)
    _expect_open(case)
    CaseHandover.objects.filter(pk=handover.pk).update(accepted_at=now)
    previous = case.responsible
    Case.objects.filter(pk=case.pk).update(responsible=professional, assigned=True, responsible_since=now)
    case.refresh_from_db()
    record_many(actor, EventType.UPDATE, case_subjects(case), purpose="casus: overdracht aangenomen")
    notify([previous], Message(
        kind="casus-overdracht", title="Uw casus is overgenomen",
        body=f"{professional.display_name} is nu verantwoordelijk.", link=case_link(case),
        subject_key=f"{handover.uuid}:aangenomen",
    ))
    return case


@transaction.atomic
def decline_handover(professional: Professional, actor: Actor, handover: CaseHandover, reason: str,
                     now: datetime | None = None) -> Case:
    """The receiver cannot take it: the case stays with its holder, who hears why."""
    now = now or timezone.now()
    if not reason.strip():
        refuse("reden-ontbreekt", "Leg vast waarom u de casus niet kunt overnemen.", "reden")
    handover = _pending(handover, professional)
    CaseHandover.objects.filter(pk=handover.pk).update(declined_at=now, decline_reason=reason.strip())
    case = handover.case
    record_many(actor, EventType.UPDATE, case_subjects(case), purpose="casus: overdracht geweigerd")
    # The reason is free text that may name the family: it stays on the case, not in the notice.
    notify([handover.from_professional], Message(
        kind="casus-overdracht", title="Overdracht van een casus geweigerd",
        body="U blijft verantwoordelijk. De reden staat bij de casus.", link=case_link(case),
        subject_key=f"{handover.uuid}:geweigerd",
    ))
    return case


@transaction.atomic
def record_first_contact(professional: Professional, actor: Actor, case: Case,
                         now: datetime | None = None) -> Case:
    """The family was reached: the case now waits for the intake (its deadline counts from opening).

    First contact is a step of the case, not a record of its own: only a case that waits for it
    records it. A case further on has had its contact — recorded (it then waits for the intake), or
    in what moved it on: the family's own application with a *ja* or *onbekend* on a risk question
    makes the assessment the next step, and an intake is held with the family. The refusal names
    the step the case waits for instead."""
    now = now or timezone.now()
    case = _locked(case)
    _expect_open(case)
    _check_team_member(professional, case.team)
    if case.next_milestone == Milestone.INTAKE:
        refuse("al-vastgelegd", "Het eerste contact is al vastgelegd.", kind=RefusalKind.CONFLICT)
    if case.next_milestone != Milestone.FIRST_CONTACT:
        due = f" (uiterlijk {case.next_due:%d-%m-%Y})" if case.next_due else ""
        step = str(Milestone(case.next_milestone).label).lower()
        refuse("voorbij-eerste-contact", "Deze casus wacht niet meer op het eerste contact: de volgende "
               f"stap is: {step}{due}.", kind=RefusalKind.CONFLICT)
    settings = case_settings(case.team)
    wait_for(case, Milestone.INTAKE, due_after(case.opened_at, settings.intake_working_days))
    record_many(actor, EventType.UPDATE, case_subjects(case), purpose="casus: eerste contact")
    return case


def wait_for(case: Case, milestone: Milestone, due: date | None) -> None:
    """What the case waits for next and by when; a new deadline clears the overdue flag, so it is
    told once when it passes (``deadlines``). Call inside the step's transaction."""
    Case.objects.filter(pk=case.pk).update(next_milestone=milestone, next_due=due, overdue_notified_for="")
    case.refresh_from_db()


def after_intake(case: Case, *, concern: bool, at: datetime) -> None:
    """A *ja* or *onbekend* on a risk question makes a risk assessment due; otherwise the plan."""
    settings = case_settings(case.team)
    if concern:
        wait_for(case, Milestone.ASSESSMENT, due_after(at, settings.assessment_working_days))
    else:
        wait_for(case, Milestone.PLAN, due_after(at, settings.plan_working_days))


def after_assessment(case: Case, *, at: datetime) -> None:
    """After the assessment the plan is due, unless it was agreed already (then its review)."""
    if case.next_milestone in (Milestone.FIRST_CONTACT, Milestone.INTAKE, Milestone.ASSESSMENT):
        wait_for(case, Milestone.PLAN, due_after(at, case_settings(case.team).plan_working_days))


def plan_agreed(household: Household, next_review: date) -> None:
    """The household's plan was agreed or reviewed: every open case of it now waits for the review."""
    for case in Case.objects.select_for_update().filter(household=household, status=CaseStatus.OPEN):
        wait_for(case, Milestone.REVIEW, next_review)


#: Why a handover of a case that closed with the plan is not taken over (kept on the case).
PLAN_CLOSED_HANDOVER = ("De casus is gesloten met het gezinsplan: de overdracht kan niet meer worden "
                        "aangenomen.")


def plan_closed(household: Household, explanation: str, by: Professional, actor: Actor,
                now: datetime) -> list[Case]:
    """The household's plan closed: every open case of it that waits only for the plan's review
    closes with it (``CloseReason.PLAN_CLOSED`` and the plan's explanation; the team's basis
    ends); a case waiting for another step keeps it. A handover that waited is declined (the
    case is gone); its holder and that receiver hear of it. Call inside the closing transaction."""
    closed = []
    for case in (Case.objects.select_for_update(of=("self",))
                 .filter(household=household, status=CaseStatus.OPEN, next_milestone=Milestone.REVIEW)
                 .select_related("team", "responsible", "household").order_by("pk")):
        waiting = list(CaseHandover.objects.select_for_update(of=("self",)).filter(
            case=case, accepted_at__isnull=True, declined_at__isnull=True).select_related("to_professional"))
        CaseHandover.objects.filter(pk__in=[h.pk for h in waiting]).update(
            declined_at=now, decline_reason=PLAN_CLOSED_HANDOVER)
        closed.append(close(case, CloseReason.PLAN_CLOSED, explanation, actor, now))
        recipients = {p.pk: p for p in [case.responsible, *(h.to_professional for h in waiting)]
                      if p.pk != by.pk}
        notify(recipients.values(), Message(
            kind="casus-gesloten", title="Een casus is gesloten met het gezinsplan",
            body="Het gezinsplan is gesloten: de problemen zijn opgelost of hanteerbaar. De casus "
                 "wachtte alleen nog op de evaluatie van het plan en is mee gesloten.",
            link=case_link(case), subject_key=f"{case.uuid}:gesloten",
        ))
    return closed


@transaction.atomic
def close_case(professional: Professional, actor: Actor, case: Case, reason: str, explanation: str,
               now: datetime | None = None) -> Case:
    """Close with a reason that says the family is not let go; the team's basis ends with it."""
    now = now or timezone.now()
    case = _locked(case)
    _expect_open(case)
    if not may_hand_over(professional, case):
        refuse("niet-toegestaan", "Alleen wie de casus heeft of de teamleider kan haar sluiten.",
               kind=RefusalKind.FORBIDDEN)
    if reason not in CLOSING_BY_HAND:
        refuse("reden-onbekend", "Kies waarom de casus sluit: hulp gestart, geen zorgen, of verhuisd "
               "en warm overgedragen.", "reden")
    if not explanation.strip():
        refuse("toelichting-ontbreekt", "Licht toe waarom de casus kan sluiten (met wie is de hulp "
               "gestart, of waarom zijn er geen zorgen).", "toelichting")
    if case.handovers.filter(accepted_at__isnull=True, declined_at__isnull=True).exists():
        refuse("overdracht-loopt", "Er wacht een overdracht op antwoord: sluit de casus daarna.",
               kind=RefusalKind.CONFLICT)
    return close(case, reason, explanation.strip(), actor, now)


def close(case: Case, reason: str, explanation: str, actor: Actor, now: datetime) -> Case:
    """Close a locked open case; the team's basis on the household ends with it."""
    Case.objects.filter(pk=case.pk).update(status=CaseStatus.CLOSED, closed_at=now, close_reason=reason,
                                           close_explanation=explanation, next_milestone="",
                                           next_due=None)
    case.refresh_from_db()
    record_many(actor, EventType.UPDATE, case_subjects(case), purpose=f"casus gesloten: {reason}")
    for person in Person.objects.filter(access_bases__organisation=case.team,
                                        access_bases__kind=BasisKind.CASE,
                                        access_bases__reference=str(case.uuid),
                                        access_bases__ended_at__isnull=True).distinct():
        end_basis(case.team, person, BasisKind.CASE, str(case.uuid), actor=actor)
    return case


# --- A professional leaves: their open cases go back to the teamleider ------------------------

#: Why a handover to someone who left is not taken over (kept on the case, as a declined one's is).
LEFT_REASON = "Het account van {name} is gedeactiveerd: de overdracht kan niet meer worden aangenomen."




def _successor(team_id: int, leaving: Professional) -> Professional | None:
    """Who takes a leaving professional's cases back: the team's longest-serving other active
    teamleider."""
    return next((lead for lead in team_leads(team_id) if lead.pk != leaving.pk), None)


@transaction.atomic
def return_cases_of_leaving(professional: Professional, actor: Actor, now: datetime | None = None) -> int:
    """A professional's account is being deactivated: no open case may stay with them.

    - each open case they hold goes back to the team's teamleider (``assigned`` false: on the
      teamleider's list to assign anew, with its age), who hears of it by a notice;
    - a handover they asked for and that still waits stays open to its receiver: the teamleider
      now holds the case until the receiver accepts (a handover to that teamleider themselves is
      declined: the case is theirs already);
    - a handover to them that still waits is declined with the reason, and the holder hears it.

    Refused (nothing changes, the account stays active) while they hold an open case and their
    team has no other active teamleider to take it: a case is never held by nobody, and never
    handed to a colleague without that colleague accepting it (warm handover). Returns how many
    cases went back.
    """
    now = now or timezone.now()
    lock_leaver_and_team_leads(professional)
    # Handovers to them first: one accepted at this moment has made its case theirs (below).
    _decline_handovers_to(professional, actor, now)
    held = list(Case.objects.select_for_update(of=("self",))
                .filter(responsible=professional, status=CaseStatus.OPEN)
                .select_related("household", "team").order_by("opened_at", "id"))
    successors = {team_id: _successor(team_id, professional) for team_id in {c.team_id for c in held}}
    orphaned = [case for case in held if successors[case.team_id] is None]
    if orphaned:
        count = len(orphaned)
        refuse("geen-teamleider", (
            f"{professional.display_name} kan niet worden gedeactiveerd: "
            f"{count} open {'casus' if count == 1 else 'casussen'} van {orphaned[0].team.name} "
            f"{'heeft' if count == 1 else 'hebben'} dan geen verantwoordelijke, want het team heeft geen "
            "andere actieve teamleider. Wijs eerst een teamleider aan, of laat collega's de casussen "
            "aannemen."), kind=RefusalKind.CONFLICT)
    for case in held:
        _return(case, professional, successors[case.team_id], actor, now)
    return len(held)


def _return(case: Case, leaving: Professional, lead: Professional, actor: Actor, now: datetime) -> None:
    Case.objects.filter(pk=case.pk).update(responsible=lead, assigned=False, responsible_since=now)
    waiting = (CaseHandover.objects.select_for_update(of=("self",))
               .filter(case=case, accepted_at__isnull=True, declined_at__isnull=True)
               .select_related("to_professional__user").first())
    body = f"{leaving.display_name} is niet meer actief. U bent verantwoordelijk tot u de casus toewijst."
    if waiting is not None and waiting.to_professional_id == lead.pk:
        CaseHandover.objects.filter(pk=waiting.pk).update(
            declined_at=now, decline_reason=f"{leaving.display_name} is niet meer actief: de casus is "
            f"terug bij {lead.display_name}, aan wie de overdracht was gevraagd.")
    elif waiting is not None:
        # The warm handover goes on: whoever holds the case stays responsible until it is accepted.
        CaseHandover.objects.filter(pk=waiting.pk).update(from_professional=lead)
        body = (f"{leaving.display_name} is niet meer actief. De overdracht aan "
                f"{waiting.to_professional.display_name} wacht nog op antwoord; tot dan bent u "
                "verantwoordelijk.")
    case.refresh_from_db()
    record_many(actor, EventType.UPDATE, case_subjects(case, {"vorige": str(leaving.uuid)}),
                purpose="casus: terug naar de teamleider (account gedeactiveerd)")
    notify([lead], Message(
        kind="casus-terug", title="Een casus is terug bij u", body=body, link=case_link(case),
        subject_key=f"{case.uuid}:terug:{now:%Y%m%d%H%M%S%f}",
    ))


def _decline_handovers_to(professional: Professional, actor: Actor, now: datetime) -> None:
    waiting = list(CaseHandover.objects.select_for_update(of=("self",))
                   .filter(to_professional=professional, accepted_at__isnull=True, declined_at__isnull=True)
                   .select_related("case__household", "from_professional"))
    for handover in waiting:
        CaseHandover.objects.filter(pk=handover.pk).update(
            declined_at=now, decline_reason=LEFT_REASON.format(name=professional.display_name))
        record_many(actor, EventType.UPDATE, case_subjects(handover.case),
                    purpose="casus: overdracht geweigerd (account gedeactiveerd)")
        notify([handover.from_professional], Message(
            kind="casus-overdracht", title="Overdracht van een casus geweigerd",
            body=f"{professional.display_name} is niet meer actief. U blijft verantwoordelijk; "
                 "draag de casus zo nodig aan een ander over.",
            link=case_link(handover.case), subject_key=f"{handover.uuid}:geweigerd",
        ))
