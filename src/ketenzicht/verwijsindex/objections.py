"""Objections (bezwaar) against a registration, decided by the municipality (domain.md §2).

The youth or parents may object within six weeks of being informed; before they were informed
the term has not started, so an objection is always in time. The municipality's regievoerder
records and decides it. Upheld, the registration is erased: not ended and archived, but gone,
with its participation in matches (and the objection itself) and the organisation's access
basis. Only the audit trail keeps that it existed and why it went.
"""

from datetime import date, datetime, timedelta
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from ketenzicht.audit.models import EventType
from ketenzicht.audit.services import Actor, Subject, record
from ketenzicht.organisations.models import Professional
from ketenzicht.people.models import Person

from .errors import RefusalKind, RegistrationRefused
from .lifecycle import erase_registrations
from .match_actions import is_regievoerder_of
from .models import EndReason, IndexRegistration, Objection
from .municipality import registration_municipality_id

#: Jeugdwet / Awb: an objection is lodged within six weeks.
OBJECTION_TERM = timedelta(weeks=6)

OBJECTION_OBJECT = "verwijsindex-bezwaar"
REFUSAL = "Alleen de regievoerder van de gemeente legt bezwaren tegen registraties vast."


def _refuse(kind: RefusalKind, code: str, message: str, field: str = "") -> None:
    raise RegistrationRefused(kind=kind, code=code, message=message, field=field)


def objection_deadline(registration: IndexRegistration) -> date | None:
    """The last day an objection is in time, or None while the youth/parents are not informed."""
    return registration.informed_on + OBJECTION_TERM if registration.informed_on else None


def _subject(objection: Objection, **detail) -> Subject:
    return Subject(
        client_pseudonym=str(objection.registration.person.uuid), object_type=OBJECTION_OBJECT,
        object_id=str(objection.pk),
        detail={"registratie": str(objection.registration.uuid), **detail},
    )


@transaction.atomic
def record_objection(
    professional: Professional, actor: Actor, registration_uuid: UUID | str, received_on: date,
) -> Objection:
    """Record an objection received on ``received_on``; refused when the six weeks have passed."""
    try:
        registration = (
            IndexRegistration.objects.select_for_update().filter(uuid=registration_uuid).first()
        )
    except (ValidationError, ValueError):
        registration = None
    if registration is None or not is_regievoerder_of(
        professional, registration_municipality_id(registration)
    ):
        _refuse(RefusalKind.FORBIDDEN, "geen-regievoerder", REFUSAL)
    if received_on > timezone.localdate():
        _refuse(RefusalKind.INVALID, "datum-in-toekomst",
                "De ontvangstdatum kan niet in de toekomst liggen.", "ontvangenOp")
    if received_on < timezone.localdate(registration.registered_at):
        _refuse(RefusalKind.INVALID, "datum-voor-registratie",
                "De ontvangstdatum kan niet vóór de registratie liggen.", "ontvangenOp")
    deadline = objection_deadline(registration)
    if deadline is not None and received_on > deadline:
        _refuse(RefusalKind.INVALID, "bezwaar-te-laat",
                f"Het bezwaar is te laat: het moest binnen zes weken na het informeren "
                f"({registration.informed_on:%d-%m-%Y}) binnen zijn, uiterlijk "
                f"{deadline:%d-%m-%Y}.", "ontvangenOp")
    if registration.objections.filter(decided_at__isnull=True).exists():
        _refuse(RefusalKind.CONFLICT, "bezwaar-loopt",
                "Er loopt al een bezwaar tegen deze registratie: beslis daar eerst op.")
    objection = Objection.objects.create(registration=registration, received_on=received_on)
    record(actor, EventType.CREATE, _subject(objection, ontvangenOp=received_on.isoformat()),
           purpose="bezwaar tegen registratie vastgelegd")
    return objection


@transaction.atomic
def decide_objection(
    professional: Professional, actor: Actor, objection_id: int, upheld: bool,
    now: datetime | None = None,
) -> None:
    """Decide an objection; upheld, the registration is erased (see the module docstring)."""
    now = now or timezone.now()
    objection = (
        Objection.objects.select_for_update().filter(pk=objection_id).first()
        if str(objection_id).isdigit() else None
    )
    registration = objection.registration if objection is not None else None
    if registration is None or not is_regievoerder_of(
        professional, registration_municipality_id(registration)
    ):
        _refuse(RefusalKind.FORBIDDEN, "geen-regievoerder", REFUSAL)
    if objection.decided_at is not None:
        _refuse(RefusalKind.INVALID, "al-besloten", "Op dit bezwaar is al beslist.", "gegrond")
    objection.upheld, objection.decided_at = upheld, now
    objection.save(update_fields=["upheld", "decided_at"])
    record(actor, EventType.UPDATE, _subject(objection, gegrond=upheld),
           purpose="besluit op bezwaar tegen registratie")
    if upheld:
        erase_registration(registration, actor, now)


def erase_registration(registration: IndexRegistration, actor: Actor, now: datetime) -> None:
    """Erase a registration after an upheld objection, as the lifetime rules erase one.

    ``lifecycle.erase_registrations`` ends the access basis, records the DELETE, deletes the
    registration with its participations, and closes (or deletes, when empty) the matches no
    active registration holds open any more.
    """
    Person.objects.select_for_update().filter(pk=registration.person_id).first()
    locked = list(
        IndexRegistration.objects.select_for_update(of=("self",)).filter(pk=registration.pk)
        .select_related("person", "organisation")
    )
    erase_registrations(locked, EndReason.OBJECTION, actor, now)


__all__ = ["decide_objection", "erase_registration", "objection_deadline", "record_objection"]
