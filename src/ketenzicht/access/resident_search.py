"""Finding a resident without a basis, only with a purpose: to record an application or a signal.

A district team (CJG-Jeugdteam: an organisation type with *toegang tot inwoners eigen gebied*,
``OrganisationType.grants_district_basis``) sees a person only through a basis (``services``).
But a family calls the team's desk, or walks in, before the team has any: the team must be able
to find the resident to record their application (aanmelding) or a signal, and that recording
creates the basis (the case, the route). So this search:

- is open only to district teams, only for residents of the team's own districts;
- asks for the purpose (``aanmelding`` or ``signaal``) and the reason in words, and writes both
  into the audit trail, in the resident's access report (a refused or fruitless search too);
- shows no more than is needed to start that: the name and the date of birth, to confirm with
  the caller that this is the right person — never the address, the household, relations or
  anyone's involvement. The household comes into view when the application or signal is
  recorded, through the basis it creates;
- answers a BSN nobody in the team's districts has, a resident of another district and an
  invalid search alike for the caller, and asks the population register (BRP) about someone
  Ketenzicht does not know yet, without storing anything, so the answer never tells whether the
  chain knows the person.

Other pages call ``find_resident`` before their own form (the application page, the signal
form); the BSN then travels on in that form's POST body, never in a URL.
"""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from ketenzicht.audit.models import EventType, Outcome
from ketenzicht.audit.services import Actor, Subject, record
from ketenzicht.organisations.models import District, Professional
from ketenzicht.organisations.services import district_for_postcode
from ketenzicht.people.bsn import validate_bsn
from ketenzicht.people.models import Person
from ketenzicht.people.register import RegisterError, get_register
from ketenzicht.people.services import district_of, find_person_by_bsn
from ketenzicht.refusals import RefusalKind, Refused

from .services import may_see_clients

MAX_REASON = 500


class SearchPurpose(models.TextChoices):
    """What a district team may find a resident without a basis for."""

    APPLICATION = "aanmelding", _("Een aanmelding vastleggen")
    SIGNAL = "signaal", _("Een signaal vastleggen")


@dataclass(frozen=True)
class Resident:
    """What the purposeful search shows: enough to confirm who it is, nothing more."""

    bsn: str
    name: str
    date_of_birth: date
    purpose: str


def may_find_residents(professional: Professional) -> bool:
    """District teams (their type sees to the residents of its districts) with a client role."""
    organisation = professional.organisation
    return (may_see_clients(professional) and organisation.type.grants_district_basis
            and organisation.districts.exists())


def _refuse(code: str, message: str, field: str = "", kind: RefusalKind = RefusalKind.INVALID):
    raise Refused(kind, code, message, field)


def _purpose_text(purpose: str, reason: str) -> str:
    return f"zoeken voor {purpose}: {reason}"[:200]


def find_resident(professional: Professional, actor: Actor, bsn: str, purpose: str,
                  reason: str) -> Resident | None:
    """The resident with this BSN in one of the team's districts, or None; always audited.

    Refuses (``Refused``) an organisation that may not search this way (audited as denied), an
    unknown purpose, a missing reason, an invalid BSN, and an unreachable register.
    """
    reason = reason.strip()
    if not may_find_residents(professional):
        record(actor, EventType.SEARCH, Subject(object_type="inwoner-met-doel"),
               outcome=Outcome.DENIED, purpose="zoeken met doel: geen gebiedsteam")
        _refuse("geen-gebiedsteam", "Alleen het team van een gebiedsregio zoekt inwoners op om "
                "een aanmelding of signaal vast te leggen.", kind=RefusalKind.FORBIDDEN)
    if purpose not in SearchPurpose.values:
        _refuse("doel-onbekend", "Kies waarvoor u zoekt: een aanmelding of een signaal "
                "vastleggen.", "doel")
    if not reason:
        _refuse("reden-ontbreekt", "Noteer waarom u deze inwoner zoekt (bijvoorbeeld: moeder "
                "belt met een vraag over haar zoon).", "reden")
    if len(reason) > MAX_REASON:
        _refuse("reden-te-lang", f"Noteer de reden in ten hoogste {MAX_REASON} tekens.", "reden")
    try:
        valid = validate_bsn(bsn)
    except ValidationError as error:
        _refuse("bsn-ongeldig", error.messages[0], "bsn")
    person = find_person_by_bsn(valid)
    found = _known(person) if person is not None else _in_register(valid)
    districts = set(professional.organisation.districts.values_list("pk", flat=True))
    subject = Subject(client_pseudonym=str(person.uuid) if person else "",
                      object_type="inwoner-met-doel", object_id=str(person.uuid) if person else "",
                      detail={"doel": purpose, "reden": reason})
    if found is None or found[2] is None or found[2].pk not in districts:
        record(actor, EventType.SEARCH, subject, outcome=Outcome.DENIED,
               purpose=_purpose_text(purpose, reason))
        return None
    name, born, _district = found
    record(actor, EventType.SEARCH, subject, purpose=_purpose_text(purpose, reason))
    return Resident(bsn=valid, name=name, date_of_birth=born, purpose=purpose)


def _known(person: Person) -> tuple[str, date, District | None] | None:
    if person.date_of_death is not None:
        return None
    return person.full_name, person.date_of_birth, district_of(person)


def _in_register(bsn: str) -> tuple[str, date, District | None] | None:
    """Someone Ketenzicht does not know: the BRP's name, date of birth and district; nothing is
    stored (recording the application or signal brings the household into view)."""
    try:
        found = get_register().lookup(bsn)
    except RegisterError as error:
        _refuse("brp-onbereikbaar", str(error), "bsn", RefusalKind.UNAVAILABLE)
    if found is None or found.date_of_death is not None or found.address is None:
        return None
    prefix = f"{found.surname_prefix} " if found.surname_prefix else ""
    name = f"{found.given_names} {prefix}{found.surname}"
    return name, found.date_of_birth, district_for_postcode(found.address.postcode)
