"""Lifetimes and retention of verwijsindex registrations (domain.md §2, issue 3 item 5).

A registration is active for the municipality's term (default 12 months) and may be extended,
but never beyond 24 months after it was made. It ends:

- by the registrant's organisation: *risk gone* (kept in the history archive for 5 years) or
  *unjustified* (erased at once: data that should never have existed is not archived);
- automatically: when its active term has passed, at 24 months, on the youth's 23rd birthday
  and on the youth's death. At 23 and at death *everything* about the youth in the index is
  destroyed — active and archived registrations and the youth's client matches — because the
  law's purpose (finding each other around a youth at risk) has ended for good;
- archive rows are destroyed when their 5 years have passed.

Every end into the archive ends the organisation's access basis that the registration gave;
an erasure or destruction deletes that basis and, with a deleted match, the notices about it.
Every end is in the audit trail (``update`` for an end into the archive, ``delete`` for an
erasure or destruction).
A match closes when its last active registration ends; a match left without any registration
is deleted, so nothing points at destroyed data.

Concurrency: everything that changes a youth's registrations locks the youth's person row first,
like ``services.register`` does, so an end and a new registration joining the same match never
interleave. The jobs take a PostgreSQL advisory lock for the whole run and skip rows that a
professional holds at that moment (``SKIP LOCKED``): the next run, a minute later, takes them.
"""

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone, translation

from ketenzicht.access.models import BasisKind
from ketenzicht.access.services import (
    basis_for,
    end_basis,
    forget_bases,
    may_see_clients,
    visible_person,
)
from ketenzicht.audit.models import EventType, Outcome
from ketenzicht.audit.services import SYSTEM, Actor, Subject, record
from ketenzicht.notify.services import forget_notices
from ketenzicht.organisations.models import Professional
from ketenzicht.people.ages import YOUTH_AGE_LIMIT
from ketenzicht.people.models import Person

from .coordination import index_settings
from .errors import RefusalKind, RegistrationRefused
from .models import (
    MAX_ACTIVE_MONTHS,
    OPEN_MATCH,
    EndReason,
    IndexRegistration,
    Match,
    MatchKind,
    MatchParticipation,
    MatchStatus,
    RegistrationStatus,
)
from .rules import add_months, last_registrable_day
from .services import check_may_register, registration_subject

#: Ended registrations stay in the history archive this long (5 years), then are destroyed.
ARCHIVE_MONTHS = 60

#: The two reasons a registrant gives; the others are the system's (or an upheld objection's).
REGISTRANT_REASONS = (EndReason.RISK_GONE, EndReason.UNJUSTIFIED)

#: Key of the PostgreSQL advisory lock that lets one run of the lifetime jobs at a time proceed
#: ("KZVILC" in ASCII, so it will not collide by accident with another job's key).
JOBS_LOCK_KEY = 0x4B5A_5649_4C43

#: Rows each kind handles per run. A backlog (after downtime) drains over the following minutes
#: instead of holding one long transaction and the audit chain's head.
JOB_BATCH = 1000

ACTIVE = RegistrationStatus.ACTIVE
ENDED = RegistrationStatus.ENDED

_NOT_YOURS = (
    "Deze registratie bestaat niet of is niet van uw organisatie: alleen de organisatie die "
    "registreerde kan haar verlengen of beëindigen."
)


def _refuse(kind: RefusalKind, code: str, message: str, field: str = "") -> None:
    raise RegistrationRefused(kind=kind, code=code, message=message, field=field)


# --- reading -------------------------------------------------------------------------------


def registrations_of(professional: Professional) -> QuerySet[IndexRegistration]:
    """The organisation's own registrations, active and archived, newest first.

    Organisation-wide, not per professional: colleagues take over each other's registrations.
    Roles without client work see none.
    """
    if not may_see_clients(professional):
        return IndexRegistration.objects.none()
    return (
        IndexRegistration.objects.filter(organisation=professional.organisation)
        .select_related("person", "organisation", "registrant__user", "district")
        .order_by("-registered_at", "-id")
    )


def visible_registration(
    professional: Professional, registration_uuid: UUID | str
) -> IndexRegistration | None:
    """One of the organisation's own registrations; None for missing, malformed and foreign
    alike, so the answer never tells whether another organisation registered someone."""
    try:
        return registrations_of(professional).filter(uuid=registration_uuid).first()
    except (ValidationError, ValueError):
        return None


