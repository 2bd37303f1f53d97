"""The household's regisseur: appoint, change by warm handover, end, and read (domain.md §4).

One household, one regisseur (1Gezin1Plan). The regisseur is always a named professional: the
one who carries the regie (``LeadChoice(professional=…)``), or, when the parents keep regie
themselves, the named back-up professional with the agreements
(``LeadChoice(professional=backup, parents_keep_regie=True, agreements=…)``). Where it was agreed
— a verwijsindex match, the household plan, a case — is only its source (``Source``): the match
and the plan record and read the same ``HouseholdLead`` row.

The signatures the chain apps use (all keyword-safe, each one transaction, audited per current
member of the household, notified, refusing with ``Refused`` and a Dutch message)::

    appoint(by, actor, household, choice, source, *, now=None) -> HouseholdLead
        The first regisseur. Refused (conflict, code ``regisseur-bestaat``, ``existing_uuid`` the
        current lead) when the household has one: then ``propose_change``.
    propose_change(by, actor, household, choice, source, *, reason="", coordinating=False,
                   now=None) -> LeadHandover
        A warm handover: the current regisseur stays until the proposed professional accepts.
        One pending per household. Only a client professional of the current regisseur's
        organisation proposes (``may_change``), or whoever the calling chain app vouches for
        with ``coordinating=True`` (the matchregisseur). Proposing oneself is accepted at once.
    accept_change(by, actor, handover, *, now=None) -> HouseholdLead
        Calls ``hooks.lead_started`` (``plans``: the new regisseur's organisation joins the open
        plan) in the same transaction.
    decline_change(by, actor, handover, *, reason, now=None) -> LeadHandover
        By the proposed professional (or a teamleider of their organisation). Declined, the
        current regisseur simply stays.
    end(by, actor, household, *, reason, now=None) -> HouseholdLead
        Only when nothing needs a regisseur any more: refused while a change waits and while any
        registered need (``hooks.register_need``: ``plans`` registers the open household plan)
        gives a reason.
    current_lead(household) -> HouseholdLead | None
    pending_change(household) -> LeadHandover | None
    leads_for_households(household_ids) -> dict[int, HouseholdLead]   (one query, for lists)
    leads_for_persons(person_ids) -> dict[int, HouseholdLead]         (one query, by member)
    lead_contact(lead) -> LeadContact                                  (how to reach them)

Rules on the choice: the named professional works with clients at an active organisation that
can take responsibility for help (``organisations.services.CARES_FOR_FAMILIES``: never a school
or the police, also not as the parents' back-up), and that organisation is the recorder's own,
one a chain app offers (``hooks.register_candidates``:
the plan's members, the municipality's case-holding teams) or involved with the household (an
active access basis on a member: the match's participants); when the parents keep regie the
agreements are required; when a
professional carries the regie, the family's preference is recorded (the regisseur is chosen
with the family). Who may appoint the first regisseur is the calling chain app's rule (the
matchregisseur of a match, the holder of the household's case or plan): ``leads`` checks only
that the recorder works with clients.

Every involved professional hears of a new regisseur (``hooks.register_involvement``; notice
titles never name the family: they are e-mailed).
"""

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from ketenzicht.access.households import involved_organisation_ids, is_involved_with_household
from ketenzicht.access.services import organisations_seeing_household
from ketenzicht.audit.models import EventType, Outcome
from ketenzicht.audit.services import Actor, Subject, record_many
from ketenzicht.notify.services import Message, notify
from ketenzicht.organisations.models import CLIENT_ROLES, Organisation, Professional, Role
from ketenzicht.organisations.services import CARES_FOR_FAMILIES, cares_for_families
from ketenzicht.people.models import Household, HouseholdMembership
from ketenzicht.refusals import RefusalKind, Refused

from . import hooks
from .models import AgreedVia, HouseholdLead, LeadHandover, LeadKind

LEAD_OBJECT = "regisseur"


