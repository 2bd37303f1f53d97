"""Bringing a person's household into view from the population register (BRP), from the UI.

A professional who may see a person can ask the register who lives with them: the register
port (``people.register.sync``) writes that household to Ketenzicht and audits every person it
writes. This module decides who may ask (whoever may open the person, checked and audited by
``access.audited``) and turns the outcome into a Dutch message.

No database transaction is open while the register answers (up to its time-out): an audit
append holds its chain's lock until the transaction commits, so waiting on the register inside
one would make every other writer on that chain wait too. The view therefore opts out of
``ATOMIC_REQUESTS``; the access check with its event commits on its own, and the sync writes
the household and its events in one transaction of its own.
"""

from dataclasses import dataclass
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ketenzicht.access.audited import open_person
from ketenzicht.audit.services import Actor
from ketenzicht.organisations.models import Professional
from ketenzicht.people.register import RegisterError
from ketenzicht.people.register.sync import bring_household_into_view
from ketenzicht.people.services import reveal_bsn


@dataclass(frozen=True)
class RefreshOutcome:
    succeeded: bool
    message: str


def refresh_household(
    professional: Professional, actor: Actor, person_uuid: UUID
) -> RefreshOutcome | None:
    """Ask the register for the person's household; None when the person is not in view.

    Opening the person is audited as a read: their BSN is decrypted to ask the register.
    """
    with transaction.atomic():
        person = open_person(professional, actor, person_uuid)
    if person is None:
        return None
    bsn = reveal_bsn(person)
    if not bsn:
        return RefreshOutcome(False, _(
            "Van deze persoon is geen BSN bekend, dus de basisregistratie personen kan het "
            "huishouden niet geven."))
    try:
        bring_household_into_view(bsn, actor)
    except RegisterError as error:
        # RegisterError messages are Dutch and hold no BSN (see people.register.base).
        return RefreshOutcome(False, error.message)
    except ValidationError:
        return RefreshOutcome(False, _("Het BSN van deze persoon is ongeldig; neem contact op met "
                                       "de functioneel beheerder."))
    return RefreshOutcome(True, _("Het huishouden is bijgewerkt uit de basisregistratie personen."))