def open_registration(
    professional: Professional, actor: Actor, registration_uuid: UUID | str
) -> IndexRegistration | None:
    """``visible_registration`` with its audit event: READ, or DENIED for missing and foreign
    alike (a foreign registration's youth still sees the attempt in their access report)."""
    found = visible_registration(professional, registration_uuid)
    if found is not None:
        record(actor, EventType.READ, registration_subject(found), purpose="registratie verwijsindex")
        return found
    try:
        foreign = IndexRegistration.objects.select_related("person").filter(
            uuid=registration_uuid).first()
    except (ValidationError, ValueError):
        foreign = None
    subject = registration_subject(foreign) if foreign else Subject(
        object_type="verwijsindex-registratie", object_id=str(registration_uuid))
    record(actor, EventType.READ, subject, outcome=Outcome.DENIED, purpose="geen grondslag")
    return None


def history_of(
    professional: Professional, actor: Actor, person: Person | UUID | str
) -> list[IndexRegistration]:
    """The youth's ended registrations still in the archive, of every organisation.

    Only for a professional who may see the youth; the look-up is in the audit trail with the
    professional and the date (domain.md §2), a refused one too. Missing and forbidden answer
    alike: an empty list.
    """
    person_uuid = str(person.uuid if isinstance(person, Person) else person)
    try:
        seen = visible_person(professional, person_uuid)
    except (ValidationError, ValueError):
        seen = None
    if seen is None:
        record(actor, EventType.READ, _history_subject(person_uuid), outcome=Outcome.DENIED,
               purpose="geen grondslag")
        return []
    history = list(
        IndexRegistration.objects.filter(
            person=seen, status=ENDED, archive_until__gte=timezone.localdate()
        ).select_related("organisation", "registrant__user").order_by("-ended_at", "-id")
    )
    with translation.override("nl"):  # the trail must not vary with the reader's language
        basis = basis_for(professional, seen)
    record(actor, EventType.READ, _history_subject(person_uuid, aantal=len(history)),
           purpose=basis.label if basis else "")
    return history


def _history_subject(person_uuid: str, **detail) -> Subject:
    return Subject(client_pseudonym=person_uuid, object_type="verwijsindex-historie",
                   object_id=person_uuid, detail=detail)


# --- terms ---------------------------------------------------------------------------------


def maximum_until(registration: IndexRegistration) -> date:
    """The last active day the law allows: 24 months after the registration was made, and
    never past the day before the youth's 23rd birthday."""
    return min(add_months(timezone.localdate(registration.registered_at), MAX_ACTIVE_MONTHS),
               last_registrable_day(registration.person.date_of_birth))


def active_months_for(registration: IndexRegistration) -> int:
    """The municipality's term, held to the legal ceiling even if the setting slipped past it."""
    municipality = (registration.district.municipality if registration.district_id
                    else registration.organisation.municipality)
    return min(index_settings(municipality).active_months, MAX_ACTIVE_MONTHS)


# --- the registrant ends or extends --------------------------------------------------------


def _own_locked(professional: Professional, registration_uuid: UUID | str) -> IndexRegistration:
    """The organisation's registration, with the youth and the row locked (as ``register``)."""
    found = visible_registration(professional, registration_uuid)
    if found is None:
        _refuse(RefusalKind.FORBIDDEN, "registratie-onbekend", _NOT_YOURS)
    Person.objects.select_for_update().filter(pk=found.person_id).first()
    locked = (
        IndexRegistration.objects.select_for_update(of=("self",))
        .select_related("person", "organisation", "district__municipality")
        .filter(pk=found.pk).first()
    )
    if locked is None:  # erased by a colleague or a job a moment ago
        _refuse(RefusalKind.FORBIDDEN, "registratie-onbekend", _NOT_YOURS)
    return locked


