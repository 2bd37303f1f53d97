"""Moving house moves the case: registrations and matches follow the youth's residence.

The competent team is that of the district where the youth lives (domain.md §1), so when a
youth moves to another district or municipality, their active registrations take the new
district, and their open matches pass to the matchregisseur the new district's rules choose.
That matchregisseur is told; so are the participants when their matchregisseur changes.

Detection is set-based and needs no record of the move itself: an active registration whose
stored district differs from the district of the youth's current household has moved. So the
same function serves the ``person_moved`` signal (right after a move) and the deadline job (the
safety net for moves written any other way); running it twice changes nothing.

A family match follows only when all its youths with active registrations live in the new
district: when a family splits over two districts, the existing matchregisseur keeps it.
A youth who moves outside every known district keeps their registrations where they are.
"""

import logging
from collections.abc import Iterable
from datetime import datetime

from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.db.models import F, OuterRef, Q, Subquery
from django.utils import timezone

from ketenzicht.audit.models import EventType
from ketenzicht.audit.services import SYSTEM, Actor, record
from ketenzicht.notify.services import Message, notify
from ketenzicht.organisations.models import District, Organisation, Professional
from ketenzicht.people.models import HouseholdMembership, Person
from ketenzicht.people.services import district_of

from .coordination import coordinator_for
from .match_actions import record_match_event, regievoerders
from .matching import coordinator_recipients, organisation_lines
from .models import (
    OPEN_MATCH,
    IndexRegistration,
    Match,
    MatchParticipation,
    RegistrationStatus,
)
from .services import registration_subject

logger = logging.getLogger(__name__)


def moved_registrations(persons: Iterable[int] | None = None):
    """Active registrations whose district is not the district the youth lives in now."""
    home = HouseholdMembership.objects.filter(
        person=OuterRef("person_id"), until__isnull=True
    ).values("household__district_id")[:1]
    registrations = IndexRegistration.objects.filter(status=RegistrationStatus.ACTIVE)
    if persons is not None:
        registrations = registrations.filter(person_id__in=list(persons))
    return registrations.annotate(home=Subquery(home)).filter(home__isnull=False).filter(
        Q(district__isnull=True) | Q(district__lt=F("home")) | Q(district__gt=F("home"))
    )


def follow_moves(
    actor: Actor, now: datetime | None = None, *, persons: Iterable[int] | None = None,
) -> int:
    """Pass moved youths' registrations and matches on; returns how many registrations moved.

    ``persons`` limits the work to those persons (the signal knows who moved). Each youth is
    handled in its own transaction, so one municipality without verwijsindex settings does not
    hold up the others; it is logged and retried on the next run.
    """
    now = now or timezone.now()
    person_ids = sorted(set(moved_registrations(persons).values_list("person_id", flat=True)))
    passed = 0
    for person_id in person_ids:
        try:
            with transaction.atomic():
                passed += _follow(person_id, actor, now)
        except ImproperlyConfigured:
            logger.exception("Verhuizing in de verwijsindex niet verwerkt (persoon %s)", person_id)
    return passed


def _follow(person_id: int, actor: Actor, now: datetime) -> int:
    # The person's row serialises this with a registration on the same youth (services.register).
    person = Person.objects.select_for_update().filter(pk=person_id).first()
    district = district_of(person) if person is not None else None
    if district is None:
        return 0
    registrations = list(
        IndexRegistration.objects.filter(person=person, status=RegistrationStatus.ACTIVE)
        .exclude(district=district).select_related("organisation", "person", "district")
    )
    if not registrations:
        return 0  # another run got here first
    came_from = {r.district.municipality_id if r.district else None for r in registrations}
    IndexRegistration.objects.filter(id__in=[r.id for r in registrations]).update(district=district)
    for registration in registrations:
        registration.district = district
        record(actor, EventType.UPDATE, registration_subject(registration, gebiedsregio=district.slug),
               purpose="verhuizing: registratie naar de gebiedsregio van de nieuwe woonplaats")
    moved = _follow_matches(registrations, district, actor, now)
    held = set(MatchParticipation.objects.filter(
        match__in=moved, registration__in=registrations
    ).values_list("registration_id", flat=True))
    rest = [r for r in registrations if r.id not in held]
    if rest:
        _tell_district_team(person, district, rest)
    if came_from != {district.municipality_id}:
        _tell_new_regievoerders(person, district, registrations)
    return len(registrations)


def _tell_new_regievoerders(
    person: Person, district: District, registrations: list[IndexRegistration]
) -> None:
    """A youth who moves to another municipality brings their registrations to its regievoerder
    (domain.md §2); the district's matchregisseur is told separately."""
    notify(regievoerders(district.municipality_id), Message(
        kind="verwijsindex-verhuizing-gemeente",
        title="Jeugdige met registraties in de verwijsindex verhuisd naar uw gemeente",
        body=(f"{len(registrations)} actieve registratie(s) gaan mee naar gebiedsregio "
              f"{district.name}. Betrokken organisaties: "
              + ", ".join(sorted({r.organisation.name for r in registrations})) + "."),
        link="/verwijsindex/regie/", subject_key=f"{person.uuid}:{district.municipality_id}",
    ))


