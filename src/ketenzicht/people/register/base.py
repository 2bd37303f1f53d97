"""The population-register port: what Ketenzicht asks the BRP, whichever adapter answers.

A professional who opens a youth must see the whole household, not only the child in front of
them. The register (BRP) is the source for who lives at the youth's address and who the
parents are; adapters translate one register (the demo, Haal Centraal BRP Personen Bevragen)
to these plain types. Nothing here logs or formats a BSN.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol, runtime_checkable

from django.utils import timezone

from ketenzicht.organisations.services import normalise_postcode

from ..ages import YOUTH_AGE_LIMIT, age_on


class RegisterError(Exception):
    """The register could not answer. ``message`` is Dutch, for the professional; no BSN in it."""

    def __init__(self, message: str, *, status: int | None = None, code: str = ""):
        super().__init__(message)
        self.message = message
        self.status = status
        self.code = code


class RegisterUnavailable(RegisterError):
    """Timeouts, connection errors and server errors: try again later."""


class PersonNotInRegister(RegisterError):
    """The register does not know the BSN (or gives no address to build a household from)."""


@dataclass(frozen=True)
class RegisterAddress:
    street: str
    house_number: int
    postcode: str
    city: str
    house_letter: str = ""
    house_number_addition: str = ""
    #: BAG identification of the dwelling; the Haal Centraal adapter finds co-residents with it.
    object_id: str = field(default="", compare=False)

    @property
    def suffix(self) -> str:
        """The house number suffix as Ketenzicht stores it: ``"A"``, ``"-2"`` or ``"A-2"``."""
        addition = f"-{self.house_number_addition}" if self.house_number_addition else ""
        return f"{self.house_letter}{addition}"

    @property
    def normalised_postcode(self) -> str:
        return normalise_postcode(self.postcode)


@dataclass(frozen=True)
class RegisterPerson:
    bsn: str
    given_names: str
    surname: str
    date_of_birth: date
    surname_prefix: str = ""
    date_of_death: date | None = None
    address: RegisterAddress | None = None
    #: Since when the person lives at ``address``, when the register says.
    living_since: date | None = None
    parents: tuple[str, ...] = ()
    children: tuple[str, ...] = ()
    partners: tuple[str, ...] = ()


@dataclass(frozen=True)
class RegisterHousehold:
    """The person asked for, everyone registered at their address, and parents living elsewhere."""

    person: RegisterPerson
    address: RegisterAddress
    residents: tuple[RegisterPerson, ...]
    parents_elsewhere: tuple[RegisterPerson, ...] = ()


@runtime_checkable
class PopulationRegister(Protocol):
    def lookup(self, bsn: str) -> RegisterPerson | None:
        """The person with this BSN, or None when the register does not know them."""
        ...

    def household(self, bsn: str) -> RegisterHousehold | None:
        """The person's household at their address, or None when the register does not know them."""
        ...


class RegisterBase:
    """Builds ``lookup`` and ``household`` from two primitives an adapter implements."""

    def lookup_many(self, bsns: Sequence[str]) -> list[RegisterPerson]:
        raise NotImplementedError

    def residents_at(self, address: RegisterAddress) -> list[str]:
        """BSNs of everyone registered at the address."""
        raise NotImplementedError

    def lookup(self, bsn: str) -> RegisterPerson | None:
        found = self.lookup_many([bsn])
        return found[0] if found else None

    def household(self, bsn: str) -> RegisterHousehold | None:
        person = self.lookup(bsn)
        if person is None:
            return None
        if person.address is None:
            raise PersonNotInRegister(
                "De basisregistratie personen geeft geen adres in Nederland voor deze persoon: "
                "het huishouden kan niet worden bepaald."
            )
        resident_bsns = _unique([person.bsn, *self.residents_at(person.address)])
        others = self.lookup_many([b for b in resident_bsns if b != person.bsn])
        residents = [person, *(p for p in others if p.address == person.address)]
        at_home = {p.bsn for p in residents}
        # Parents of the youths at this address who live elsewhere (a father after a divorce);
        # not the parents of the adults, which would pull in the grandparents' household.
        today = timezone.localdate()
        parent_bsns = _unique(
            b for p in residents if is_youth(p, today) for b in p.parents if b not in at_home
        )
        elsewhere = self.lookup_many(parent_bsns) if parent_bsns else []
        return RegisterHousehold(
            person=person, address=person.address, residents=tuple(residents),
            parents_elsewhere=tuple(elsewhere),
        )


def is_youth(person: RegisterPerson, today: date) -> bool:
    return age_on(person.date_of_birth, today) < YOUTH_AGE_LIMIT


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))
