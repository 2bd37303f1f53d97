"""Opening client data with its audit event: the one path both the web UI and the API use.

Each function checks need-to-know and writes exactly one audit event in the caller's
transaction: ``success`` with the basis as purpose, or ``denied``. A missing object and an
object without basis give the same answer (None) and the same kind of event, so nobody can
learn from the response whether a person exists.
"""

from dataclasses import dataclass
from uuid import UUID

from django.core.exceptions import ValidationError

from ketenzicht.audit.models import EventType, Outcome
from ketenzicht.audit.services import Actor, Subject, record
from ketenzicht.organisations.models import Professional
from ketenzicht.people.models import Household, Person
from ketenzicht.people.services import current_members, find_person_by_bsn

from .services import basis_for, visible_household, visible_person, visible_persons


def actor_for(professional: Professional, access_point: str = "", on_behalf_of: str = "") -> Actor:
    """The NEN 7513 user fields for a professional acting from ``access_point`` (IP or system)."""
    return Actor(
        user_id=str(professional.uuid),
        user_name=professional.display_name,
        organisation=professional.organisation.slug,
        role=professional.role,
        on_behalf_of=on_behalf_of,
        access_point=access_point,
    )


def open_person(
    professional: Professional, actor: Actor, person_uuid: UUID | str,
    event_type: EventType = EventType.READ,
) -> Person | None:
    person = visible_person(professional, person_uuid)
    subject = Subject(client_pseudonym=str(person_uuid), object_type="persoon",
                      object_id=str(person_uuid))
    if person is None:
        record(actor, event_type, subject, outcome=Outcome.DENIED, purpose="geen grondslag")
        return None
    basis = basis_for(professional, person)
    record(actor, event_type, subject, purpose=basis.label if basis else "")
    return person


def open_household(
    professional: Professional, actor: Actor, household_uuid: UUID | str
) -> Household | None:
    """Open a household; a household page shows every member, so each member gets an event.

    One event per member keeps "wie heeft mijn gegevens ingezien" complete for each of them.
    """
    household = visible_household(professional, household_uuid)
    if household is None:
        record(actor, EventType.READ, Subject(object_type="huishouden", object_id=str(household_uuid)),
               outcome=Outcome.DENIED, purpose="geen grondslag")
        return None
    member_uuids = [str(m.person.uuid) for m in current_members(household)] or [""]
    for member_uuid in member_uuids:
        record(actor, EventType.READ, Subject(client_pseudonym=member_uuid, object_type="huishouden",
               object_id=str(household_uuid)), purpose="grondslag op een lid van het huishouden")
    return household


@dataclass(frozen=True)
class SearchResult:
    person: Person | None
    error: ValidationError | None = None


def search_by_bsn(professional: Professional, actor: Actor, bsn: str) -> SearchResult:
    """Find a person by BSN among those the professional may see; the search itself is audited.

    An invalid BSN is an input error (returned, not audited as a client access); a valid BSN
    without a visible person is audited as denied without any trace of the BSN.
    """
    try:
        person = find_person_by_bsn(bsn)
    except ValidationError as error:
        return SearchResult(person=None, error=error)
    visible = person is not None and visible_persons(professional).filter(pk=person.pk).exists()
    if not visible:
        record(actor, EventType.SEARCH, Subject(object_type="persoon"), outcome=Outcome.DENIED,
               purpose="geen grondslag of onbekend")
        return SearchResult(person=None)
    basis = basis_for(professional, person)
    record(actor, EventType.SEARCH, Subject(client_pseudonym=str(person.uuid),
           object_type="persoon", object_id=str(person.uuid)),
           purpose=basis.label if basis else "")
    return SearchResult(person=person)