def _follow_matches(
    registrations: list[IndexRegistration], district: District, actor: Actor, now: datetime,
) -> list[Match]:
    """Open matches of these registrations whose youths now all live in ``district``."""
    matches = Match.objects.select_for_update(of=("self",)).filter(
        OPEN_MATCH, id__in=MatchParticipation.objects.filter(
            registration__in=registrations
        ).values("match_id"),
    ).exclude(district=district).select_related("match_coordinator").order_by("id")
    moved = []
    for match in matches:
        districts = set(IndexRegistration.objects.filter(
            participations__match=match, status=RegistrationStatus.ACTIVE
        ).values_list("district_id", flat=True))
        if districts != {district.id}:
            continue  # the family is split over districts: the current matchregisseur keeps it
        participants = _participants(match)
        previous = match.match_coordinator
        match.district = district
        match.match_coordinator = coordinator_for(district, district.municipality, participants)
        match.save(update_fields=["district", "match_coordinator"])
        record_match_event(actor, EventType.UPDATE, match,
                           purpose="verhuizing: match naar de gebiedsregio van de nieuwe woonplaats",
                           detail={"gebiedsregio": district.slug,
                                   "matchregisseur": match.match_coordinator.slug})
        if match.match_coordinator_id != previous.id:
            _tell_new_coordinator(match, previous)
        moved.append(match)
    return moved


def _participants(match: Match) -> list[Organisation]:
    """The match's organisations in the order they joined (the fallback matchregisseur order)."""
    ordered = (
        MatchParticipation.objects.filter(match=match)
        .select_related("registration__organisation__type").order_by("joined_at", "id")
    )
    seen: dict[int, Organisation] = {}
    for participation in ordered:
        seen.setdefault(participation.registration.organisation_id,
                        participation.registration.organisation)
    return list(seen.values())


def _tell_new_coordinator(match: Match, previous: Organisation) -> None:
    link = f"/verwijsindex/matches/{match.uuid}/"
    notify(coordinator_recipients(match.match_coordinator), Message(
        kind="verwijsindex-verhuizing", title="Match overgedragen na verhuizing",
        body=(f"De jeugdige is verhuisd naar {match.district.name}. U bent nu matchregisseur "
              f"(was: {previous.name}). Status van de match: {match.get_status_display()}."),
        link=link, subject_key=f"{match.uuid}:{match.match_coordinator.uuid}",
    ))
    registrants = Professional.objects.filter(
        index_registrations__participations__match=match,
        index_registrations__status=RegistrationStatus.ACTIVE,
    ).distinct().select_related("user")
    notify(registrants, Message(
        kind="verwijsindex-matchregisseur", title="Nieuwe matchregisseur na verhuizing",
        body=f"De jeugdige is verhuisd. Matchregisseur is nu {match.match_coordinator.name}.",
        link=link, subject_key=f"{match.uuid}:{match.match_coordinator.uuid}",
    ))


def _tell_district_team(person: Person, district: District, registrations: list[IndexRegistration]) -> None:
    """Registrations outside a moved match: the new district's matchregisseur hears of them."""
    try:
        team = coordinator_for(district, district.municipality, [])
    except ImproperlyConfigured:
        logger.warning("Geen matchregisseur voor gebiedsregio %s", district.slug)
        return
    today = timezone.localdate()
    notify(coordinator_recipients(team), Message(
        kind="verwijsindex-verhuizing", title="Registratie verhuisd naar uw gebiedsregio",
        body="Een jeugdige met een registratie in de verwijsindex woont nu in "
             f"{district.name}. Betrokken:\n{organisation_lines(registrations)}\n"
             "Contactgegevens van de contactpersonen staan niet in dit bericht; neem contact "
             "op met de betrokken organisatie.",
        link=f"/personen/{person.uuid}/",
        subject_key=f"{person.uuid}:{district.pk}:{today.isoformat()}",
    ))


def on_person_moved(sender, persons: Iterable[int], actor: Actor | None = None, **kwargs) -> None:
    """Receiver of ``people.events.person_moved``: follow the move at once.

    In a savepoint, and never failing the move itself: the population register's picture must
    be saved even when the verwijsindex cannot follow yet; the deadline job catches up.
    """
    try:
        with transaction.atomic():
            follow_moves(actor or SYSTEM, persons=persons)
    except Exception:
        logger.exception("Verhuizing niet direct gevolgd in de verwijsindex; de taak haalt het in")


__all__ = ["follow_moves", "moved_registrations", "on_person_moved"]
