"""Registering in the verwijsindex and matching: the state changes, each audited in its
transaction.

Registrations on one youth are serialised by locking the youth's person row, so two
organisations registering at the same moment always find each other; the partial unique index
on open matches is the database's own guarantee of one open match per youth.
"""

from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from ketenzicht.access.models import BasisKind
from ketenzicht.access.services import grant_basis
from ketenzicht.audit.models import EventType, Outcome
from ketenzicht.audit.services import Actor, Subject, record
from ketenzicht.organisations.models import Professional
from ketenzicht.people.models import Person
from ketenzicht.people.register import PersonNotInRegister, RegisterError
from ketenzicht.people.register.sync import bring_household_into_view
from ketenzicht.people.services import district_of, find_person_by_bsn

from . import matching
from .coordination import index_settings
from .errors import RefusalKind, RegistrationRefused
from .models import IndexRegistration, Match, RegistrationStatus
from .rules import RISK_CATEGORIES, add_months, is_registrable_age, last_registrable_day


@dataclass(frozen=True)
class Contact:
    name: str
    phone: str
    email: str


@dataclass(frozen=True)
class RegistrationRequest:
    """What a professional submits. Categories and confirmation are checked, never stored.

    The youth is named by BSN or, for a youth without one (not yet in the BRP), by the
    alternative identifier Ketenzicht knows them by.
    """

    bsn: str
    risk_categories: tuple[str, ...]
    suspicion_confirmed: bool
    contact: Contact
    alternative_id: str = ""


@dataclass(frozen=True)
class RegistrationResult:
    registration: IndexRegistration
    client_match: Match | None
    family_matches: tuple[Match, ...] = ()


def _refuse(kind: RefusalKind, code: str, message: str, field: str = "", **extra) -> None:
    raise RegistrationRefused(kind=kind, code=code, message=message, field=field, **extra)


def check_may_register(professional: Professional) -> None:
    """Registering is a right of designated organisations, through authorised professionals."""
    organisation = professional.organisation
    if not organisation.is_active or not organisation.type.may_register_in_index \
            or organisation.type.is_volunteer:
        _refuse(RefusalKind.FORBIDDEN, "niet-meldbevoegd",
                f"{organisation.name} is niet bevoegd om te registreren in de verwijsindex.")
    if not professional.works_with_clients:
        _refuse(RefusalKind.FORBIDDEN, "geen-hulpverlener",
                "Alleen professionals die met jeugdigen werken kunnen registreren.")


def _check_request(request: RegistrationRequest) -> None:
    categories = set(request.risk_categories)
    if not categories:
        _refuse(RefusalKind.INVALID, "risicocategorie-ontbreekt",
                "Kies ten minste één wettelijke risicocategorie (a–l).", "risicocategorieen")
    unknown = sorted(categories - set(RISK_CATEGORIES))
    if unknown:
        _refuse(RefusalKind.INVALID, "risicocategorie-onbekend",
                f"Onbekende risicocategorie: {', '.join(unknown)}. Kies uit a tot en met l.",
                "risicocategorieen")
    if not request.suspicion_confirmed:
        _refuse(RefusalKind.INVALID, "vermoeden-niet-bevestigd",
                "Bevestig dat u een redelijk vermoeden heeft dat de risico's de gezonde en "
                "veilige ontwikkeling van de jeugdige bedreigen.", "redelijkVermoeden")
    contact = request.contact
    if not contact.name.strip():
        _refuse(RefusalKind.INVALID, "contactpersoon-ontbreekt", "Vul de naam van de contactpersoon in.",
                "contactpersoon.naam")
    if len("".join(ch for ch in contact.phone if ch.isdigit())) < 10:
        _refuse(RefusalKind.INVALID, "telefoon-ongeldig",
                "Vul een telefoonnummer van ten minste 10 cijfers in.", "contactpersoon.telefoon")
    try:
        validate_email(contact.email)
    except ValidationError:
        _refuse(RefusalKind.INVALID, "email-ongeldig", "Vul een geldig e-mailadres in.",
                "contactpersoon.email")


def _youth(request: RegistrationRequest, today, actor: Actor) -> Person:
    if not request.bsn and request.alternative_id:
        person = Person.objects.filter(alternative_id=request.alternative_id).first()
        if person is None:
            _refuse(RefusalKind.INVALID, "persoon-onbekend",
                    "Er is geen jeugdige met dit alternatieve kenmerk bekend.", "alternatiefKenmerk")
        return _registrable(person, today)
    try:
        person = find_person_by_bsn(request.bsn)
    except ValidationError as error:
        _refuse(RefusalKind.INVALID, "bsn-ongeldig", error.messages[0], "bsn")
    if person is None:
        person = _from_population_register(request.bsn, actor)
    return _registrable(person, today)