@dataclass(frozen=True)
class LeadChoice:
    """Who carries the regie: a named professional, or the parents with a named back-up."""

    professional: Professional
    parents_keep_regie: bool = False
    family_preference: str = ""
    agreements: str = ""

    @property
    def kind(self) -> str:
        return LeadKind.PARENTS if self.parents_keep_regie else LeadKind.PROFESSIONAL


@dataclass(frozen=True)
class Source:
    """Where the regisseur was agreed: a label (``AgreedVia`` or free) and the source's uuid."""

    label: str
    uuid: UUID | str | None = None


@dataclass(frozen=True)
class LeadContact:
    """What every involved professional may know of the regisseur: who and how to reach them,
    and, when the parents keep regie themselves, the agreements (visible to all involved:
    domain.md §4)."""

    name: str
    organisation: str
    organisation_slug: str
    phone: str
    email: str
    parents_keep_regie: bool
    has_agreements: bool
    since: date
    agreements: str = ""


def refuse(code: str, message: str, field: str = "", kind: RefusalKind = RefusalKind.INVALID,
           existing_uuid: str = ""):
    raise Refused(kind, code, message, field, existing_uuid)


# --- Reading ----------------------------------------------------------------------------------


def _leads():
    return HouseholdLead.objects.select_related("professional__user", "organisation")


def current_lead(household: Household) -> HouseholdLead | None:
    return _leads().filter(household=household, ended_at__isnull=True).first()


def pending_change(household: Household) -> LeadHandover | None:
    return (LeadHandover.objects.select_related("professional__user", "organisation", "lead",
                                                "proposed_by__user")
            .filter(household=household, accepted_at__isnull=True, declined_at__isnull=True).first())


def leads_for_households(household_ids) -> dict[int, HouseholdLead]:
    """The current regisseur of each of these households that has one, in one query."""
    ids = list(household_ids)
    if not ids:
        return {}
    return {lead.household_id: lead
            for lead in _leads().filter(household_id__in=ids, ended_at__isnull=True)}


def leads_for_persons(person_ids) -> dict[int, HouseholdLead]:
    """The current regisseur of each person's current household (persons without one left
    out), in one query: for lists of matches or signals, which are about persons."""
    ids = list(person_ids)
    if not ids:
        return {}
    found = _leads().filter(
        ended_at__isnull=True, household__memberships__person_id__in=ids,
        household__memberships__until__isnull=True,
    ).annotate(member_id=F("household__memberships__person_id"))
    return {lead.member_id: lead for lead in found}


def lead_contact(lead: HouseholdLead) -> LeadContact:
    """The regisseur's (or back-up's) name and organisation, and their own phone and e-mail,
    else the organisation's."""
    professional, organisation = lead.professional, lead.organisation
    return LeadContact(
        name=professional.display_name, organisation=organisation.name,
        organisation_slug=organisation.slug,
        phone=professional.phone or organisation.phone,
        email=professional.user.email or organisation.email,
        parents_keep_regie=lead.parents_keep_regie, has_agreements=bool(lead.agreements),
        since=timezone.localdate(lead.started_at),
        agreements=lead.agreements if lead.parents_keep_regie else "",
    )


def handover_by_uuid(handover_uuid: UUID | str) -> LeadHandover | None:
    try:
        return (LeadHandover.objects.select_related("household", "lead__professional__user",
                                                    "lead__organisation", "professional__user",
                                                    "organisation", "proposed_by__user")
                .filter(uuid=handover_uuid).first())
    except (ValidationError, ValueError):
        return None


def candidate_organisation_ids(household: Household, by: Professional) -> set[int]:
    """The organisations a regisseur may be offered from: the recorder's own and those the chain
    apps name (``hooks.register_candidates``: the plan's members, the municipality's case-holding
    teams). Never derived from access bases: an organisation with a basis on one member only (the
    adult care of a parent) is not offered by that alone."""
    return hooks.candidate_organisations(household, by) | {by.organisation_id}


