"""Working a match: who may see it, the matchregisseur's steps, and who the family's regisseur is
(the household's one regisseur, kept in ``leads`` beside ``access``).

A match shows which organisations are involved with a youth (or a family) and how to reach
them, so it is client data: only the organisations in it, the matchregisseur and the
municipality's regievoerder (who receives escalations) see it. Everyone else gets None, the same
answer as for a match that does not exist, so nobody learns that a youth is registered.

Every state change is one function here that checks, writes, audits and notifies in one
transaction (domain.md §2, §4 "één regisseur"). Audit events carry the youth's pseudonym: one
event per youth of a family match, so each youth's access report is complete.
"""

from collections.abc import Iterable
from datetime import datetime
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Case, IntegerField, OuterRef, Q, QuerySet, Subquery, Value, When
from django.utils import timezone

from ketenzicht.access.services import may_see_clients
from ketenzicht.audit.models import EventType, Outcome
from ketenzicht.audit.services import Actor, Subject, record
from ketenzicht.leads import services as leads
from ketenzicht.leads.models import AgreedVia, HouseholdLead, LeadHandover
from ketenzicht.notify.services import Message, notify
from ketenzicht.organisations.models import (
    CLIENT_ROLES,
    Municipality,
    Professional,
    Role,
)
from ketenzicht.people.models import Household
from ketenzicht.people.services import current_household

from .errors import RefusalKind, RegistrationRefused
from .events import match_taken_up
from .models import (
    IndexRegistration,
    Match,
    MatchKind,
    MatchParticipation,
    MatchStatus,
    RegistrationStatus,
)
from .municipality import match_municipality_id

#: The organisation type of a municipality itself; its regievoerder oversees the index.
MUNICIPALITY_TYPE = "gemeente"
MATCH_OBJECT = "verwijsindex-match"

PURPOSE_MATCH_COORDINATOR = "matchregisseur van de match"
PURPOSE_PARTICIPANT = "betrokken organisatie in de match"
PURPOSE_REGIEVOERDER = "regievoerder verwijsindex van de gemeente"


def _refuse(kind: RefusalKind, code: str, message: str, field: str = "") -> None:
    raise RegistrationRefused(kind=kind, code=code, message=message, field=field)


# --- Who is who -------------------------------------------------------------------------------


def is_regievoerder_of(professional: Professional, municipality_id: int) -> bool:
    """The municipality's regievoerder: role regievoerder at an active organisation of type
    ``gemeente`` of that municipality."""
    organisation = professional.organisation
    return (
        professional.role == Role.CHAIN_DIRECTOR
        and organisation.is_active
        and organisation.type.slug == MUNICIPALITY_TYPE
        and organisation.municipality_id == municipality_id
    )


def regievoerders(municipality: Municipality | int) -> QuerySet[Professional]:
    """Everyone who receives the municipality's escalations."""
    return Professional.objects.filter(
        role=Role.CHAIN_DIRECTOR, organisation__type__slug=MUNICIPALITY_TYPE,
        organisation__municipality=municipality, organisation__is_active=True,
        user__is_active=True,
    ).select_related("user")


def youth_uuids(match: Match) -> list[str]:
    """The pseudonyms an event about this match is recorded under.

    A client match is keyed by its youth. A family match is keyed by the shared parent, but it
    is about the registered children: one pseudonym per participating youth.
    """
    return youth_uuids_of([match])


def youth_uuids_of(matches: Iterable[Match]) -> list[str]:
    """``youth_uuids`` for many matches at once: one query for all family matches together."""
    matches = list(matches)
    uuids = [str(m.person.uuid) for m in matches if m.kind == MatchKind.CLIENT]
    families = [m for m in matches if m.kind != MatchKind.CLIENT]
    if families:
        children = set(
            IndexRegistration.objects.filter(participations__match__in=families)
            .values_list("participations__match_id", "person__uuid")
        )
        for family in families:
            found = sorted(str(u) for match_id, u in children if match_id == family.id)
            uuids += found or [str(family.person.uuid)]
    return uuids


def record_match_event(
    actor: Actor, event_type: EventType, match: Match, *, purpose: str,
    outcome: Outcome = Outcome.SUCCESS, detail: dict | None = None,
    pseudonyms: list[str] | None = None,
) -> None:
    """One audit event per youth of the match, in the caller's transaction.

    ``pseudonyms`` when the caller took them before the participations changed.
    """
    for pseudonym in pseudonyms or youth_uuids(match):
        record(actor, event_type, Subject(
            client_pseudonym=pseudonym, object_type=MATCH_OBJECT, object_id=str(match.uuid),
            detail=detail or {},
        ), outcome=outcome, purpose=purpose)


