"""Collegial consultation and the multidisciplinary case discussion (MDO) (domain.md §4, §5).

- **record**: a professional of the case's team records a consultation (with a
  gedragswetenschapper, the aandachtsfunctionaris or a colleague) or an MDO after it was held:
  the date (never in the future), the participants (a professional with an account, or anyone
  else by name, each with their organisation and role), whether the parents and the youth took
  part, the facts considered and the decisions (both required), and who does what by when. Those
  actions become actions of the household plan (``PlanAction.meeting``), a draft plan when there
  is none yet.
- **share**: every organisation other than the team that took part needs a basis for sharing
  the household's information (``SharingBasis``): the consent of everyone whose consent counts
  by the age bands of ``people.ages`` (under 12 a parent; 12–15 the youth and a parent; from 16
  the youth, an adult themselves: ``consent_needed``), or the safety reason to share without
  consent (domain.md §5). The basis is audited for every member of the household.
- **see**: taking part gives no basis on the household (the invited organisation does not see
  the person or household pages through it): it sees the record of the meeting it took part in,
  and nothing else of the case. The case's team sees all of its case's meetings. ``open_meeting``
  is the one way in: it checks, audits every read and every refusal (per household member), and
  answers a stranger as if the meeting did not exist.
- **double submit**: the form carries a token; a second submit meets the unique index and gets
  the meeting recorded the first time — only for the same case and organiser (anyone else's
  token is refused).

Every step validates, writes, audits and notifies in one transaction, and refuses with
``Refused`` (a Dutch message, a code, the field); a request's problems come all at once
(``plans.refusals.Refusals``), so a form shows them all.
"""

from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from ketenzicht.access.services import may_see_clients
from ketenzicht.audit.models import EventType, Outcome
from ketenzicht.audit.services import Actor, Subject, record_many
from ketenzicht.notify.services import Message, notify
from ketenzicht.organisations.models import Organisation, Professional
from ketenzicht.people.ages import AgeBand, age_band
from ketenzicht.people.models import Household, MemberRole, Person
from ketenzicht.people.services import current_members
from ketenzicht.refusals import RefusalKind, Refused

from . import household_plan  # module import: household_plan imports this module too
from .cases import _check_team_member, members, refuse
from .models import (
    ActionHolder,
    Case,
    CaseStatus,
    ConsultantRole,
    Meeting,
    MeetingKind,
    MeetingParticipant,
    PlanAction,
    SharingBasis,
)
from .refusals import problem, raise_all

MEETING_OBJECT = "overleg"
#: Holders of an action named in words: a family member or someone from the network.
NAMED_HOLDERS = (ActionHolder.FAMILY, ActionHolder.NETWORK)
#: Who speaks for a child under 16 besides the youth: a parent or carer living in the household.
PARENT_ROLES = frozenset({MemberRole.PARENT, MemberRole.CARER})
#: Whose consent counts for a member, by age band (domain.md §5), as the audit trail says it.
CONSENT_OF = {
    AgeBand.PARENTS: "ouders",
    AgeBand.YOUTH_AND_PARENTS: "jeugdige en ouders",
    AgeBand.YOUTH: "de persoon zelf",
}


def meeting_link(meeting: Meeting) -> str:
    return f"/overleggen/{meeting.uuid}/"


# --- The request ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ParticipantData:
    """A participant: a professional with an account, or someone else by name and organisation.

    For an organisation other than the case's team: the basis for sharing, with the household
    members who consented, or the safety reason to share without consent.
    """

    role: str
    professional: Professional | None = None
    organisation: Organisation | None = None
    name: str = ""
    sharing_basis: str = ""
    consent_given_by: tuple[Person, ...] = ()
    safety_reason: str = ""


@dataclass(frozen=True)
class ActionData:
    """Who does what by when: a professional, an organisation, a family member or the network."""

    holder_kind: str
    what: str
    due_on: date | None
    professional: Professional | None = None
    organisation: Organisation | None = None
    holder_name: str = ""
    is_help: bool = False


@dataclass(frozen=True)
class MeetingRequest:
    kind: str
    held_on: date | None
    facts: str
    decisions: str
    participants: tuple[ParticipantData, ...] = ()
    actions: tuple[ActionData, ...] = ()
    parents_took_part: bool = False
    youth_took_part: bool = False
    #: The form's token: the same token twice records once.
    form_token: UUID | None = None


