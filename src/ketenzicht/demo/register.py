"""The demo population register: BRP answers about the synthetic Emmen population.

It answers from the same generator as ``loaddemo``, so every demo person it knows has the same
name, date of birth, address and family as in the database. Being prefix-stable, a register for
2,000 households also knows everyone of a smaller load.
"""

from collections import defaultdict
from collections.abc import Sequence
from functools import cache

from django.conf import settings

from ketenzicht.people.models import RelationKind
from ketenzicht.people.register.base import RegisterAddress, RegisterBase, RegisterPerson

from .dataset import DEFAULT_SEED, generate

DEFAULT_HOUSEHOLDS = 2000


def _split_suffix(suffix: str) -> tuple[str, str]:
    """``"A-2"`` → (``"A"``, ``"2"``); ``"-1"`` → (``""``, ``"1"``); ``"B"`` → (``"B"``, ``""``)."""
    letter, _sep, addition = suffix.partition("-")
    if len(letter) > 1:  # no letter, only an addition written without a dash
        return "", suffix
    return letter, addition


@cache
def _index(households: int, seed: int) -> tuple[dict[str, RegisterPerson], dict[tuple, list[str]]]:
    dataset = generate(households, seed)
    parents: dict[str, list[str]] = defaultdict(list)
    children: dict[str, list[str]] = defaultdict(list)
    partners: dict[str, list[str]] = defaultdict(list)
    for r in dataset.relations:
        if r.kind == RelationKind.PARENT:
            parents[r.person_bsn].append(r.relative_bsn)
            children[r.relative_bsn].append(r.person_bsn)
        elif r.kind == RelationKind.PARTNER:
            partners[r.person_bsn].append(r.relative_bsn)
            partners[r.relative_bsn].append(r.person_bsn)
    persons: dict[str, RegisterPerson] = {}
    residents: dict[tuple, list[str]] = defaultdict(list)
    for household in dataset.households:
        letter, addition = _split_suffix(household.house_number_suffix)
        address = RegisterAddress(
            street=household.street, house_number=household.house_number,
            postcode=household.postcode, city=household.city, house_letter=letter,
            house_number_addition=addition,
        )
        for member in household.members:
            p = member.person
            persons[p.bsn] = RegisterPerson(
                bsn=p.bsn, given_names=p.given_names, surname_prefix=p.surname_prefix,
                surname=p.surname, date_of_birth=p.date_of_birth, date_of_death=p.date_of_death,
                address=address, living_since=member.since,
                parents=tuple(parents[p.bsn]), children=tuple(children[p.bsn]),
                partners=tuple(partners[p.bsn]),
            )
            residents[_key(address)].append(p.bsn)
    return persons, residents


def _key(address: RegisterAddress) -> tuple:
    return (address.normalised_postcode, address.house_number, address.suffix)


class DemoRegister(RegisterBase):
    """The demo's BRP. ``households`` defaults to ``KETENZICHT_DEMO_HOUSEHOLDS`` (2,000)."""

    def __init__(self, households: int | None = None, seed: int = DEFAULT_SEED):
        if households is None:
            households = getattr(settings, "KETENZICHT_DEMO_HOUSEHOLDS", DEFAULT_HOUSEHOLDS)
        self.households = households
        self.seed = seed

    def lookup_many(self, bsns: Sequence[str]) -> list[RegisterPerson]:
        persons, _residents = _index(self.households, self.seed)
        return [persons[b] for b in bsns if b in persons]

    def residents_at(self, address: RegisterAddress) -> list[str]:
        _persons, residents = _index(self.households, self.seed)
        return list(residents.get(_key(address), []))