def candidates(household: Household, by: Professional) -> list[Professional]:
    """Who may be named regisseur or back-up: the client professionals of the candidate
    organisations (``candidate_organisation_ids``) that can take responsibility for help
    (``organisations.services.CARES_FOR_FAMILIES``: never the school or the police)."""
    organisation_ids = candidate_organisation_ids(household, by)
    caring = Organisation.objects.filter(CARES_FOR_FAMILIES, pk__in=organisation_ids).values("pk")
    return list(
        Professional.objects.filter(organisation_id__in=caring, role__in=CLIENT_ROLES,
                                    user__is_active=True, organisation__is_active=True)
        .select_related("user", "organisation")
        .order_by("organisation__name", "user__last_name", "user__first_name", "id")
    )


def household_for_change(professional: Professional, actor: Actor,
                         household_uuid: UUID | str) -> Household | None:
    """The household, when the professional may propose a change of its regisseur (of the
    current regisseur's organisation); its opening audited per member. None otherwise, without
    an event: the caller then opens the household the ordinary way (which audits)."""
    try:
        household = Household.objects.filter(uuid=household_uuid).first()
    except (ValidationError, ValueError):
        return None
    lead = current_lead(household) if household is not None else None
    if lead is None or not may_change(professional, lead):
        return None
    _record(actor, EventType.READ, household, str(lead.uuid),
            "regisseur wisselen: organisatie van de regisseur", {})
    return household


def open_handover(professional: Professional, actor: Actor, handover_uuid: UUID | str) -> LeadHandover | None:
    """A proposed change, for the proposed professional (or their teamleider), the proposer and
    the current regisseur's organisation; audited per member of the household, a refused
    attempt too. None for missing and not allowed alike."""
    handover = handover_by_uuid(handover_uuid)
    allowed = handover is not None and (
        may_answer(professional, handover) or professional.pk == handover.proposed_by_id
        or may_change(professional, handover.lead))
    if handover is not None:
        _record(actor, EventType.READ, handover.household, str(handover.uuid),
                "wissel van regisseur ingezien" if allowed else "geen grondslag", {},
                outcome=Outcome.SUCCESS if allowed else Outcome.DENIED)
    else:
        subject = Subject(object_type=LEAD_OBJECT, object_id=str(handover_uuid)[:64])
        record_many(actor, EventType.READ, [subject], purpose="geen grondslag", outcome=Outcome.DENIED)
    return handover if allowed else None


# --- Who may -----------------------------------------------------------------------------------


def _is_active_client_professional(professional: Professional) -> bool:
    return (professional.role in CLIENT_ROLES and professional.user.is_active
            and professional.organisation.is_active)


def may_change(professional: Professional, lead: HouseholdLead) -> bool:
    """A client professional of the current regisseur's organisation (its teamleider included)
    proposes a change of regisseur."""
    return (_is_active_client_professional(professional)
            and professional.organisation_id == lead.organisation_id)


def may_answer(professional: Professional, handover: LeadHandover) -> bool:
    """The proposed professional, or a teamleider of their organisation, accepts or declines."""
    if not _is_active_client_professional(professional):
        return False
    return professional.pk == handover.professional_id or (
        professional.role == Role.TEAM_LEAD and professional.organisation_id == handover.organisation_id)


def _check_recorder(by: Professional) -> None:
    if not _is_active_client_professional(by):
        refuse("geen-clientwerk", "Alleen professionals die met cliënten werken leggen een regisseur vast.",
               kind=RefusalKind.FORBIDDEN)


def _account_stays_active(professional: Professional) -> bool:
    """Whether the account is active, its row locked: a deactivation at this moment waits for
    this choice, or this one sees the account inactive (``leavers``)."""
    return type(professional.user)._default_manager.select_for_update().filter(
        pk=professional.user_id, is_active=True).exists()


