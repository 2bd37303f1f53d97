"""The demo population as plain data: the five example households and the generated ones.

One generator feeds both the loader (which writes it to the database) and the demo population
register (which answers BRP-style questions about it), so the two never disagree.

Why it is deterministic: every household draws from its own ``random.Random`` seeded with a
string (hashed with SHA-512 by Python, independent of ``PYTHONHASHSEED``), and ages are relative
to a fixed reference date, not today. Generation is also *prefix-stable*: the first N households
of a 2,000-household dataset are exactly the households of an N-household dataset, so a demo
register built for 2,000 households knows everyone a smaller load put in the database.
"""

import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from ketenzicht.people.models import MemberRole, RelationKind

from . import names
from .bsns import synthetic_bsns
from .config import DISTRICTS, DistrictConfig, Place

#: Ages in the demo are relative to this day, so the data is the same whenever it is loaded.
REFERENCE_DATE = date(2025, 9, 1)
DEFAULT_SEED = 2016
#: The example households' BSNs live in 99999xxxx; generated ones must stay below.
FIXED_BSN_FLOOR = "999990000"

#: Letters PostNL uses in PC6 codes (F, I, O, Q, U and Y are avoided).
_PC6_LETTERS = "ABCDEGHJKLMNPRSTVWXZ"


@dataclass(frozen=True)
class DemoPerson:
    bsn: str
    given_names: str
    surname_prefix: str
    surname: str
    date_of_birth: date
    uuid: uuid.UUID
    date_of_death: date | None = None

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.given_names, self.surname_prefix, self.surname) if p)


@dataclass(frozen=True)
class DemoMember:
    person: DemoPerson
    role: str
    since: date


@dataclass(frozen=True)
class DemoHousehold:
    name: str
    street: str
    house_number: int
    house_number_suffix: str
    postcode: str
    city: str
    district_slug: str
    members: tuple[DemoMember, ...]
    uuid: uuid.UUID

    @property
    def address_key(self) -> tuple[str, int, str]:
        return (self.postcode, self.house_number, self.house_number_suffix)


@dataclass(frozen=True)
class DemoRelation:
    """``relative`` is ``kind`` of ``person`` (one direction; the inverse is implied)."""

    person_bsn: str
    relative_bsn: str
    kind: str


@dataclass(frozen=True)
class DemoDataset:
    households: tuple[DemoHousehold, ...]
    relations: tuple[DemoRelation, ...]

    def persons(self) -> Iterator[DemoPerson]:
        for household in self.households:
            for member in household.members:
                yield member.person