@transaction.atomic
def extend_registration(
    professional: Professional, actor: Actor, registration_uuid: UUID | str,
    now: datetime | None = None,
) -> IndexRegistration:
    """Extend to today + the municipality's term, but never past 24 months after registering.

    Extending is registering again in effect, so it needs the same right to register.
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    check_may_register(professional)
    registration = _own_locked(professional, registration_uuid)
    if registration.status != ACTIVE or registration.active_until < today:
        _refuse(RefusalKind.CONFLICT, "registratie-beeindigd",
                "Deze registratie is niet meer actief en kan niet worden verlengd. Registreer "
                "opnieuw als er opnieuw een redelijk vermoeden is.")
    cap = maximum_until(registration)
    until = min(add_months(today, active_months_for(registration)), cap)
    if until <= registration.active_until:
        if registration.active_until >= cap and cap == last_registrable_day(
                registration.person.date_of_birth):
            _refuse(RefusalKind.CONFLICT, "leeftijdsgrens-bereikt",
                    f"Deze registratie is al actief tot {registration.active_until:%d-%m-%Y}, de "
                    "dag voor de 23e verjaardag van de jeugdige. Verder verlengen kan niet.")
        if registration.active_until >= cap:
            _refuse(RefusalKind.CONFLICT, "maximale-termijn-bereikt",
                    f"Deze registratie is al actief tot {registration.active_until:%d-%m-%Y}, de "
                    "wettelijke maximale termijn van 24 maanden na registreren. Verder verlengen "
                    "kan niet.")
        _refuse(RefusalKind.CONFLICT, "verlengen-niet-nodig",
                f"Deze registratie is al actief tot {registration.active_until:%d-%m-%Y}; "
                "verlengen zou haar niet langer maken.")
    registration.active_until, registration.extended_at = until, now
    registration.save(update_fields=["active_until", "extended_at"])
    record(actor, EventType.UPDATE,
           registration_subject(registration, actief_tot=until.isoformat()),
           purpose="registratie verwijsindex verlengd")
    return registration


@transaction.atomic
def end_registration(
    professional: Professional, actor: Actor, registration_uuid: UUID | str,
    reason: EndReason | str, now: datetime | None = None,
) -> IndexRegistration | None:
    """The registrant's organisation ends its registration.

    Risk gone: archived for 5 years, returned. Unjustified: erased with its match
    participations, also from the archive (it should never have been there); returns None.
    """
    now = now or timezone.now()
    if reason not in REGISTRANT_REASONS:
        _refuse(RefusalKind.INVALID, "reden-ongeldig",
                "Kies als reden 'risico is weggenomen' of 'onterecht geregistreerd'.", "reden")
    reason = EndReason(reason)
    registration = _own_locked(professional, registration_uuid)
    if reason == EndReason.UNJUSTIFIED:
        erase_registrations([registration], reason, actor, now)
        return None
    if registration.status != ACTIVE:
        _refuse(RefusalKind.CONFLICT, "registratie-beeindigd", "Deze registratie is al beëindigd.")
    _archive([registration], reason, actor, now)
    close_matches_without_active_registrations(now, actor=actor, among=_match_ids([registration]))
    registration.refresh_from_db()
    return registration


# --- set-based building blocks, also for the jobs (and an upheld objection) -----------------


def _match_ids(registrations: Iterable[IndexRegistration]) -> list[int]:
    return list(MatchParticipation.objects.filter(
        registration_id__in=[r.id for r in registrations]
    ).values_list("match_id", flat=True).distinct())


def _archive(
    registrations: list[IndexRegistration], reason: str, actor: Actor, now: datetime
) -> int:
    """End locked, active registrations into the archive: one UPDATE, then basis and audit each."""
    if not registrations:
        return 0
    archive_until = add_months(timezone.localdate(now), ARCHIVE_MONTHS)
    IndexRegistration.objects.filter(id__in=[r.id for r in registrations], status=ACTIVE).update(
        status=ENDED, ended_at=now, end_reason=reason, archive_until=archive_until,
    )
    for registration in registrations:
        end_basis(registration.organisation, registration.person, BasisKind.REGISTRATION,
                  str(registration.uuid), actor=actor)
        record(actor, EventType.UPDATE,
               registration_subject(registration, reden=str(reason),
                                    archief_tot=archive_until.isoformat()),
               purpose="registratie verwijsindex beëindigd")
    return len(registrations)


def _destroy(
    registrations: list[IndexRegistration], reason: str, actor: Actor
) -> int:
    """Delete registrations, (by cascade) their participations and the access bases they gave.

    Each is audited before it goes. The bases are deleted, not ended: an ended basis would keep
    recording that the organisation was involved with the youth, a copy of what is erased.
    """
    if not registrations:
        return 0
    for registration in registrations:
        record(actor, EventType.DELETE, registration_subject(registration, reden=str(reason)),
               purpose="registratie verwijsindex vernietigd")
    forget_bases(BasisKind.REGISTRATION, [str(r.uuid) for r in registrations])
    IndexRegistration.objects.filter(id__in=[r.id for r in registrations]).delete()
    return len(registrations)


def _delete_matches(matches: list[Match]) -> None:
    """Delete matches and the notices that pointed at them (their link holds the match uuid)."""
    for match in matches:
        forget_notices(str(match.uuid))
    Match.objects.filter(id__in=[m.id for m in matches]).delete()


def erase_registrations(
    registrations: list[IndexRegistration], reason: str, actor: Actor, now: datetime
) -> tuple[int, int]:
    """Erase registrations (unjustified, or an upheld objection) and tidy their matches.

    The caller holds the youth's person row and the registrations locked. Returns the matches
    (closed, deleted).
    """
    affected = _match_ids(registrations)
    _destroy(registrations, reason, actor)
    return close_matches_without_active_registrations(now, actor=actor, among=affected)


def _match_subject(match: Match, **detail) -> Subject:
    return Subject(client_pseudonym=str(match.person.uuid), object_type="verwijsindex-match",
                   object_id=str(match.uuid), detail={"soort": match.kind, **detail})


def close_matches_without_active_registrations(
    now: datetime, *, actor: Actor = SYSTEM, among: Iterable[int] | None = None
) -> tuple[int, int]:
    """Close open matches whose last active registration has ended; delete matches left empty.

    ``among`` limits the work to the matches an action touched (any status); without it every
    open match is checked, which repairs whatever another path left behind. A match keeping
    archived participants is closed, not deleted: the archive still refers to it. Returns
    (closed, deleted).
    """
    matches = Match.objects.all() if among is None else Match.objects.filter(id__in=list(among))
    if among is None:
        matches = matches.filter(OPEN_MATCH)
    participations = MatchParticipation.objects.filter(match=OuterRef("pk"))

    empty = list(matches.filter(~Exists(participations)).select_for_update(of=("self",))
                 .select_related("person").order_by("id"))
    for match in empty:
        record(actor, EventType.DELETE, _match_subject(match),
               purpose="match zonder registraties verwijderd")
    _delete_matches(empty)

    ending = list(
        matches.filter(OPEN_MATCH)
        .filter(~Exists(participations.filter(registration__status=ACTIVE)))
        .select_for_update(of=("self",)).select_related("person").order_by("id")
    )
    Match.objects.filter(id__in=[m.id for m in ending]).update(
        status=MatchStatus.CLOSED, closed_at=now
    )
    for match in ending:
        record(actor, EventType.UPDATE, _match_subject(match, status=MatchStatus.CLOSED.value),
               purpose="match gesloten: geen actieve registratie meer")
    return len(ending), len(empty)


# --- the jobs ------------------------------------------------------------------------------


def _cutoff_birth_date(today: date, years: int) -> date:
    """The latest date of birth of someone who is ``years`` or older today (as ``age_on``)."""
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February in a year without one: those born on the 28th have aged
        return today.replace(year=today.year - years, day=28)


def _lock_persons(person_ids: Iterable[int]) -> list[int]:
    """Lock the youths no one else holds right now; the others wait for the next run."""
    return list(
        Person.objects.select_for_update(skip_locked=True)
        .filter(id__in=list(person_ids)).order_by("id").values_list("id", flat=True)
    )


def _locked_registrations(queryset: QuerySet[IndexRegistration]) -> list[IndexRegistration]:
    return list(
        queryset.select_for_update(of=("self",), skip_locked=True)
        .select_related("person", "organisation").order_by("id")
    )


def _destroy_youths(person_filter: Q, reason: str) -> tuple[int, list[int]]:
    """Destroy everything the index holds on the youths matching ``person_filter``.

    Returns (registrations destroyed, ids of other matches they took part in).
    """
    candidates = IndexRegistration.objects.filter(person_filter).values("person_id").union(
        Match.objects.filter(person_filter, kind=MatchKind.CLIENT).values("person_id")
    )
    person_ids = _lock_persons(row["person_id"] for row in candidates[:JOB_BATCH])
    if not person_ids:
        return 0, []
    registrations = _locked_registrations(IndexRegistration.objects.filter(person_id__in=person_ids))
    client_matches = list(Match.objects.select_for_update(of=("self",)).filter(
        kind=MatchKind.CLIENT, person_id__in=person_ids).select_related("person").order_by("id"))
    for match in client_matches:
        record(SYSTEM, EventType.DELETE, _match_subject(match, reden=str(reason)),
               purpose="match verwijsindex vernietigd")
    _delete_matches(client_matches)
    affected = _match_ids(registrations)
    return _destroy(registrations, reason, SYSTEM), affected


def _first_registration_day_still_allowed(today: date) -> date:
    """The earliest registration date whose 24 months have not yet passed today.

    Registered before this day means ``add_months(registered, 24) < today``. Computed once, in
    Python, with the same calendar rule as the cap (month ends, 29 February), so the job can
    select by an index range on ``registered_at``.
    """
    day = add_months(today, -MAX_ACTIVE_MONTHS)
    while add_months(day, MAX_ACTIVE_MONTHS) < today:  # only when today is 29 February
        day += timedelta(days=1)
    return day


def _past_maximum_term(today: date) -> list[int]:
    """Active registrations made more than 24 months ago."""
    before = timezone.make_aware(
        datetime.combine(_first_registration_day_still_allowed(today), time.min)
    )
    return list(IndexRegistration.objects.filter(status=ACTIVE, registered_at__lt=before)
                .order_by("id").values_list("id", flat=True)[:JOB_BATCH])


def _end_automatically(ids: list[int], reason: str, now: datetime) -> tuple[int, list[int]]:
    active = IndexRegistration.objects.filter(id__in=ids, status=ACTIVE)
    persons = _lock_persons(active.values_list("person_id", flat=True).distinct())
    registrations = _locked_registrations(active.filter(person_id__in=persons))
    affected = _match_ids(registrations)
    return _archive(registrations, reason, SYSTEM, now), affected


def _take_jobs_lock() -> bool:
    """One run at a time on PostgreSQL; SQLite serialises writers by itself."""
    if connection.vendor != "postgresql":
        return True
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [JOBS_LOCK_KEY])
        return bool(cursor.fetchone()[0])


@transaction.atomic
def run_lifetime_jobs(now: datetime | None = None) -> dict[str, int]:
    """End and destroy what the law says has run its course; safe to run every minute.

    Idempotent: each step selects only rows still due, so a second run finds nothing. A run
    that finds another one busy returns at once with ``skipped`` = 1.
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    counts = dict.fromkeys(
        ("death", "age_limit", "maximum_term", "expired", "archive_destroyed", "matches_closed",
         "matches_deleted", "skipped"), 0)
    if not _take_jobs_lock():
        counts["skipped"] = 1
        return counts
    affected: set[int] = set()

    counts["death"], touched = _destroy_youths(
        Q(person__date_of_death__isnull=False), EndReason.DEATH)
    affected.update(touched)
    counts["age_limit"], touched = _destroy_youths(
        Q(person__date_of_birth__lte=_cutoff_birth_date(today, YOUTH_AGE_LIMIT)), EndReason.AGE_LIMIT)
    affected.update(touched)

    counts["maximum_term"], touched = _end_automatically(
        _past_maximum_term(today), EndReason.MAXIMUM_TERM, now)
    affected.update(touched)
    expired = IndexRegistration.objects.filter(status=ACTIVE, active_until__lt=today).order_by(
        "id").values_list("id", flat=True)[:JOB_BATCH]
    counts["expired"], touched = _end_automatically(list(expired), EndReason.EXPIRED, now)
    affected.update(touched)

    archive = _locked_registrations(
        IndexRegistration.objects.filter(
            id__in=list(IndexRegistration.objects.filter(status=ENDED, archive_until__lt=today)
                        .order_by("id").values_list("id", flat=True)[:JOB_BATCH])
        )
    )
    affected.update(_match_ids(archive))
    counts["archive_destroyed"] = _destroy(archive, "archieftermijn-verstreken", SYSTEM)

    closed, deleted = close_matches_without_active_registrations(now, among=affected)
    swept_closed, swept_deleted = close_matches_without_active_registrations(now)
    counts["matches_closed"] = closed + swept_closed
    counts["matches_deleted"] = deleted + swept_deleted
    return counts