def _check_choice(by: Professional, household: Household, choice: LeadChoice) -> None:
    named = choice.professional
    if not _is_active_client_professional(named) or not _account_stays_active(named):
        refuse("regisseur-ongeldig",
               "De regisseur (of achtervang) moet een actieve professional van een actieve "
               "organisatie zijn die met cliënten werkt.", "professional")
    offered = candidate_organisation_ids(household, by)
    if named.organisation_id not in offered and not is_involved_with_household(named.organisation, household):
        refuse("regisseur-niet-betrokken",
               f"{named.organisation.name} is niet betrokken bij dit huishouden; kies een "
               "professional van een betrokken organisatie.", "professional")
    if not cares_for_families(named.organisation):
        role = "als achtervang" if choice.parents_keep_regie else "als regisseur"
        refuse("regisseur-geen-hulporganisatie",
               f"{named.organisation.name} kan geen verantwoordelijkheid voor hulp aan het gezin nemen: "
               f"kies {role} een professional van een organisatie die hulp biedt (zoals het "
               "CJG-Jeugdteam, het sociaal gebiedsteam of de jeugdgezondheidszorg).", "professional")
    if choice.parents_keep_regie and not choice.agreements.strip():
        refuse("afspraken-ontbreken",
               "Leg de afspraken vast als de ouders zelf regie voeren.", "agreements")
    if not choice.parents_keep_regie and not choice.family_preference.strip():
        refuse("voorkeur-gezin-ontbreekt",
               "Leg vast wat het gezin wil: de regisseur wordt met het gezin gekozen.",
               "family_preference")


# --- Auditing and telling ------------------------------------------------------------------------


def _member_uuids(household: Household) -> list[str]:
    return [str(u) for u in HouseholdMembership.objects.filter(
        household=household, until__isnull=True).values_list("person__uuid", flat=True)]


def _record(actor: Actor, event_type: str, household: Household, object_id: str, purpose: str,
            detail: dict, outcome: str = Outcome.SUCCESS) -> None:
    record_many(actor, event_type, [
        Subject(client_pseudonym=pseudonym, object_type=LEAD_OBJECT, object_id=object_id,
                detail=detail)
        for pseudonym in _member_uuids(household) or [""]
    ], purpose=purpose, outcome=outcome)


def household_link(household: Household) -> str:
    return f"/huishoudens/{household.uuid}/"


def handover_link(handover: LeadHandover) -> str:
    return f"/regisseur/wissels/{handover.uuid}/"


def involved_professionals(household: Household) -> list[Professional]:
    """Everyone who hears of a new regisseur: the professionals the chain apps name as
    personally involved, and, for an involved organisation none of whose professionals is named,
    its teamleiders and aandachtsfunctionarissen (or, without those, its client professionals)."""
    organisation_ids = involved_organisation_ids(household)
    named = hooks.personally_involved(household)
    active = Professional.objects.filter(user__is_active=True, role__in=CLIENT_ROLES,
                                         organisation__is_active=True).select_related("user")
    chosen = {p.pk: p for p in active.filter(pk__in=named)} if named else {}
    uncovered = organisation_ids - {p.organisation_id for p in chosen.values()}
    if uncovered:
        leaders = list(active.filter(organisation_id__in=uncovered,
                                     role__in=(Role.TEAM_LEAD, Role.SAFEGUARDING_LEAD)))
        leaderless = uncovered - {p.organisation_id for p in leaders}
        staff = list(active.filter(organisation_id__in=leaderless)) if leaderless else []
        chosen.update({p.pk: p for p in [*leaders, *staff]})
    return sorted(chosen.values(), key=lambda p: p.pk)


def _contact_line(lead_or_handover) -> str:
    professional, organisation = lead_or_handover.professional, lead_or_handover.organisation
    reach = ", ".join(x for x in (professional.phone or organisation.phone,
                                  professional.user.email or organisation.email) if x)
    who = f"{professional.display_name}, {organisation.name}" + (f" ({reach})" if reach else "")
    if lead_or_handover.kind == LeadKind.PARENTS:
        return f"De ouders voeren zelf regie; achtervang: {who}. De afspraken zijn vastgelegd."
    return f"Regisseur: {who}."


