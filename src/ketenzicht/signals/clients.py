"""Adult care makes a person its client, so that the kindcheck works for its real clients.

The kindcheck (``childcheck``) is asked of an adult care organisation's own clients: its basis
on the client (``BasisKind.CLIENT``) is what brings the client's household — and the children in
it — into view. Volwassen-GGZ, verslavingszorg, a hospital and debt counselling (the organisation
types that ask the kindcheck, ``OrganisationType.is_adult_care``) register a client at intake:
in the UI, or from their own system through ``POST /api/v1/clienten``.

- Only a client professional of an active adult-care organisation registers, and only an adult
  who is alive (a youth gets a signal, not a kindcheck); a refused attempt is audited.
- By BSN: someone new to Ketenzicht is looked up in the population register (BRP) with their
  household, as a signal or a verwijsindex registration does.
- Idempotent: registering a client again changes nothing and says so (``created`` False).
- Ending the client relation ends the basis, and with it the organisation's view of the
  client's household; the kindcheck signals it recorded stay with the signaller's side.

Registering is the organisation's own declaration that it treats the person; it is audited
(who, for which organisation, on whom) and in the client's access report, like every basis.
"""

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from django.db import transaction
from django.utils import timezone

from ketenzicht.access.models import AccessBasis, BasisKind
from ketenzicht.access.services import end_basis, grant_basis, may_see_clients
from ketenzicht.audit.models import EventType, Outcome
from ketenzicht.audit.services import Actor, Subject, record
from ketenzicht.organisations.models import Organisation, Professional
from ketenzicht.people.ages import ADULT_AGE
from ketenzicht.people.models import Person
from ketenzicht.refusals import RefusalKind, Refused

from .services import person_by_bsn, refuse

OBJECT_TYPE = "client"
#: The refusal for a person who is not (or no longer) the organisation's client: the faces
#: answer it as 404, the same as for a person who does not exist.
NOT_A_CLIENT = "geen-client"


@dataclass(frozen=True)
class ClientRegistration:
    person: Person
    #: False when the person already was the organisation's client (nothing changed).
    created: bool


def may_register_clients(professional: Professional) -> bool:
    """Client professionals of active organisations whose type asks the kindcheck."""
    return may_see_clients(professional) and professional.organisation.type.is_adult_care


def _client_bases(organisation: Organisation, person: Person):
    return AccessBasis.objects.filter(organisation=organisation, person=person,
                                      kind=BasisKind.CLIENT, ended_at__isnull=True)


def is_client(organisation: Organisation, person: Person) -> bool:
    return _client_bases(organisation, person).exists()


def register_client(professional: Professional, actor: Actor, bsn: str,
                    now: datetime | None = None) -> ClientRegistration:
    """Make the person with this BSN the organisation's client (its basis), audited.

    A refused attempt is audited too (denied), after its own savepoint rolled back.
    """
    try:
        return _register(professional, actor, bsn, now or timezone.now())
    except Refused as refusal:
        record(actor, EventType.CREATE, Subject(object_type=OBJECT_TYPE,
               detail={"code": refusal.code}), outcome=Outcome.DENIED,
               purpose=f"cliënt inschrijven geweigerd: {refusal.code}")
        raise


@transaction.atomic
def _register(professional: Professional, actor: Actor, bsn: str,
              now: datetime) -> ClientRegistration:
    _check_may_register(professional)
    person = person_by_bsn(bsn, actor, bring_into_view=True)
    if person.date_of_death is not None:
        refuse("overleden", "Deze persoon is overleden.", "bsn")
    if person.age_on(timezone.localdate(now)) < ADULT_AGE:
        refuse("geen-volwassene", "Alleen een volwassene wordt cliënt voor de kindcheck; over "
               "een jeugdige legt u een signaal vast.", "bsn")
    organisation = professional.organisation
    created = not is_client(organisation, person)
    if created:
        grant_basis(organisation, person, BasisKind.CLIENT, actor=actor)
        record(actor, EventType.CREATE, _subject(person), purpose="cliënt ingeschreven")
    return ClientRegistration(person=person, created=created)


def end_client(professional: Professional, actor: Actor, person_uuid: UUID | str) -> Person:
    """End the client relation: the organisation's client basis ends, audited.

    Refuses ``NOT_A_CLIENT`` (answered as 404) when the person is not the organisation's client,
    also for an unknown uuid; the attempt is audited as denied.
    """
    try:
        return _end(professional, actor, person_uuid)
    except Refused as refusal:
        person = Person.objects.filter(uuid=person_uuid).first() if _is_uuid(person_uuid) else None
        record(actor, EventType.UPDATE, Subject(
            client_pseudonym=str(person.uuid) if person else "", object_type=OBJECT_TYPE,
            detail={"code": refusal.code}), outcome=Outcome.DENIED,
            purpose=f"cliëntrelatie beëindigen geweigerd: {refusal.code}")
        raise


@transaction.atomic
def _end(professional: Professional, actor: Actor, person_uuid: UUID | str) -> Person:
    _check_may_register(professional)
    person = Person.objects.filter(uuid=person_uuid).first() if _is_uuid(person_uuid) else None
    if person is None or not is_client(professional.organisation, person):
        refuse(NOT_A_CLIENT, "Deze persoon is geen cliënt van uw organisatie.", "",
               RefusalKind.FORBIDDEN)
    end_basis(professional.organisation, person, BasisKind.CLIENT, actor=actor)
    record(actor, EventType.UPDATE, _subject(person), purpose="cliëntrelatie beëindigd")
    return person


def _check_may_register(professional: Professional) -> None:
    if not may_register_clients(professional):
        refuse("geen-volwassenenzorg", "Cliënten inschrijven voor de kindcheck doet de "
               "volwassenenzorg (volwassen-GGZ, verslavingszorg, ziekenhuis, schuldhulp).",
               kind=RefusalKind.FORBIDDEN)


def _subject(person: Person) -> Subject:
    return Subject(client_pseudonym=str(person.uuid), object_type=OBJECT_TYPE,
                   object_id=str(person.uuid))


def _is_uuid(value: UUID | str) -> bool:
    try:
        UUID(str(value))
    except ValueError:
        return False
    return True
