"""Working a match: who may see it, the matchregisseur's steps, and who the family's regisseur is.

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
from ketenzicht.notify.services import Message, notify
from ketenzicht.organisations.models import Municipality, Organisation, Professional, Role

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

PURPOSE_COORDINATOR = "matchregisseur van de match"
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
        return PURPOSE_COORDINATOR
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
        .select_related("match_coordinator", "district", "family_coordinator")
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


def _participating_organisations(match: Match) -> QuerySet[Organisation]:
    return Organisation.objects.filter(
        index_registrations__participations__match=match,
        index_registrations__status=RegistrationStatus.ACTIVE,
    ).distinct()


@transaction.atomic
def record_coordinated(
    professional: Professional, actor: Actor, match_uuid: UUID | str, *,
    family_coordinator_slug: str | None, parents_keep_regie: bool,
    now: datetime | None = None,
) -> Match:
    """The parties have agreed who the family's regisseur is (or that the parents keep regie).

    Contact made → coordinated; from new, recording the agreement also records the contact (it
    cannot be agreed without it). On a coordinated match it records a change of regisseur (the
    family's situation changes; ``coordinated_at`` keeps the first agreement). The regisseur is
    an organisation in the match or the matchregisseur itself. Every participant is told, each
    time, because everyone involved must always know who the regisseur is (1Gezin1Plan,
    domain.md §4).
    """
    now = now or timezone.now()
    match = _match_to_coordinate(professional, match_uuid,
                                 "Alleen de matchregisseur legt de afstemming vast.")
    slug = (family_coordinator_slug or "").strip()
    if parents_keep_regie and slug:
        _refuse(RefusalKind.INVALID, "regisseur-dubbel",
                "Kies óf een regisseur van het gezin, óf dat de ouders zelf regie voeren.",
                "regisseur")
    family_coordinator = None
    if not parents_keep_regie:
        if not slug:
            _refuse(RefusalKind.INVALID, "regisseur-ontbreekt",
                    "Leg vast wie de regisseur van het gezin is, of dat de ouders zelf regie "
                    "voeren.", "regisseur")
        family_coordinator = (
            _participating_organisations(match).filter(slug=slug).first()
            or Organisation.objects.filter(pk=match.match_coordinator_id, slug=slug).first()
        )
        if family_coordinator is None:
            _refuse(RefusalKind.INVALID, "regisseur-niet-betrokken",
                    "De regisseur van het gezin moet een betrokken organisatie of de "
                    "matchregisseur zijn.", "regisseur")
    if match.status == MatchStatus.COORDINATED and (
        match.family_coordinator_id == (family_coordinator.id if family_coordinator else None)
        and match.parents_keep_regie == parents_keep_regie
    ):
        _refuse(RefusalKind.INVALID, "al-afgestemd",
                "Deze regie is al vastgelegd voor deze match.", "regisseur")
    if match.status == MatchStatus.NEW:
        match.contact_made_at = now
    if match.status != MatchStatus.COORDINATED:
        match.status, match.coordinated_at = MatchStatus.COORDINATED, now
    match.family_coordinator, match.parents_keep_regie = family_coordinator, parents_keep_regie
    match.save(update_fields=["status", "contact_made_at", "coordinated_at", "family_coordinator",
                              "parents_keep_regie"])
    record_match_event(actor, EventType.UPDATE, match, purpose="afstemming vastgelegd door "
                       "matchregisseur", detail={
                           "status": match.status,
                           "regisseur": family_coordinator.slug if family_coordinator else "ouders",
                       })
    _tell_participants_the_regisseur(match, family_coordinator, now)
    return match


def regisseur_line(match: Match, family_coordinator: Organisation | None) -> str:
    """Who the family's regisseur is, in one Dutch sentence with how to reach them."""
    if family_coordinator is None:
        return (f"De ouders voeren zelf regie. Matchregisseur: {match.match_coordinator.name}.")
    reach = ", ".join(x for x in (family_coordinator.phone, family_coordinator.email) if x)
    return f"Regisseur van het gezin: {family_coordinator.name}" + (f" ({reach})." if reach else ".")


def _tell_participants_the_regisseur(
    match: Match, family_coordinator: Organisation | None, now: datetime,
) -> None:
    registrants = Professional.objects.filter(
        index_registrations__participations__match=match,
        index_registrations__status=RegistrationStatus.ACTIVE,
    ).distinct().select_related("user")
    notify(registrants, Message(
        kind="verwijsindex-regisseur", title="Regisseur van het gezin vastgelegd",
        body=regisseur_line(match, family_coordinator),
        link=f"/verwijsindex/matches/{match.uuid}/",
        subject_key=f"{match.uuid}:regisseur:{now.timestamp():.0f}",
    ))


__all__ = [
    "MATCH_OBJECT", "MUNICIPALITY_TYPE", "PURPOSE_COORDINATOR", "PURPOSE_PARTICIPANT",
    "PURPOSE_REGIEVOERDER", "is_regievoerder_of", "match_participants", "matches_of",
    "open_match", "record_contact", "record_coordinated", "record_match_event", "regievoerders",
    "visible_match", "youth_uuids",
]
