"""Informing the youth and parents of a registration, or recording why it waits (domain.md §2).

No consent is needed to register, but those concerned must be told: under 12 the parents,
12–15 the youth and the parents, from 16 the youth alone. The age on the day of informing
decides. Postponing is allowed only with a recorded reason; the deadline job reminds the
registrant when neither happened in time. The moment of informing starts the six-week term for
an objection.
"""

from datetime import date
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from ketenzicht.audit.models import EventType
from ketenzicht.audit.services import Actor, record
from ketenzicht.organisations.models import Professional

from .errors import RefusalKind, RegistrationRefused
from .models import IndexRegistration, InformedParty, PostponementReason, RegistrationStatus
from .rules import parties_to_inform
from .services import registration_subject

#: Which recorded answers cover what the age rule requires. From 16 only the youth: informing
#: the parents as well would disclose the registration to them, so "both" is refused then.
COVERS: dict[str, frozenset[str]] = {
    InformedParty.PARENTS: frozenset({InformedParty.PARENTS, InformedParty.BOTH}),
    InformedParty.YOUTH: frozenset({InformedParty.YOUTH}),
    InformedParty.BOTH: frozenset({InformedParty.BOTH}),
}


def _refuse(kind: RefusalKind, code: str, message: str, field: str = "") -> None:
    raise RegistrationRefused(kind=kind, code=code, message=message, field=field)


def parties_required(registration: IndexRegistration, today: date) -> str:
    """Who must be informed on ``today``: an ``InformedParty`` value."""
    return parties_to_inform(registration.person.date_of_birth, today)


def own_registration(professional: Professional, registration_uuid: UUID | str) -> IndexRegistration:
    """The organisation's own active registration, locked; informing is the registrant's task.

    Another organisation's registration gets the same refusal as a missing one.
    """
    try:
        registration = (
            IndexRegistration.objects.select_for_update().filter(uuid=registration_uuid).first()
        )
    except (ValidationError, ValueError):
        registration = None
    if registration is None or not professional.works_with_clients \
            or registration.organisation_id != professional.organisation_id:
        _refuse(RefusalKind.FORBIDDEN, "niet-eigen-registratie",
                "Alleen de eigen organisatie legt het informeren van deze registratie vast.")
    if registration.status != RegistrationStatus.ACTIVE:
        _refuse(RefusalKind.INVALID, "registratie-beeindigd", "Deze registratie is beëindigd.",
                "status")
    return registration


@transaction.atomic
def record_informed(
    professional: Professional, actor: Actor, registration_uuid: UUID | str,
    informed: InformedParty | str, on: date,
) -> IndexRegistration:
    """Record who was informed and when; refused when that does not meet the age rule."""
    registration = own_registration(professional, registration_uuid)
    if informed not in InformedParty.values:
        _refuse(RefusalKind.INVALID, "geinformeerd-onbekend",
                "Kies wie er is geïnformeerd: de jeugdige, de ouders of beiden.", "geinformeerd")
    if registration.informed:
        _refuse(RefusalKind.INVALID, "al-geinformeerd",
                f"Het informeren is al vastgelegd op {registration.informed_on:%d-%m-%Y}.",
                "geinformeerd")
    if on > timezone.localdate():
        _refuse(RefusalKind.INVALID, "datum-in-toekomst",
                "De datum van informeren kan niet in de toekomst liggen.", "geinformeerdOp")
    if on < timezone.localdate(registration.registered_at):
        _refuse(RefusalKind.INVALID, "datum-voor-registratie",
                "De datum van informeren kan niet vóór de registratie liggen.", "geinformeerdOp")
    required = parties_required(registration, on)
    if informed not in COVERS[required]:
        age = registration.person.age_on(on)
        _refuse(RefusalKind.INVALID, "geinformeerd-onvoldoende",
                f"De jeugdige is {age} jaar: {_who_must_be_informed(required)}", "geinformeerd")
    registration.informed, registration.informed_on = informed, on
    registration.save(update_fields=["informed", "informed_on"])
    record(actor, EventType.UPDATE, registration_subject(registration, geinformeerd=informed),
           purpose="informeren over registratie vastgelegd")
    return registration


def _who_must_be_informed(required: str) -> str:
    return {
        InformedParty.PARENTS: "onder de 12 jaar worden de ouders geïnformeerd.",
        InformedParty.BOTH: "van 12 tot 16 jaar worden de jeugdige én de ouders geïnformeerd.",
        InformedParty.YOUTH: "vanaf 16 jaar wordt alleen de jeugdige geïnformeerd, niet de "
                             "ouders.",
    }[required]


@transaction.atomic
def postpone_informing(
    professional: Professional, actor: Actor, registration_uuid: UUID | str, reason: str,
) -> IndexRegistration:
    """Postpone informing, with one of the fixed reasons (``PostponementReason``) recorded.

    A fixed list and no free text: the index holds no case content.
    """
    registration = own_registration(professional, registration_uuid)
    if reason not in PostponementReason.values:
        _refuse(RefusalKind.INVALID, "reden-ontbreekt",
                "Kies de reden waarom het informeren wordt uitgesteld.", "reden")
    if registration.informed:
        _refuse(RefusalKind.INVALID, "al-geinformeerd",
                f"Het informeren is al vastgelegd op {registration.informed_on:%d-%m-%Y}.",
                "reden")
    registration.informing_postponed_reason = reason
    registration.save(update_fields=["informing_postponed_reason"])
    record(actor, EventType.UPDATE, registration_subject(registration, informeren="uitgesteld"),
           purpose="uitstel van informeren vastgelegd")
    return registration


__all__ = ["parties_required", "postpone_informing", "record_informed"]