def _tell_new_lead(lead: HouseholdLead, extra: list[Professional], told_apart: Collection[int] = ()) -> None:
    """Everyone involved hears who the regisseur is; the link to the household page only goes to
    those whose organisation may open it (a registration alone shows the person, not the page)."""
    recipients = {p.pk: p for p in [*involved_professionals(lead.household), *extra]
                  if p.pk not in told_apart}
    seeing = organisations_seeing_household(lead.household, {p.organisation_id for p in recipients.values()})
    for may_open in (True, False):
        notify([p for p in recipients.values() if (p.organisation_id in seeing) == may_open], Message(
            kind="regisseur-nieuw", title="Nieuwe regisseur voor een huishouden",
            body=_contact_line(lead), link=household_link(lead.household) if may_open else "",
            subject_key=f"{lead.uuid}:nieuw",
        ))


# --- Changing ----------------------------------------------------------------------------------


def _lock_current(household: Household) -> HouseholdLead | None:
    return (HouseholdLead.objects.select_for_update(of=("self",))
            .select_related("professional__user", "organisation", "household")
            .filter(household=household, ended_at__isnull=True).first())


def _create_lead(household: Household, choice: LeadChoice, source: Source, by: Professional,
                 now: datetime) -> HouseholdLead:
    return HouseholdLead.objects.create(
        household=household, kind=choice.kind, professional=choice.professional,
        organisation=choice.professional.organisation,
        family_preference=choice.family_preference.strip(), agreements=choice.agreements.strip(),
        started_at=now, agreed_via=source.label[:40], agreed_via_uuid=source.uuid or None,
        appointed_by=by,
    )


def _exists(lead: HouseholdLead) -> None:
    refuse("regisseur-bestaat",
           f"Dit huishouden heeft al een regisseur: {lead.professional.display_name} "
           f"({lead.organisation.name}). Een andere regisseur gaat via een warme overdracht.",
           "professional", RefusalKind.CONFLICT, str(lead.uuid))


@transaction.atomic
def appoint(by: Professional, actor: Actor, household: Household, choice: LeadChoice,
            source: Source, *, told_apart: Collection[int] = (),
            now: datetime | None = None) -> HouseholdLead:
    """Record the household's first regisseur (or that the parents keep regie, with back-up).

    ``told_apart``: professionals the calling chain app tells itself, on a page they can open
    (the match's registrants): they get no second notice of the same regisseur."""
    now = now or timezone.now()
    _check_recorder(by)
    _check_choice(by, household, choice)
    existing = _lock_current(household)
    if existing is not None:
        _exists(existing)
    try:
        with transaction.atomic():
            lead = _create_lead(household, choice, source, by, now)
    except IntegrityError:
        # Another writer appointed one a moment ago: the partial unique index held it back.
        other = _lock_current(household)
        if other is not None:
            _exists(other)
        refuse("regisseur-bestaat", "Dit huishouden kreeg zojuist een regisseur; laad de pagina opnieuw.",
               kind=RefusalKind.CONFLICT)
    _record(actor, EventType.CREATE, household, str(lead.uuid), "regisseur vastgelegd",
            {"soort": lead.kind, "organisatie": lead.organisation.slug, "via": lead.agreed_via})
    _tell_new_lead(lead, [choice.professional], told_apart)
    return lead


