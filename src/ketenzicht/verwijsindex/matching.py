"""Client and family matches (domain.md §2).

- Client match: two or more active registrations by different organisations on one youth. A
  later registration joins the open match; there is never more than one open match per youth.
- Family match: active registrations on different youths who share a parent (from the
  population register), by at least two organisations. Keyed by the shared parent; a
  registration on a sibling joins the open family match that already holds the family.

Every participant is told at once which other organisations are involved; the matchregisseur is
told that it coordinates. Notices carry no name of the youth and no contact details: the link
leads to the match page, which checks access, is audited and always shows the current contact
persons (an erased registration's details must not linger in a notice).
"""

from collections.abc import Iterable
from datetime import datetime

from ketenzicht.audit.models import EventType
from ketenzicht.audit.services import Actor, Subject, record
from ketenzicht.notify.services import Message, notify
from ketenzicht.organisations.models import CLIENT_ROLES, Organisation, Professional, Role
from ketenzicht.people.models import Person, Relation, RelationKind

from .coordination import coordinator_for
from .models import (
    OPEN_MATCH,
    IndexRegistration,
    Match,
    MatchKind,
    MatchParticipation,
    RegistrationStatus,
)


def _active(persons: Iterable[int]):
    return IndexRegistration.objects.filter(
        person_id__in=list(persons), status=RegistrationStatus.ACTIVE
    ).select_related("organisation__type", "registrant__user", "person")


def match_client(registration: IndexRegistration, actor: Actor, now: datetime) -> Match | None:
    """Open or join the youth's client match when another organisation is registered too."""
    registrations = list(_active([registration.person_id]))
    if len({r.organisation_id for r in registrations}) < 2:
        return None
    return _open_or_join(MatchKind.CLIENT, registration.person, registrations, registration,
                         actor, now)


def match_family(registration: IndexRegistration, actor: Actor, now: datetime) -> list[Match]:
    """Open or join a family match for each parent the youth shares with a registered sibling.

    Registrations on siblings lock different youths, so they serialise on the parents: all the
    youth's parents are locked, in id order, before the siblings' registrations are read. Two
    organisations registering Daan and Emma at the same moment: the second waits for the first
    to commit and then sees its registration (READ COMMITTED reads afresh per statement).
    """
    parent_ids = sorted(Relation.objects.filter(
        person=registration.person, kind=RelationKind.PARENT
    ).values_list("relative_id", flat=True))
    if not parent_ids:
        return []
    parents = list(Person.objects.select_for_update().filter(id__in=parent_ids).order_by("id"))
    siblings_registered = IndexRegistration.objects.filter(
        status=RegistrationStatus.ACTIVE, person__relations__kind=RelationKind.PARENT,
        person__relations__relative_id__in=parent_ids,
    ).exclude(person=registration.person)
    if not siblings_registered.exists():
        return []  # the common case
    matches: list[Match] = []
    for parent in parents:
        children = Relation.objects.filter(person=parent, kind=RelationKind.CHILD).values_list(
            "relative_id", flat=True
        )
        registrations = list(_active(children))
        youths = {r.person_id for r in registrations}
        organisations = {r.organisation_id for r in registrations}
        if len(youths) < 2 or len(organisations) < 2:
            continue
        held = _open_family_match_holding(registrations)
        if held is not None and held in matches:
            continue  # both parents are shared: one family match, not two
        matches.append(_open_or_join(MatchKind.FAMILY, parent, registrations, registration, actor,
                                     now, existing=held))
    return matches


def _open_family_match_holding(registrations: list[IndexRegistration]) -> Match | None:
    """The open family match already holding one of these registrations, locked."""
    return Match.objects.select_for_update(of=("self",)).filter(
        OPEN_MATCH, kind=MatchKind.FAMILY, participations__registration__in=registrations
    ).order_by("id").first()