def postcode_for(place: Place, street: str, house_number: int) -> str:
    """A plausible PC6: one letter pair per street segment of twenty numbers."""
    first = _PC6_LETTERS[place.streets.index(street) % len(_PC6_LETTERS)]
    second = _PC6_LETTERS[(house_number // 20) % len(_PC6_LETTERS)]
    return f"{place.pc4}{first}{second}"


def household_name(prefix: str, surname: str) -> str:
    """``("van der", "Meer")`` → ``"Van der Meer"``, as a household is called in conversation."""
    return f"{prefix} {surname}".strip()[:1].upper() + f"{prefix} {surname}".strip()[1:]


def _place(district_slug: str, pc4: str) -> Place:
    district = next(d for d in DISTRICTS if d.slug == district_slug)
    return next(p for p in district.places if p.pc4 == pc4)


def _uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


# --- The example households (demo.md): exact names, BSNs, dates and districts. -----------------

_EXAMPLES = (
    # (household name, district, pc4, street, number, suffix,
    #  [(key, bsn, given names, prefix, surname, date of birth, role)])
    ("De Vries", "de-monden", "7881", "Hoofdkanaal Oost", 112, "", [
        ("daan", "999990019", "Daan", "de", "Vries", date(2017, 5, 12), MemberRole.CHILD),
        ("emma", "999990020", "Emma", "de", "Vries", date(2012, 2, 3), MemberRole.CHILD),
        ("anja", "999990032", "Anja", "de", "Vries", date(1985, 9, 21), MemberRole.PARENT),
        ("marco", "999990044", "Marco", "de", "Vries", date(1983, 1, 30), MemberRole.PARENT),
    ]),
    ("Bakker", "emmen-oost", "7816", "Oosterstraat", 41, "", [
        ("noah", "999990056", "Noah", "", "Bakker", date(2022, 8, 14), MemberRole.CHILD),
        ("linda", "999990068", "Linda", "", "Bakker", date(1996, 4, 2), MemberRole.PARENT),
    ]),
    ("Jansen", "de-velden", "7833", "Julianastraat", 8, "", [
        ("sanne", "999990081", "Sanne", "", "Jansen", date(2010, 6, 18), MemberRole.CHILD),
        ("lucas", "999990093", "Lucas", "", "Jansen", date(2015, 11, 7), MemberRole.CHILD),
        ("peter", "999990111", "Peter", "", "Jansen", date(1978, 12, 11), MemberRole.PARENT),
    ]),
    ("Yilmaz", "emmen-zuid", "7824", "Ermerweg", 23, "", [
        ("mila", "999990123", "Mila", "", "Yilmaz", date(2024, 3, 9), MemberRole.CHILD),
        ("elif", "999990135", "Elif", "", "Yilmaz", date(1999, 7, 25), MemberRole.PARENT),
        ("emre", "999990147", "Emre", "", "Yilmaz", date(1997, 10, 5), MemberRole.PARENT),
    ]),
    ("Smit", "emmen-noord", "7812", "Statenweg", 144, "B", [
        ("kevin", "999990159", "Kevin", "", "Smit", date(2004, 1, 15), MemberRole.OTHER),
    ]),
    ("Smit", "de-blokken", "7891", "Langestraat", 65, "", [
        ("jeroen", "999990160", "Jeroen", "", "Smit", date(2002, 3, 3), MemberRole.OTHER),
    ]),
)

_EXAMPLE_RELATIONS = (
    ("daan", "anja", RelationKind.PARENT), ("daan", "marco", RelationKind.PARENT),
    ("emma", "anja", RelationKind.PARENT), ("emma", "marco", RelationKind.PARENT),
    ("daan", "emma", RelationKind.SIBLING), ("anja", "marco", RelationKind.PARTNER),
    ("noah", "linda", RelationKind.PARENT),
    ("sanne", "peter", RelationKind.PARENT), ("lucas", "peter", RelationKind.PARENT),
    ("sanne", "lucas", RelationKind.SIBLING),
    ("mila", "elif", RelationKind.PARENT), ("mila", "emre", RelationKind.PARENT),
    ("elif", "emre", RelationKind.PARTNER),
    ("kevin", "jeroen", RelationKind.SIBLING),
)

#: The example persons' BSNs by first name, for tests and the README walkthrough.
EXAMPLE_BSNS: dict[str, str] = {
    key: bsn for *_, people in _EXAMPLES for key, bsn, *_rest in people
}


def _examples(seed: int) -> tuple[list[DemoHousehold], list[DemoRelation]]:
    rng = random.Random(f"ketenzicht-demo:{seed}:examples")
    households = []
    for name, district, pc4, street, number, suffix, people in _EXAMPLES:
        place = _place(district, pc4)
        members = []
        for _key, bsn, given, prefix, surname, born, role in people:
            person = DemoPerson(bsn, given, prefix, surname, born, _uuid(rng))
            members.append(DemoMember(person, role, max(born, date(2015, 6, 1))))
        households.append(DemoHousehold(
            name=name, street=street, house_number=number, house_number_suffix=suffix,
            postcode=postcode_for(place, street, number), city=place.city,
            district_slug=district, members=tuple(members), uuid=_uuid(rng),
        ))
    relations = [
        DemoRelation(EXAMPLE_BSNS[a], EXAMPLE_BSNS[b], kind) for a, b, kind in _EXAMPLE_RELATIONS
    ]
    return households, relations


# --- The generated households. --------------------------------------------------------------


def _birth_date(rng: random.Random, age: int) -> date:
    """A date of birth for someone ``age`` years old on the reference date."""
    last_birthday = REFERENCE_DATE.replace(year=REFERENCE_DATE.year - age)
    return last_birthday - timedelta(days=rng.randrange(365))


def _given_names(rng: random.Random, first: tuple[str, ...], second: tuple[str, ...]) -> str:
    name = rng.choice(first)
    if second and rng.random() < 0.2:
        name = f"{name} {rng.choice(second)}"
    return name


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year without one
        return date(day.year + years, 3, 1)


def _moved_in(rng: random.Random, born: date, earliest_age: int = 18) -> date:
    """A move-in date after the person's ``earliest_age`` birthday, before the reference date."""
    adult = _add_years(born, earliest_age)
    span = (REFERENCE_DATE - adult).days
    if span <= 0:
        return REFERENCE_DATE
    return adult + timedelta(days=rng.randrange(min(span, 15 * 365)))


@dataclass
class _Family:
    """An earlier generated household with children, so a later young adult can be their child."""

    surname: tuple[str, str]
    parents: list[DemoPerson]
    children: list[DemoPerson]
    origin: names.Origin


class _Generator:
    def __init__(self, seed: int):
        self.seed = seed
        self.bsns = synthetic_bsns(0)
        self.used_addresses: set[tuple[str, str, int, str]] = set()
        self.families: list[_Family] = []
        self.relations: list[DemoRelation] = []
        self.weights = [d.weight for d in DISTRICTS]

    def bsn(self) -> str:
        value = next(self.bsns)
        if value >= FIXED_BSN_FLOOR:
            raise ValueError("Te veel demohuishoudens: de synthetische BSN-reeks is op.")
        return value

    def person(self, rng: random.Random, given: str, surname: tuple[str, str], born: date) -> DemoPerson:
        return DemoPerson(self.bsn(), given, surname[0], surname[1], born, _uuid(rng))

    def address(self, rng: random.Random, district: DistrictConfig) -> tuple[Place, str, int, str]:
        while True:
            place = rng.choice(district.places)
            street = rng.choice(place.streets)
            number = rng.randint(1, 199)
            suffix = rng.choice(("",) * 12 + ("A", "B", "a", "-1", "-2"))
            suffix = suffix.upper() if len(suffix) == 1 else suffix
            key = (place.pc4, street, number, suffix)
            if key not in self.used_addresses:
                self.used_addresses.add(key)
                return place, street, number, suffix

    def household(self, index: int) -> DemoHousehold:
        rng = random.Random(f"ketenzicht-demo:{self.seed}:household:{index}")
        district = rng.choices(DISTRICTS, weights=self.weights)[0]
        weights = (
            names.ORIGIN_WEIGHTS_CITY_EAST_SOUTH
            if district.slug in {"emmen-oost", "emmen-zuid"} else names.ORIGIN_WEIGHTS
        )
        origin = rng.choices([o for o, _w in weights], weights=[w for _o, w in weights])[0]
        place, street, number, suffix = self.address(rng, district)
        kind = rng.random()
        if kind < 0.42:
            members, name = self._family(rng, origin, two_parents=True)
        elif kind < 0.62:
            members, name = self._family(rng, origin, two_parents=False)
        elif kind < 0.90:
            members, name = self._adults(rng, origin)
        else:
            members, name = self._young_adult(rng, origin)
        return DemoHousehold(
            name=name, street=street, house_number=number, house_number_suffix=suffix,
            postcode=postcode_for(place, street, number), city=place.city,
            district_slug=district.slug, members=tuple(members), uuid=_uuid(rng),
        )

    def _family(self, rng: random.Random, origin: names.Origin, two_parents: bool):
        count = rng.choices((1, 2, 3, 4), weights=(25, 40, 25, 10))[0]
        if not two_parents:
            count = min(count, 3)
        eldest_age = rng.randint(0, 17)
        births = [_birth_date(rng, eldest_age)]
        for _ in range(count - 1):
            # Siblings are born at least thirteen months apart.
            younger = births[-1] + timedelta(days=rng.randint(400, 4 * 365))
            if younger > REFERENCE_DATE:
                break
            births.append(younger)
        mother_age = eldest_age + rng.randint(20, 37)
        father_age = mother_age + rng.randint(-2, 5)
        father_surname = rng.choice(origin.surnames)
        mother_surname = rng.choice(origin.surnames)
        mother = self.person(
            rng, _given_names(rng, origin.female_adult, origin.second_female), mother_surname,
            _birth_date(rng, mother_age),
        )
        parents = [mother]
        if two_parents:
            father = self.person(
                rng, _given_names(rng, origin.male_adult, origin.second_male), father_surname,
                _birth_date(rng, father_age),
            )
            parents = [father, mother]
            children_surname = father_surname
        elif rng.random() < 0.2:
            # A single father.
            father = self.person(
                rng, _given_names(rng, origin.male_adult, origin.second_male), father_surname,
                _birth_date(rng, father_age),
            )
            parents = [father]
            children_surname = father_surname
        else:
            # A single mother; the children may carry the name of a father who lives elsewhere.
            children_surname = mother_surname if rng.random() < 0.6 else father_surname
        children = []
        for born in births:
            male = rng.random() < 0.5
            given = _given_names(
                rng, origin.male_child if male else origin.female_child,
                origin.second_male if male else origin.second_female,
            )
            children.append(self.person(rng, given, children_surname, born))
        eldest_born = children[0].date_of_birth
        since = min(eldest_born, _moved_in(rng, parents[-1].date_of_birth, earliest_age=19))
        members = [DemoMember(p, MemberRole.PARENT, since) for p in parents]
        members += [DemoMember(c, MemberRole.CHILD, max(c.date_of_birth, since)) for c in children]
        for child in children:
            for parent in parents:
                self.relations.append(DemoRelation(child.bsn, parent.bsn, RelationKind.PARENT))
        for i, a in enumerate(children):
            for b in children[i + 1:]:
                self.relations.append(DemoRelation(a.bsn, b.bsn, RelationKind.SIBLING))
        if len(parents) == 2:
            self.relations.append(DemoRelation(parents[0].bsn, parents[1].bsn, RelationKind.PARTNER))
        self.families.append(_Family(children_surname, parents, children, origin))
        head = parents[0]
        return members, household_name(head.surname_prefix, head.surname)

    def _adults(self, rng: random.Random, origin: names.Origin):
        age = rng.randint(24, 88)
        surname = rng.choice(origin.surnames)
        male = rng.random() < 0.5
        first = self.person(
            rng, _given_names(rng, origin.male_adult if male else origin.female_adult,
                              origin.second_male if male else origin.second_female),
            surname, _birth_date(rng, age),
        )
        since = _moved_in(rng, first.date_of_birth, earliest_age=20)
        if rng.random() < 0.5:
            return [DemoMember(first, MemberRole.OTHER, since)], household_name(*surname)
        partner = self.person(
            rng, _given_names(rng, origin.female_adult if male else origin.male_adult,
                              origin.second_female if male else origin.second_male),
            rng.choice(origin.surnames), _birth_date(rng, max(20, age + rng.randint(-5, 5))),
        )
        self.relations.append(DemoRelation(first.bsn, partner.bsn, RelationKind.PARTNER))
        since = max(since, _moved_in(rng, partner.date_of_birth, earliest_age=20))
        members = [DemoMember(first, MemberRole.PARTNER, since),
                   DemoMember(partner, MemberRole.PARTNER, since)]
        return members, household_name(*surname)

    def _young_adult(self, rng: random.Random, origin: names.Origin):
        """Someone of 18-22 living alone; often the child of an earlier generated family."""
        age = rng.randint(18, 22)
        born = _birth_date(rng, age)
        family = rng.choice(self.families) if self.families and rng.random() < 0.6 else None
        if family is not None and not all(
            18 <= (born - p.date_of_birth).days // 365 <= 45 for p in family.parents
        ):
            family = None
        if family is not None:
            origin, surname = family.origin, family.surname
        else:
            surname = rng.choice(origin.surnames)
        male = rng.random() < 0.5
        person = self.person(
            rng, _given_names(rng, origin.male_child if male else origin.female_child,
                              origin.second_male if male else origin.second_female),
            surname, born,
        )
        if family is not None:
            for parent in family.parents:
                self.relations.append(DemoRelation(person.bsn, parent.bsn, RelationKind.PARENT))
            for sibling in family.children:
                self.relations.append(DemoRelation(person.bsn, sibling.bsn, RelationKind.SIBLING))
        member = DemoMember(person, MemberRole.OTHER, _moved_in(rng, born, earliest_age=18))
        return [member], household_name(*surname)


@cache
def generate(households: int = 2000, seed: int = DEFAULT_SEED) -> DemoDataset:
    """The example households plus ``households`` generated ones, the same on every machine."""
    examples, relations = _examples(seed)
    generator = _Generator(seed)
    for household in examples:
        place = _place(household.district_slug, household.postcode[:4])
        generator.used_addresses.add(
            (place.pc4, household.street, household.house_number, household.house_number_suffix)
        )
    generated = [generator.household(i) for i in range(households)]
    return DemoDataset(
        households=tuple(examples + generated),
        relations=tuple(relations + generator.relations),
    )