@transaction.atomic
def propose_change(by: Professional, actor: Actor, household: Household, choice: LeadChoice,
                   source: Source, *, reason: str = "", coordinating: bool = False,
                   now: datetime | None = None) -> LeadHandover:
    """Propose another regisseur; the current one stays until the proposed one accepts.

    ``coordinating``: the calling chain app has established that ``by`` coordinates the
    household's regie there (the matchregisseur of a match on the household), so ``by`` may
    propose although not of the current regisseur's organisation. The proposed professional
    still has to accept.
    """
    now = now or timezone.now()
    # Lock order as ``leavers``: the named account before the lead row, so a proposal and a
    # deactivation at the same moment queue instead of deadlocking.
    _account_stays_active(choice.professional)
    lead = _lock_current(household)
    if lead is None:
        refuse("geen-regisseur", "Dit huishouden heeft nog geen regisseur: leg er eerst een vast.")
    if not coordinating and not may_change(by, lead):
        refuse("geen-wissel-toegestaan",
               f"Alleen {lead.organisation.name}, de organisatie van de huidige regisseur, kan "
               "een andere regisseur voorstellen.", kind=RefusalKind.FORBIDDEN)
    _check_choice(by, household, choice)
    if choice.professional.pk == lead.professional_id and choice.kind == lead.kind:
        refuse("al-regisseur", f"{lead.professional.display_name} is al de regisseur van dit huishouden.",
               "professional")
    try:
        with transaction.atomic():
            handover = LeadHandover.objects.create(
                household=household, lead=lead, kind=choice.kind, professional=choice.professional,
                organisation=choice.professional.organisation,
                family_preference=choice.family_preference.strip(),
                agreements=choice.agreements.strip(), reason=reason.strip(),
                agreed_via=source.label[:40], agreed_via_uuid=source.uuid or None,
                proposed_by=by, proposed_at=now,
            )
    except IntegrityError:
        handover = None
    if handover is None:
        refuse("wissel-loopt", "Er wacht al een wissel van regisseur op antwoord.",
               kind=RefusalKind.CONFLICT)
    _record(actor, EventType.CREATE, household, str(handover.uuid), "wissel van regisseur voorgesteld",
            {"soort": handover.kind, "organisatie": handover.organisation.slug})
    if choice.professional.pk == by.pk:
        # Proposing oneself is agreeing to it: the handover completes at once.
        accept_change(by, actor, handover, now=now)
        handover.refresh_from_db()
        return handover
    notify([choice.professional], Message(
        kind="regisseur-gevraagd", title="U wordt gevraagd als regisseur van een huishouden",
        body=(f"{by.display_name} ({by.organisation.name}) vraagt u de regie over te nemen. "
              "Tot u aanneemt blijft de huidige regisseur verantwoordelijk."),
        link=handover_link(handover), subject_key=f"{handover.uuid}:gevraagd",
    ))
    return handover


def _locked_pending(handover: LeadHandover) -> LeadHandover:
    handover = (LeadHandover.objects.select_for_update(of=("self",))
                .select_related("household", "lead__professional__user", "lead__organisation",
                                "professional__user", "organisation", "proposed_by__user")
                .get(pk=handover.pk))
    if not handover.is_pending:
        refuse("wissel-afgehandeld", "Deze wissel van regisseur is al afgehandeld.",
               kind=RefusalKind.CONFLICT)
    return handover


@transaction.atomic
def accept_change(by: Professional, actor: Actor, handover: LeadHandover, *,
                  now: datetime | None = None) -> HouseholdLead:
    """The proposed professional takes the regie over: the old regisseur ends, the new starts."""
    now = now or timezone.now()
    handover = _locked_pending(handover)
    if not may_answer(by, handover):
        refuse("geen-ontvanger", "Alleen de voorgestelde regisseur (of diens teamleider) kan "
               "de regie aannemen.", kind=RefusalKind.FORBIDDEN)
    old = HouseholdLead.objects.select_for_update().get(pk=handover.lead_id)
    old.ended_at = now
    old.end_reason = (f"Warm overgedragen aan {handover.professional.display_name} "
                      f"({handover.organisation.name}).")
    old.save(update_fields=["ended_at", "end_reason"])
    lead = _create_lead(handover.household, LeadChoice(
        professional=handover.professional, parents_keep_regie=handover.kind == LeadKind.PARENTS,
        family_preference=handover.family_preference, agreements=handover.agreements,
    ), Source(handover.agreed_via or AgreedVia.HANDOVER, handover.agreed_via_uuid), handover.proposed_by, now)
    handover.accepted_at = now
    handover.save(update_fields=["accepted_at"])
    _record(actor, EventType.UPDATE, handover.household, str(lead.uuid), "regie warm overgedragen",
            {"van": old.organisation.slug, "naar": lead.organisation.slug, "soort": lead.kind})
    hooks.lead_started(lead, by, actor, now)
    _tell_new_lead(lead, [handover.lead.professional, handover.proposed_by, handover.professional])
    return lead