# --- Whose consent counts ---------------------------------------------------------------------------

@dataclass(frozen=True)
class ConsentNeed:
    """For one member of the household: whose consent counts (``people.ages`` bands)."""

    person: Person
    age: int
    band: AgeBand

    @property
    def needs_own(self) -> bool:
        return self.band in (AgeBand.YOUTH, AgeBand.YOUTH_AND_PARENTS)

    @property
    def needs_parent(self) -> bool:
        return self.band in (AgeBand.PARENTS, AgeBand.YOUTH_AND_PARENTS)

    @property
    def consent_of(self) -> str:
        return CONSENT_OF[self.band]


def consent_needed(household: Household, today: date) -> list[ConsentNeed]:
    """For each current member: whose consent counts, by the age bands (domain.md §5)."""
    return [ConsentNeed(m.person, m.person.age_on(today), age_band(m.person.age_on(today)))
            for m in current_members(household)]


def consent_givers(household: Household, today: date) -> list[Person]:
    """The members who can give consent: everyone from 12 (a younger child's parents decide)."""
    return [need.person for need in consent_needed(household, today) if need.needs_own]


def _parent_ids(household: Household, today: date) -> set[int]:
    return {m.person_id for m in current_members(household)
            if m.role in PARENT_ROLES and age_band(m.person.age_on(today)) == AgeBand.YOUTH}


def missing_consent(household: Household, given_ids: set[int], today: date) -> list[str]:
    """What is missing for consent to count for every member, in Dutch (empty: complete)."""
    parents = _parent_ids(household, today)
    parent_given = bool(parents & given_ids)
    missing = []
    for need in consent_needed(household, today):
        lacks_own = need.needs_own and need.person.pk not in given_ids
        lacks_parent = need.needs_parent and not parent_given
        first_name = need.person.given_names.split()[0]
        name = f"{first_name} ({need.age})"
        if lacks_own and lacks_parent:
            missing.append(f"voor {name} de toestemming van {first_name} zelf en van een ouder")
        elif lacks_own:
            missing.append(f"voor {name} de toestemming van {first_name} zelf")
        elif lacks_parent:
            missing.append(f"voor {name} de toestemming van een ouder")
    return missing


# --- Recording --------------------------------------------------------------------------------------

def problems(case: Case, recorder: Professional, request: MeetingRequest, today: date) -> list[Refused]:
    """Every problem of the request at once (empty: it can be recorded)."""
    found: list[Refused] = []
    if request.kind not in MeetingKind.values:
        found.append(problem("soort-onbekend", "Kies: collegiale consultatie of MDO.", "soort"))
    if request.held_on is None:
        found.append(problem("datum-ontbreekt", "Vul de datum van het overleg in.", "datum"))
    elif request.held_on > today:
        found.append(problem("datum-in-de-toekomst", "Een overleg legt u vast nadat het is gehouden: "
                              "de datum ligt niet in de toekomst.", "datum"))
    if not request.facts.strip():
        found.append(problem("feiten-ontbreken", "Leg vast welke feiten zijn besproken.", "feiten"))
    if not request.decisions.strip():
        found.append(problem("besluiten-ontbreken", "Leg vast wat er is besloten.", "besluiten"))
    if not request.participants:
        found.append(problem("deelnemers-ontbreken", "Noem wie er aan het overleg deelnam.", "deelnemers"))
    found += _participant_problems(case, request, today)
    found += _action_problems(case, recorder, request)
    return found


def _participant_problems(case: Case, request: MeetingRequest, today: date) -> list[Refused]:
    found: list[Refused] = []
    seen: set[int] = set()
    member_ids = {person.pk for person in members(case.household)}
    for row, participant in enumerate(request.participants):
        at = f"deelnemers.{row}"
        if participant.role not in ConsultantRole.values:
            found.append(problem("rol-onbekend", "Kies de rol van de deelnemer.", f"{at}.rol"))
        who = participant.professional
        if who is not None:
            if not who.works_with_clients or not who.user.is_active or not who.organisation.is_active:
                found.append(problem("deelnemer-onbekend", "Kies een professional die met cliënten werkt.",
                                      f"{at}.professional"))
            elif participant.organisation is not None and participant.organisation.pk != who.organisation_id:
                found.append(problem("organisatie-klopt-niet", f"{who.display_name} werkt bij "
                                      f"{who.organisation.name}.", f"{at}.organisatie"))
            if who.pk in seen:
                found.append(problem("deelnemer-dubbel", f"{who.display_name} staat al bij de deelnemers.",
                                      f"{at}.professional"))
            seen.add(who.pk)
        else:
            if not participant.name.strip():
                found.append(problem("naam-ontbreekt", "Kies een professional, of vul de naam in van een "
                                      "deelnemer zonder account.", f"{at}.naam"))
            if participant.organisation is None:
                found.append(problem("organisatie-ontbreekt", "Kies de organisatie van de deelnemer.",
                                      f"{at}.organisatie"))
        organisation = who.organisation if who is not None else participant.organisation
        if organisation is not None and organisation.pk != case.team_id:
            found += _sharing_problems(case, participant, organisation, at, member_ids, today)
    return found