def _match_by_uuid(match_uuid: UUID | str, *, lock: bool = False) -> Match | None:
    matches = Match.objects.select_for_update() if lock else Match.objects
    try:
        return matches.filter(uuid=match_uuid).first()
    except (ValidationError, ValueError):
        return None  # not a uuid: the same answer as a match that does not exist


def _why_visible(professional: Professional, match: Match) -> str:
    """The basis on which the professional sees the match, in Dutch; "" when there is none.

    Participants are organisations with an ACTIVE registration in the match: once a
    registration has ended (risk gone, term passed), the organisation is no longer involved and
    no longer sees the match, nor the others' contact details in it.
    """
    if not may_see_clients(professional):
        return ""
    organisation = professional.organisation
    if match.match_coordinator_id == organisation.id:
        return PURPOSE_MATCH_COORDINATOR
    if MatchParticipation.objects.filter(
        match=match, registration__organisation=organisation,
        registration__status=RegistrationStatus.ACTIVE,
    ).exists():
        return PURPOSE_PARTICIPANT
    if is_regievoerder_of(professional, match_municipality_id(match)):
        return PURPOSE_REGIEVOERDER
    return ""


# --- Reading ----------------------------------------------------------------------------------


def visible_match(professional: Professional, match_uuid: UUID | str) -> Match | None:
    """The match if the professional may see it; None for "missing" and "not allowed" alike."""
    match = _match_by_uuid(match_uuid)
    if match is None or not _why_visible(professional, match):
        return None
    return match


def open_match(professional: Professional, actor: Actor, match_uuid: UUID | str) -> Match | None:
    """Open a match with its audit events: READ success with the basis, or READ denied.

    A refused attempt on an existing match is recorded under its youths' pseudonyms, so it shows
    in their access report; the caller gets the same None as for a match nobody has.
    """
    match = _match_by_uuid(match_uuid)
    purpose = _why_visible(professional, match) if match is not None else ""
    if not purpose:
        pseudonyms = youth_uuids(match) if match is not None else [""]
        for pseudonym in pseudonyms:
            record(actor, EventType.READ, Subject(
                client_pseudonym=pseudonym, object_type=MATCH_OBJECT,
                object_id=str(match_uuid)[:64],
            ), outcome=Outcome.DENIED, purpose="geen grondslag")
        return None
    record_match_event(actor, EventType.READ, match, purpose=purpose)
    return match


def matches_of(professional: Professional) -> QuerySet[Match]:
    """The matches the organisation takes part in with an active registration or coordinates,
    open ones first. The regievoerder's escalated matches are listed on the regie page."""
    if not may_see_clients(professional):
        return Match.objects.none()
    organisation = professional.organisation
    participating = MatchParticipation.objects.filter(
        registration__organisation=organisation, registration__status=RegistrationStatus.ACTIVE,
    ).values("match_id")
    return (
        Match.objects.filter(Q(match_coordinator=organisation) | Q(id__in=participating))
        .select_related("match_coordinator", "district", "person")
        .annotate(is_closed=Case(When(status=MatchStatus.CLOSED, then=Value(1)), default=Value(0),
                                 output_field=IntegerField()))
        .order_by("is_closed", "-created_at", "-id")
    )


def match_participants(match: Match) -> list[IndexRegistration]:
    """The match's active registrations for display, each with ``joined_at``, earliest first.

    Organisation, contact person, phone, e-mail and status are on the registration itself. An
    ended registration is not listed: its contact details are shown to nobody.
    """
    joined = MatchParticipation.objects.filter(
        match=match, registration=OuterRef("pk")
    ).values("joined_at")[:1]
    return list(
        IndexRegistration.objects.filter(participations__match=match,
                                         status=RegistrationStatus.ACTIVE)
        .annotate(joined_at=Subquery(joined))
        .select_related("organisation")
        .order_by("joined_at", "organisation__name", "id")
    )


# --- The matchregisseur's steps ---------------------------------------------------------------