def _open_or_join(
    kind: str, key: Person, registrations: list[IndexRegistration],
    trigger: IndexRegistration, actor: Actor, now: datetime, existing: Match | None = None,
) -> Match:
    match = existing or Match.objects.select_for_update().filter(
        OPEN_MATCH, kind=kind, person=key
    ).first()
    created = match is None
    if created:
        participants = _unique_organisations(registrations, first=trigger.organisation)
        match = Match.objects.create(
            kind=kind, person=key, district=trigger.district, created_at=now,
            match_coordinator=coordinator_for(trigger.district, trigger.organisation.municipality,
                                        participants),
        )
    joined = set(match.participations.values_list("registration_id", flat=True))
    newcomers = [r for r in registrations if r.id not in joined]
    MatchParticipation.objects.bulk_create(
        MatchParticipation(match=match, registration=r, joined_at=now) for r in newcomers
    )
    record(actor, EventType.CREATE if created else EventType.UPDATE,
           Subject(client_pseudonym=str(trigger.person.uuid), object_type="verwijsindex-match",
                   object_id=str(match.uuid), detail={"soort": kind}),
           purpose="match in de verwijsindex")
    _tell_participants(match, registrations, newcomers, created)
    if created:
        _tell_coordinator(match)
    return match


def _unique_organisations(
    registrations: list[IndexRegistration], first: Organisation
) -> list[Organisation]:
    seen, ordered = set(), []
    for organisation in [first, *(r.organisation for r in registrations)]:
        if organisation.id not in seen:
            seen.add(organisation.id)
            ordered.append(organisation)
    return ordered


#: Where a notice sends the reader for the contact persons.
CONTACT_DETAILS_ON_MATCH_PAGE = "Contactgegevens staan op de matchpagina."


def organisation_lines(registrations: Iterable[IndexRegistration]) -> str:
    """The organisations involved, one per line, each once; no contact person details."""
    names = dict.fromkeys(r.organisation.name for r in registrations)
    return "\n".join(names)


def _tell_participants(
    match: Match, registrations: list[IndexRegistration], newcomers: list[IndexRegistration],
    created: bool,
) -> None:
    """Newcomers hear about everyone; those already in the match hear who joined."""
    link = f"/verwijsindex/matches/{match.uuid}/"
    coordinator = f"Matchregisseur: {match.match_coordinator.name}."
    for registration in registrations:
        others = [r for r in registrations if r.organisation_id != registration.organisation_id]
        if registration in newcomers:
            title = f"{match.get_kind_display()} in de verwijsindex"
            lines = others
        elif not created:
            title = "Nieuwe betrokkene bij uw match in de verwijsindex"
            lines = [r for r in newcomers if r.organisation_id != registration.organisation_id]
        else:
            continue
        if not lines:
            continue
        body = (f"Ook betrokken:\n{organisation_lines(lines)}\n{coordinator}\n"
                f"{CONTACT_DETAILS_ON_MATCH_PAGE}")
        notify([registration.registrant], Message(
            kind="verwijsindex-match", title=title, body=body, link=link,
            subject_key=f"{match.uuid}:{registration.uuid}:{len(registrations)}",
        ))


def coordinator_recipients(organisation: Organisation) -> list[Professional]:
    """The team leads of the coordinating organisation, or its client professionals if it has none."""
    staff = Professional.objects.filter(organisation=organisation, user__is_active=True)
    leads = list(staff.filter(role=Role.TEAM_LEAD).select_related("user"))
    return leads or list(staff.filter(role__in=CLIENT_ROLES).select_related("user"))


def _tell_coordinator(match: Match) -> None:
    notify(coordinator_recipients(match.match_coordinator), Message(
        kind="verwijsindex-matchregie", title="U bent matchregisseur van een nieuwe match",
        body="Leg binnen de termijn contact met de betrokken organisaties en leg vast wie de "
             "regisseur van het gezin is.",
        link=f"/verwijsindex/matches/{match.uuid}/", subject_key=str(match.uuid),
    ))