def _sharing_problems(case: Case, participant: ParticipantData, organisation: Organisation, at: str,
                      member_ids: set[int], today: date) -> list[Refused]:
    """Another organisation takes part: consent of everyone whose consent counts, or safety."""
    if participant.sharing_basis == SharingBasis.CONSENT:
        given = {person.pk for person in participant.consent_given_by}
        if given - member_ids:
            return [problem("toestemming-buiten-huishouden", "Alleen leden van het huishouden geven "
                             "toestemming.", f"{at}.toestemming")]
        missing = missing_consent(case.household, given, today)
        if missing:
            return [problem("toestemming-onvolledig", f"Delen met {organisation.name} vraagt nog "
                             f"{'; '.join(missing)}. Of deel zonder toestemming, alleen vanwege de "
                             "veiligheid, met de reden.", f"{at}.toestemming")]
        return []
    if participant.sharing_basis == SharingBasis.SAFETY:
        if not participant.safety_reason.strip():
            return [problem("veiligheidsreden-ontbreekt", "Leg vast waarom de veiligheid vraagt om met "
                             f"{organisation.name} te delen zonder toestemming.", f"{at}.veiligheidsreden")]
        return []
    return [problem("grondslag-ontbreekt", f"{organisation.name} is een andere organisatie: kies met "
                     "toestemming, of zonder toestemming vanwege de veiligheid.", f"{at}.grondslag")]


def _action_problems(case: Case, recorder: Professional, request: MeetingRequest) -> list[Refused]:
    found: list[Refused] = []
    taking_part = {p.professional.pk for p in request.participants if p.professional is not None}
    taking_part.add(recorder.pk)
    organisations = {p.professional.organisation_id if p.professional else getattr(p.organisation, "pk", None)
                     for p in request.participants} | {case.team_id}
    for row, action in enumerate(request.actions):
        at = f"acties.{row}"
        if action.holder_kind not in ActionHolder.values:
            found.append(problem("wie-onbekend", "Kies wie de actie uitvoert.", f"{at}.wie"))
        elif action.holder_kind == ActionHolder.PROFESSIONAL and (
                action.professional is None or action.professional.pk not in taking_part):
            found.append(problem("uitvoerder-geen-deelnemer", "Kies een professional die aan het overleg "
                                  "deelnam.", f"{at}.professional"))
        elif action.holder_kind == ActionHolder.ORGANISATION and (
                action.organisation is None or action.organisation.pk not in organisations):
            found.append(problem("organisatie-geen-deelnemer", "Kies het team of een organisatie die aan "
                                  "het overleg deelnam.", f"{at}.organisatie"))
        elif action.holder_kind in NAMED_HOLDERS and not action.holder_name.strip():
            found.append(problem("naam-ontbreekt", "Vul de naam in van wie de actie uitvoert.",
                                  f"{at}.naam"))
        if not action.what.strip():
            found.append(problem("wat-ontbreekt", "Vul in wat er gebeurt.", f"{at}.wat"))
        if action.due_on is None:
            found.append(problem("uiterlijk-ontbreekt", "Vul in wanneer het uiterlijk gebeurd is.",
                                  f"{at}.uiterlijk"))
        elif request.held_on is not None and action.due_on < request.held_on:
            found.append(problem("uiterlijk-voor-overleg", "Een afgesproken actie is uiterlijk op of na de "
                                  "datum van het overleg klaar.", f"{at}.uiterlijk"))
    return found