def _match_to_coordinate(professional: Professional, match_uuid: UUID | str, message: str) -> Match:
    """The match, locked, when the professional works for its matchregisseur.

    A match the professional may not see gets the same refusal, so the answer does not tell
    whether it exists.
    """
    match = _match_by_uuid(match_uuid, lock=True)
    if match is None or not may_see_clients(professional) \
            or match.match_coordinator_id != professional.organisation_id:
        _refuse(RefusalKind.FORBIDDEN, "geen-matchregisseur", message)
    if match.status == MatchStatus.CLOSED:
        _refuse(RefusalKind.INVALID, "match-gesloten", "Deze match is gesloten.", "status")
    return match


@transaction.atomic
def record_contact(
    professional: Professional, actor: Actor, match_uuid: UUID | str,
    now: datetime | None = None,
) -> Match:
    """The matchregisseur has contacted the organisations in the match: new → contact made."""
    now = now or timezone.now()
    match = _match_to_coordinate(professional, match_uuid,
                                 "Alleen de matchregisseur legt contact vast.")
    if match.status != MatchStatus.NEW:
        _refuse(RefusalKind.INVALID, "contact-al-vastgelegd",
                f"Het contact is al vastgelegd (status: {match.get_status_display()}).", "status")
    match.status, match.contact_made_at = MatchStatus.CONTACT_MADE, now
    match.save(update_fields=["status", "contact_made_at"])
    record_match_event(actor, EventType.UPDATE, match, purpose="contact gelegd door matchregisseur",
                       detail={"status": match.status})
    match_taken_up.send(sender=Match, match=match, professional=professional, actor=actor, now=now)
    return match


def coordination_candidates(match: Match) -> list[Professional]:
    """Who the matchregisseur may name as the family's regisseur (or as back-up when the
    parents keep regie): the registrant of each active registration in the match (the contact
    person the others know), the client professionals of the matchregisseur's own organisation,
    and the household's current regisseur."""
    registrants = Professional.objects.filter(
        index_registrations__participations__match=match,
        index_registrations__status=RegistrationStatus.ACTIVE,
    ).values("id")
    own = Professional.objects.filter(organisation_id=match.match_coordinator_id).values("id")
    household = household_of(match)
    current = leads.current_lead(household) if household is not None else None
    ids = Q(id__in=registrants) | Q(id__in=own)
    if current is not None:
        ids |= Q(id=current.professional_id)
    return list(
        Professional.objects.filter(ids, role__in=CLIENT_ROLES, user__is_active=True,
                                    organisation__is_active=True)
        .select_related("user", "organisation")
        .order_by("organisation__name", "user__last_name", "user__first_name", "id")
    )


def household_of(match: Match) -> Household | None:
    """The household the match's regisseur belongs to: that of the youth of a client match, or
    of the shared parent of a family match (who lives with the children)."""
    return current_household(match.person)


@transaction.atomic
def record_coordinated(
    professional: Professional, actor: Actor, match_uuid: UUID | str, *,
    choice: leads.LeadChoice, now: datetime | None = None,
) -> Match:
    """The parties have agreed, with the family, who the household's regisseur is — a named
    professional, or the parents themselves with a named back-up and their agreements.

    The regisseur is the household's one regisseur (``leads``), the same record the household
    plan uses: with none yet it is appointed; the same one again only marks the match as
    coordinated; another one is a warm handover (the current regisseur stays until the proposed
    professional accepts; proposing oneself completes it). The named professional is one of
    ``coordination_candidates``. Contact made → coordinated; from new, recording the agreement
    also records the contact. Every participant is told each time (domain.md §4: everyone
    involved must always know who the regisseur is).
    """
    now = now or timezone.now()
    match = _match_to_coordinate(professional, match_uuid,
                                 "Alleen de matchregisseur legt de afstemming vast.")
    household = household_of(match)
    if household is None:
        _refuse(RefusalKind.INVALID, "geen-huishouden",
                "Van deze jeugdige is geen huishouden bekend; een regisseur hoort bij een huishouden.",
                "regisseur")
    if choice.professional.pk not in {p.pk for p in coordination_candidates(match)}:
        _refuse(RefusalKind.INVALID, "regisseur-niet-betrokken",
                "De regisseur van het gezin moet een professional van een betrokken organisatie "
                "of van de matchregisseur zijn.", "regisseur")
    current = leads.current_lead(household)
    source = leads.Source(AgreedVia.MATCH, match.uuid)
    if current is None:
        lead, waiting = leads.appoint(professional, actor, household, choice, source, now=now,
                                      told_apart=set(_participants(match).values_list("pk", flat=True))), None
    elif current.professional_id == choice.professional.pk and current.kind == choice.kind:
        if match.status == MatchStatus.COORDINATED:
            _refuse(RefusalKind.INVALID, "al-afgestemd",
                    "Deze regie is al vastgelegd voor deze match.", "regisseur")
        lead, waiting = current, None
    else:
        handover = leads.propose_change(
            professional, actor, household, choice, source, coordinating=True, now=now,
            reason="Afgestemd in de verwijsindex-match.")
        lead = leads.current_lead(household)
        waiting = None if handover.accepted_at else handover
    if match.status == MatchStatus.NEW:
        match.contact_made_at = now
    if match.status != MatchStatus.COORDINATED:
        match.status, match.coordinated_at = MatchStatus.COORDINATED, now
    match.save(update_fields=["status", "contact_made_at", "coordinated_at"])
    record_match_event(actor, EventType.UPDATE, match, purpose="afstemming vastgelegd door "
                       "matchregisseur", detail={
                           "status": match.status, "regisseur": str(lead.uuid),
                           "soort": lead.kind, "wissel": str(waiting.uuid) if waiting else "",
                       })
    _tell_participants_the_regisseur(match, regisseur_line(lead, waiting), now)
    return match


