"""Opening client data with its audit event: the one path both the web UI and the API use.

Each function checks need-to-know and writes exactly one audit event in the caller's
transaction: ``success`` with the basis as purpose, or ``denied``. A missing object and an
object without basis give the same answer (None) and the same kind of event, so nobody can
learn from the response whether a person exists.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from uuid import UUID

from django.core.exceptions import ValidationError
from django.utils import translation

from ketenzicht.audit.models import EventType, Outcome
from ketenzicht.audit.services import Actor, Subject, record, record_many
from ketenzicht.organisations.models import Professional
from ketenzicht.people.models import Household, Person
from ketenzicht.people.services import current_members, find_person_by_bsn

from .services import basis_for, visible_household, visible_person


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


def _purpose(professional: Professional, person: Person) -> str:
    """The basis in Dutch, whatever language the user reads: the trail must not vary by locale."""
    with translation.override("nl"):
        basis = basis_for(professional, person)
    return basis.label if basis else ""


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
    record(actor, event_type, subject, purpose=_purpose(professional, person))
    return person


def open_household(
    professional: Professional, actor: Actor, household_uuid: UUID | str
) -> Household | None:
    """Open a household; a household page shows every member, so each member gets an event.

    One event per member keeps "wie heeft mijn gegevens ingezien" complete for each of them,
    refused attempts included; the answer to the caller stays the same for missing and refused.
    """
    household = Household.objects.filter(uuid=household_uuid).first()
    allowed = household is not None and visible_household(professional, household_uuid) is not None
    members = [str(m.person.uuid) for m in current_members(household)] if household else []
    outcome, purpose = (
        (Outcome.SUCCESS, "grondslag op een lid van het huishouden") if allowed
        else (Outcome.DENIED, "geen grondslag")
    )
    for member_uuid in members or [""]:
        record(actor, EventType.READ, Subject(client_pseudonym=member_uuid, object_type="huishouden",
               object_id=str(household_uuid)), outcome=outcome, purpose=purpose)
    return household if allowed else None


def record_listing(actor: Actor, person_uuids: Iterable[str], object_type: str, purpose: str) -> None:
    """A list that names clients is a read of each of them: one event per client shown."""
    subjects = [Subject(client_pseudonym=uuid, object_type=object_type)
                for uuid in dict.fromkeys(person_uuids)]
    record_many(actor, EventType.READ, subjects, purpose=purpose)


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
    purpose = _purpose(professional, person) if person is not None else ""
    # A refused search for an existing person is in that person's access report; the caller
    # still gets the same answer as for a BSN nobody has.
    subject = Subject(
        client_pseudonym=str(person.uuid) if person else "", object_type="persoon",
        object_id=str(person.uuid) if person else "",
    )
    if not purpose:
        record(actor, EventType.SEARCH, subject, outcome=Outcome.DENIED,
               purpose="geen grondslag of onbekend")
        return SearchResult(person=None)
    record(actor, EventType.SEARCH, subject, purpose=purpose)
    return SearchResult(person=person)