@transaction.atomic
def decline_change(by: Professional, actor: Actor, handover: LeadHandover, *, reason: str,
                   now: datetime | None = None) -> LeadHandover:
    """The proposed professional declines: the current regisseur stays."""
    now = now or timezone.now()
    handover = _locked_pending(handover)
    if not may_answer(by, handover):
        refuse("geen-ontvanger", "Alleen de voorgestelde regisseur (of diens teamleider) kan "
               "de regie afwijzen.", kind=RefusalKind.FORBIDDEN)
    if not reason.strip():
        refuse("reden-ontbreekt", "Geef aan waarom u de regie niet overneemt.", "reason")
    handover.declined_at, handover.decline_reason = now, reason.strip()
    handover.save(update_fields=["declined_at", "decline_reason"])
    _record(actor, EventType.UPDATE, handover.household, str(handover.uuid),
            "wissel van regisseur afgewezen", {"organisatie": handover.organisation.slug})
    # The reason is free text that may name the family: it stays on the handover, not in the notice.
    recipients = {p.pk: p for p in (handover.proposed_by, handover.lead.professional)}
    notify(recipients.values(), Message(
        kind="regisseur-afgewezen", title="Wissel van regisseur afgewezen",
        body=(f"{handover.professional.display_name} neemt de regie niet over; de reden staat bij de "
              f"wissel. De regisseur blijft {handover.lead.professional.display_name}."),
        link=handover_link(handover), subject_key=f"{handover.uuid}:afgewezen",
    ))
    return handover


@transaction.atomic
def end(by: Professional, actor: Actor, household: Household, *, reason: str,
        now: datetime | None = None) -> HouseholdLead:
    """End the regie when the household no longer needs a regisseur.

    Refused while a change waits, and while any registered need gives a reason (an open
    household plan, from ``plans``): a household is never left without a regisseur while
    something still asks for one.
    """
    now = now or timezone.now()
    lead = _lock_current(household)
    if lead is None:
        refuse("geen-regisseur", "Dit huishouden heeft geen regisseur.", kind=RefusalKind.CONFLICT)
    if not may_change(by, lead):
        refuse("geen-wissel-toegestaan",
               f"Alleen {lead.organisation.name}, de organisatie van de regisseur, beëindigt de regie.",
               kind=RefusalKind.FORBIDDEN)
    if not reason.strip():
        refuse("reden-ontbreekt", "Geef aan waarom het huishouden geen regisseur meer nodig heeft.",
               "reason")
    if LeadHandover.objects.filter(household=household, accepted_at__isnull=True,
                                   declined_at__isnull=True).exists():
        refuse("wissel-loopt", "Er wacht een wissel van regisseur op antwoord; handel die eerst af.",
               kind=RefusalKind.CONFLICT)
    needed = hooks.reasons_still_needed(household)
    if needed:
        refuse("regisseur-nodig", "Het huishouden heeft nog een regisseur nodig: " + "; ".join(needed),
               kind=RefusalKind.CONFLICT)
    lead.ended_at, lead.end_reason = now, reason.strip()[:300]
    lead.save(update_fields=["ended_at", "end_reason"])
    _record(actor, EventType.UPDATE, household, str(lead.uuid), "regie beëindigd",
            {"organisatie": lead.organisation.slug})
    recipients = {p.pk: p for p in [*involved_professionals(household), lead.professional]}
    notify(recipients.values(), Message(
        kind="regisseur-beeindigd", title="Regie van een huishouden beëindigd",
        # The reason is free text that may name the family: it stays on the record.
        body=f"{lead.professional.display_name} ({lead.organisation.name}) is geen regisseur meer. "
             "De reden is vastgelegd bij de regie.",
        link=household_link(household), subject_key=f"{lead.uuid}:beeindigd",
    ))
    return lead


__all__ = [
    "LEAD_OBJECT",
    "LeadChoice",
    "LeadContact",
    "Source",
    "accept_change",
    "appoint",
    "candidates",
    "current_lead",
    "decline_change",
    "end",
    "handover_by_uuid",
    "involved_professionals",
    "lead_contact",
    "leads_for_households",
    "may_answer",
    "may_change",
    "open_handover",
    "pending_change",
    "propose_change",
]