def regisseur_line(lead: HouseholdLead, waiting: LeadHandover | None = None) -> str:
    """Who the family's regisseur is, in Dutch with how to reach them (and a change waiting)."""
    contact = leads.lead_contact(lead)
    reach = ", ".join(x for x in (contact.phone, contact.email) if x)
    who = f"{contact.name}, {contact.organisation}" + (f" ({reach})" if reach else "")
    line = (f"De ouders voeren zelf regie, met afspraken; achtervang: {who}." if contact.parents_keep_regie
            else f"Regisseur van het gezin: {who}.")
    if waiting is not None:
        line += (f" Wissel voorgesteld aan {waiting.professional.display_name} "
                 f"({waiting.organisation.name}); tot die aanneemt blijft de huidige regisseur.")
    return line


def _participants(match: Match) -> QuerySet[Professional]:
    """The professionals whose active registrations take part in the match."""
    return Professional.objects.filter(
        index_registrations__participations__match=match,
        index_registrations__status=RegistrationStatus.ACTIVE,
    ).distinct()


def _tell_participants_the_regisseur(match: Match, line: str, now: datetime) -> None:
    """The match's own notice (to its page, which every participant opens); ``leads`` leaves
    them out of its notice of a first regisseur."""
    notify(_participants(match).select_related("user"), Message(
        kind="verwijsindex-regisseur", title="Regisseur van het gezin vastgelegd",
        body=line, link=f"/verwijsindex/matches/{match.uuid}/",
        subject_key=f"{match.uuid}:regisseur:{now.timestamp():.0f}",
    ))


def attach_household_leads(matches: Iterable[Match]) -> list[Match]:
    """Set ``household_lead`` (the current regisseur or None) on each match, for list pages:
    one query for any number of matches."""
    matches = list(matches)
    current = leads.leads_for_persons({m.person_id for m in matches})
    for match in matches:
        match.household_lead = current.get(match.person_id)
    return matches


def registrants_of_household(household: Household) -> list[int]:
    """The professionals personally involved with the household through the verwijsindex: the
    registrants of the active registrations on its current members (``leads.hooks``)."""
    return list(IndexRegistration.objects.filter(
        status=RegistrationStatus.ACTIVE,
        person__memberships__household=household, person__memberships__until__isnull=True,
    ).values_list("registrant_id", flat=True).distinct())


__all__ = [
    "MATCH_OBJECT",
    "MUNICIPALITY_TYPE",
    "PURPOSE_MATCH_COORDINATOR",
    "PURPOSE_PARTICIPANT",
    "PURPOSE_REGIEVOERDER",
    "attach_household_leads",
    "coordination_candidates",
    "household_of",
    "is_regievoerder_of",
    "match_participants",
    "matches_of",
    "open_match",
    "record_contact",
    "record_coordinated",
    "record_match_event",
    "regievoerders",
    "regisseur_line",
    "registrants_of_household",
    "visible_match",
    "youth_uuids",
]