def _registrable(person: Person, today) -> Person:
    """Only the living, from birth up to the 23rd birthday."""
    if person.date_of_death is not None:
        _refuse(RefusalKind.INVALID, "overleden", "Deze persoon is overleden.", "bsn")
    if not is_registrable_age(person.date_of_birth, today):
        _refuse(RefusalKind.INVALID, "te-oud",
                "Registreren kan alleen tot de 23e verjaardag: deze persoon is 23 jaar of ouder.",
                "bsn")
    return person


def _from_population_register(bsn: str, actor: Actor) -> Person:
    """A youth new to Ketenzicht is looked up in the BRP, with their household."""
    try:
        bring_household_into_view(bsn, actor)
    except PersonNotInRegister:
        _refuse(RefusalKind.INVALID, "persoon-onbekend",
                "Deze jeugdige is niet bekend in de basisregistratie personen.", "bsn")
    except RegisterError as error:
        _refuse(RefusalKind.UNAVAILABLE, "brp-onbereikbaar", str(error), "bsn")
    return find_person_by_bsn(bsn)


def register(
    professional: Professional, actor: Actor, request: RegistrationRequest,
    now: datetime | None = None,
) -> RegistrationResult:
    """Register the organisation's involvement with a youth, and match it at once.

    A refusal is audited too (a denied CREATE under the youth's pseudonym when the youth is
    known), after the registration's own savepoint has rolled back: trying BSNs must leave a trace.
    """
    try:
        return _register(professional, actor, request, now)
    except RegistrationRefused as refusal:
        record(actor, EventType.CREATE, _refused_subject(request, refusal),
               outcome=Outcome.DENIED, purpose=f"registratie geweigerd: {refusal.code}")
        raise


def _refused_subject(request: RegistrationRequest, refusal: RegistrationRefused) -> Subject:
    """The youth of a refused registration, looked up in Ketenzicht only (never the BRP)."""
    person = None
    if request.bsn:
        try:
            person = find_person_by_bsn(request.bsn)
        except ValidationError:
            person = None
    elif request.alternative_id:
        person = Person.objects.filter(alternative_id=request.alternative_id).first()
    return Subject(client_pseudonym=str(person.uuid) if person else "",
                   object_type="verwijsindex-registratie", detail={"code": refusal.code})


@transaction.atomic
def _register(
    professional: Professional, actor: Actor, request: RegistrationRequest,
    now: datetime | None,
) -> RegistrationResult:
    now = now or timezone.now()
    today = timezone.localdate(now)
    check_may_register(professional)
    _check_request(request)
    person = _youth(request, today, actor)
    Person.objects.select_for_update().filter(pk=person.pk).first()  # serialise per youth
    organisation = professional.organisation
    existing = IndexRegistration.objects.filter(
        person=person, organisation=organisation, status=RegistrationStatus.ACTIVE
    ).first()
    if existing is not None:
        _refuse(RefusalKind.CONFLICT, "al-geregistreerd",
                f"{organisation.name} heeft deze jeugdige al actief geregistreerd (tot "
                f"{existing.active_until:%d-%m-%Y}). Verleng die registratie in plaats van een "
                "nieuwe te maken.", "bsn", existing_uuid=str(existing.uuid))
    district = district_of(person)
    settings = index_settings(district.municipality if district else organisation.municipality)
    registration = IndexRegistration.objects.create(
        person=person, organisation=organisation, registrant=professional,
        contact_name=request.contact.name.strip(), contact_phone=request.contact.phone.strip(),
        contact_email=request.contact.email.strip(), district=district,
        registered_at=now, active_until=min(add_months(today, settings.active_months),
                                            last_registrable_day(person.date_of_birth)),
    )
    grant_basis(organisation, person, BasisKind.REGISTRATION, str(registration.uuid), actor=actor)
    record(actor, EventType.CREATE, registration_subject(registration),
           purpose="registratie verwijsindex")
    client_match = matching.match_client(registration, actor, now)
    family_matches = matching.match_family(registration, actor, now)
    return RegistrationResult(registration, client_match, tuple(family_matches))


def registration_subject(registration: IndexRegistration, **detail) -> Subject:
    return Subject(
        client_pseudonym=str(registration.person.uuid), object_type="verwijsindex-registratie",
        object_id=str(registration.uuid), detail=detail,
    )