def meeting_subjects(meeting: Meeting, detail: dict | None = None) -> list[Subject]:
    """One audit subject per current member: each member's access report shows the meeting."""
    return [Subject(client_pseudonym=str(person.uuid), object_type=MEETING_OBJECT,
                    object_id=str(meeting.uuid), detail=detail or {})
            for person in members(meeting.household)]


@transaction.atomic
def record_meeting(professional: Professional, actor: Actor, case: Case, request: MeetingRequest,
                   now: datetime | None = None) -> Meeting:
    """Record a consultation or MDO of the case; its actions go into the household plan."""
    now = now or timezone.now()
    if request.form_token is not None:
        earlier = Meeting.objects.filter(form_token=request.form_token).first()
        if earlier is not None:
            return _same_form(earlier, case, professional)
    case = Case.objects.select_for_update().select_related("team", "household").get(pk=case.pk)
    _check_team_member(professional, case.team)
    if case.status != CaseStatus.OPEN:
        refuse("casus-gesloten", "Deze casus is gesloten.", kind=RefusalKind.CONFLICT)
    raise_all(problems(case, professional, request, timezone.localdate(now)))
    try:
        with transaction.atomic():
            meeting = Meeting.objects.create(
                household=case.household, case=case, kind=request.kind, held_on=request.held_on,
                organised_by=professional, recorded_at=now, parents_took_part=request.parents_took_part,
                youth_took_part=request.youth_took_part, facts=request.facts.strip(),
                decisions=request.decisions.strip(), form_token=request.form_token,
            )
    except IntegrityError:
        # The same form a moment ago, in a transaction that has committed since.
        return _same_form(Meeting.objects.get(form_token=request.form_token), case, professional)
    participants = [_add_participant(meeting, case, data) for data in request.participants]
    record_many(actor, EventType.CREATE, meeting_subjects(meeting, {"soort": meeting.kind}),
                purpose=f"{MeetingKind(meeting.kind).label.lower()} vastgelegd")
    _audit_sharing(actor, meeting, case, participants, timezone.localdate(now))
    household_plan.add_actions(professional, actor, case.household, [
        household_plan.ActionInput(holder_kind=action.holder_kind, what=action.what, due_on=action.due_on,
                    professional=action.professional, organisation=action.organisation,
                    holder_name=action.holder_name, is_help=action.is_help)
        for action in request.actions], meeting=meeting, now=now)
    _tell_participants(meeting, participants, professional)
    return meeting


def _same_form(earlier: Meeting, case: Case, professional: Professional) -> Meeting:
    """A token seen before: the earlier meeting is the answer only for the same form again — the
    same case and the same organiser. Anyone else's token is refused, never answered with a
    meeting that is not theirs."""
    if earlier.case_id != case.pk or earlier.organised_by_id != professional.pk:
        refuse("formulier-al-gebruikt", "Dit formulier is al gebruikt. Open de pagina opnieuw om een "
               "overleg vast te leggen.", kind=RefusalKind.CONFLICT)
    return earlier  # the same form submitted again


def _add_participant(meeting: Meeting, case: Case, data: ParticipantData) -> MeetingParticipant:
    organisation = data.professional.organisation if data.professional else data.organisation
    own = organisation.pk == case.team_id
    participant = MeetingParticipant.objects.create(
        meeting=meeting, organisation=organisation, professional=data.professional,
        name="" if data.professional else data.name.strip(), role=data.role,
        sharing_basis=SharingBasis.OWN_TEAM if own else data.sharing_basis,
        safety_reason="" if own or data.sharing_basis != SharingBasis.SAFETY else data.safety_reason.strip(),
    )
    if not own and data.sharing_basis == SharingBasis.CONSENT:
        participant.consent_given_by.set(data.consent_given_by)
    return participant


def _audit_sharing(actor: Actor, meeting: Meeting, case: Case, participants: list[MeetingParticipant],
                   today: date) -> None:
    """Sharing with each other organisation, its basis, for each member of the household."""
    shared: dict[int, MeetingParticipant] = {}
    for participant in participants:
        if participant.sharing_basis != SharingBasis.OWN_TEAM:
            shared.setdefault(participant.organisation_id, participant)
    if not shared:
        return
    needs = consent_needed(case.household, today)
    subjects = []
    for participant in shared.values():
        for need in needs:
            detail = {"organisatie": participant.organisation.slug, "grondslag": participant.sharing_basis}
            if participant.sharing_basis == SharingBasis.CONSENT:
                detail["toestemming van"] = need.consent_of
            subjects.append(Subject(client_pseudonym=str(need.person.uuid), object_type=MEETING_OBJECT,
                                    object_id=str(meeting.uuid), detail=detail))
    record_many(actor, EventType.UPDATE, subjects, purpose="overleg: gedeeld met een andere organisatie")


def _tell_participants(meeting: Meeting, participants: list[MeetingParticipant],
                       recorder: Professional) -> None:
    """Participants with an account hear there is a record to read (no family name: titles are mailed)."""
    recipients = [p.professional for p in participants
                  if p.professional_id and p.professional_id != recorder.pk]
    title = ("U bent deelnemer aan een MDO" if meeting.kind == MeetingKind.MDO
             else "U bent geraadpleegd in een collegiale consultatie")
    notify(recipients, Message(kind="overleg", title=title,
                               body="Het verslag en de afgesproken acties staan in Ketenzicht.",
                               link=meeting_link(meeting), subject_key=f"{meeting.uuid}:deelnemer"))


# --- Seeing -----------------------------------------------------------------------------------------

def visible_meetings(professional: Professional) -> QuerySet[Meeting]:
    """The meetings of the team's cases, and those its organisation took part in; nothing else."""
    if not may_see_clients(professional):
        return Meeting.objects.none()
    organisation = professional.organisation_id
    took_part = MeetingParticipant.objects.filter(meeting=OuterRef("pk"), organisation_id=organisation)
    return Meeting.objects.filter(Q(case__team_id=organisation) | Exists(took_part))


def is_of_the_team(professional: Professional, meeting: Meeting) -> bool:
    """The case's team sees the whole case; an invited organisation only the meeting record."""
    return professional.organisation_id == meeting.case.team_id


def open_meeting(professional: Professional, actor: Actor, meeting_uuid: UUID | str) -> Meeting | None:
    """The meeting record if the professional's organisation may see it; one audit event per member
    of the household either way (a missing meeting: one denied event), and the same None for a
    missing meeting and a forbidden one. A participant reading it takes it off their worklist."""
    meeting = (Meeting.objects.select_related("case__team", "household", "organised_by__user",
                                              "organised_by__organisation")
               .filter(uuid=meeting_uuid).first())
    allowed = meeting is not None and visible_meetings(professional).filter(pk=meeting.pk).exists()
    if not allowed:
        subjects = meeting_subjects(meeting) if meeting is not None else []
        record_many(actor, EventType.READ, subjects or [
            Subject(object_type=MEETING_OBJECT, object_id=str(meeting_uuid))],
            outcome=Outcome.DENIED, purpose="geen grondslag")
        return None
    team = is_of_the_team(professional, meeting)
    record_many(actor, EventType.READ, meeting_subjects(meeting, {"als": "team" if team else "deelnemer"}),
                purpose="casus van het team" if team else "deelnemer aan het overleg")
    MeetingParticipant.objects.filter(meeting=meeting, professional=professional,
                                      seen_at__isnull=True).update(seen_at=timezone.now())
    return meeting


def record_of(meeting: Meeting) -> tuple[list[MeetingParticipant], list[PlanAction]]:
    """What the meeting page shows: the participants and the actions agreed (two queries)."""
    participants = list(meeting.participants.select_related("organisation", "professional__user")
                        .prefetch_related("consent_given_by"))
    actions = list(meeting.actions.select_related("professional__user", "organisation"))
    return participants, actions


def meetings_of_case(case: Case) -> list[Meeting]:
    """The case's meetings, newest first, with their participants' organisations (two queries)."""
    participants = MeetingParticipant.objects.select_related("organisation").order_by("id")
    return list(case.meetings.order_by("-held_on", "-id")
                .prefetch_related(Prefetch("participants", queryset=participants)))


def organisations_of(meeting: Meeting) -> list[Organisation]:
    """The participants' organisations, each once (uses prefetched participants)."""
    return list({p.organisation_id: p.organisation for p in meeting.participants.all()}.values())


def unseen_participations(professional: Professional) -> QuerySet[MeetingParticipant]:
    """The meetings this professional took part in and has not opened yet (for the worklist)."""
    return (MeetingParticipant.objects.filter(professional=professional, seen_at__isnull=True)
            .exclude(meeting__organised_by=professional)
            .select_related("meeting__household").order_by("meeting__held_on", "id"))
