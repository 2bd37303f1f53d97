"""Load the Emmen demo into a freshly migrated database, in one transaction.

Configuration (municipality, districts, organisation types, organisations, accounts) is written
row by row: it is small. The population is written set-based with ``bulk_create`` in batches,
because the same code path has to stay fast when the generated population grows. Persons and
households written in bulk carry exactly the fields ``people.services`` would give them: the BSN
protected by ``bsn.protect`` and the district taken from the postcode (longest prefix wins).
"""

import time
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Permission
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from ketenzicht.access.services import grant_basis
from ketenzicht.audit.services import SYSTEM
from ketenzicht.organisations.models import (
    District,
    Municipality,
    Organisation,
    OrganisationType,
    PostcodeArea,
    Professional,
    Team,
)
from ketenzicht.organisations.services import match_postcode, normalise_postcode
from ketenzicht.people.models import (
    INVERSE_RELATION,
    Household,
    HouseholdMembership,
    Person,
    Relation,
    RelationKind,
)
from ketenzicht.people.services import PersonData, find_person_by_bsn, person_fields
from ketenzicht.signals.models import SignalSettings
from ketenzicht.verwijsindex.models import IndexSettings

from . import config
from .accounts import DEMO_ACCOUNTS, DEMO_PASSWORD
from .casework import CaseworkSummary, load_casework
from .dataset import DEFAULT_SEED, EXAMPLE_BSNS, DemoDataset, generate
from .history import HistorySummary, load_history
from .picking import HouseholdPicker

BATCH_SIZE = 1000

#: Involvements the walkthrough starts from: Daan's school is in another district than his home,
#: his sister Emma (14) is a pupil of a secondary school (so the CJG 12+ team is offered for her),
#: and Linda is a client of adult mental health care (kindcheck).
DEMO_BASES = (
    ("kristalla", "daan", "client"),
    ("esdal-college", "emma", "client"),
    ("ggz-drenthe", "linda", "client"),
)


class DemoAlreadyLoaded(Exception):
    """The database already holds the demo or other people; loading again would mix data."""


@dataclass(frozen=True)
class DemoSummary:
    households: int
    persons: int
    memberships: int
    relations: int
    organisations: int
    accounts: int
    seconds: float
    history: HistorySummary | None = None
    casework: CaseworkSummary | None = None


def load_demo(households: int = 2000, seed: int = DEFAULT_SEED, *, history: bool = False) -> DemoSummary:
    """Load the demo: configuration, accounts, the example households and ``households`` more,
    and with ``history`` the work left lying that the job runner then picks up (``history.py``).

    Refuses (``DemoAlreadyLoaded``) when the database already has the municipality or any
    person: the demo is meant for a fresh database (``make demo`` removes the old one first).
    """
    started = time.perf_counter()
    if Municipality.objects.filter(slug=config.MUNICIPALITY["slug"]).exists() or Person.objects.exists():
        raise DemoAlreadyLoaded(
            "Deze database bevat al gegevens (de demo of andere personen). Laad de demo in een "
            "nieuwe, lege database: `make demo` begint met een schone database."
        )
    dataset = generate(households, seed)
    with transaction.atomic():
        municipality, districts = load_districts()
        organisations = _load_organisations(municipality, districts)
        IndexSettings.objects.create(
            municipality=municipality,
            match_coordinator_type=OrganisationType.objects.get(slug=config.MATCH_COORDINATOR_TYPE),
        )
        SignalSettings.objects.create(
            municipality=municipality,
            youth_desk_type=OrganisationType.objects.get(slug=config.SIGNAL_DESKS["youth_desk_type"]),
            adult_desk_type=OrganisationType.objects.get(slug=config.SIGNAL_DESKS["adult_desk_type"]),
            report_desk=organisations[config.SIGNAL_DESKS["report_desk"]],
            crisis_desk=organisations[config.SIGNAL_DESKS["crisis_desk"]],
            secondary_school_team=organisations[config.SIGNAL_DESKS["secondary_school_team"]],
            oggz_first_meeting=config.OGGZ_FIRST_MEETING,
        )
        _load_accounts(organisations)
        counts = _load_population(dataset)
        for organisation_slug, person_key, kind in DEMO_BASES:
            person = find_person_by_bsn(EXAMPLE_BSNS[person_key])
            grant_basis(organisations[organisation_slug], person, kind, actor=SYSTEM)
        past = work = None
        if history:
            picker = HouseholdPicker(dataset, timezone.localdate())
            past, work = load_history(picker), load_casework(picker)
    return DemoSummary(
        households=counts["households"], persons=counts["persons"],
        memberships=counts["memberships"], relations=counts["relations"],
        organisations=len(organisations), accounts=len(DEMO_ACCOUNTS),
        seconds=time.perf_counter() - started, history=past, casework=work,
    )


def load_districts() -> tuple[Municipality, dict[str, District]]:
    """Emmen, its six districts and their postcode areas (also used by register tests)."""
    municipality = Municipality.objects.create(**config.MUNICIPALITY)
    districts = {}
    areas = []
    for item in config.DISTRICTS:
        district = District.objects.create(municipality=municipality, slug=item.slug, name=item.name)
        districts[item.slug] = district
        areas += [PostcodeArea(district=district, prefix=prefix) for prefix in item.prefixes]
    PostcodeArea.objects.bulk_create(areas)
    return municipality, districts


def _load_organisations(
    municipality: Municipality, districts: dict[str, District]
) -> dict[str, Organisation]:
    types = {
        item.slug: OrganisationType.objects.create(
            slug=item.slug, name=item.name,
            may_register_in_index=item.may_register_in_index,
            may_coordinate_match=item.may_coordinate_match,
            receives_reports=item.receives_reports,
            receives_signals=item.receives_signals,
            grants_district_basis=item.grants_district_basis,
            is_adult_care=item.is_adult_care,
            is_volunteer=item.is_volunteer,
            reports_child_concerns_to_veilig_thuis=item.reports_child_concerns_to_veilig_thuis,
            assesses_risk=item.assesses_risk,
        )
        for item in config.ORGANISATION_TYPES
    }
    organisations = {}
    for number, item in enumerate(config.ORGANISATIONS + config.PROVIDERS, start=1):
        organisation = Organisation.objects.create(
            slug=item.slug, name=item.name, type=types[item.type], municipality=municipality,
            # Subscriber numbers never start with 0: these can never ring a real phone.
            phone=f"0591-0{number:05d}", email=f"contact@{item.slug}.demo.example",
            school_level=item.school_level,
        )
        if item.districts:
            organisation.districts.set([districts[slug] for slug in item.districts])
            for slug in item.districts:
                Team.objects.create(organisation=organisation, name=item.name, district=districts[slug])
        organisations[item.slug] = organisation
    return organisations


def _load_accounts(organisations: dict[str, Organisation]) -> None:
    """Users, professionals and confirmed TOTP devices for every demo account.

    The password is hashed once for all accounts: they share it by design, and hashing it
    fifteen times would cost seconds for nothing. Nobody is a superuser; the functioneel
    beheerder gets the admin (``is_staff``) with the permissions of configuration data only.
    """
    user_model = get_user_model()
    password = make_password(DEMO_PASSWORD)
    admin_permissions = Permission.objects.filter(
        content_type__app_label__in=["organisations", "otp_totp"]
    )
    for account in DEMO_ACCOUNTS:
        user = user_model.objects.create(
            username=account.username, first_name=account.first_name,
            last_name=account.last_name, email=f"{account.username}@demo.example",
            password=password, is_staff=account.is_staff,
        )
        if account.is_staff:
            user.user_permissions.set(admin_permissions)
        organisation = organisations[account.organisation_slug]
        Professional.objects.create(
            user=user, organisation=organisation, role=account.role, job_title=account.job_title,
            team=organisation.teams.first(), phone=organisation.phone,
        )
        TOTPDevice.objects.create(
            user=user, name="Demo-authenticator", key=account.totp_key_hex, confirmed=True,
        )


def _district_ids_by_prefix() -> dict[str, int]:
    return dict(PostcodeArea.objects.values_list("prefix", "district_id"))


def _load_population(dataset: DemoDataset) -> dict[str, int]:
    areas = _district_ids_by_prefix()
    persons = []
    for demo_person in dataset.persons():
        persons.append(Person(uuid=demo_person.uuid, **person_fields(PersonData(
            bsn=demo_person.bsn, given_names=demo_person.given_names,
            surname_prefix=demo_person.surname_prefix, surname=demo_person.surname,
            date_of_birth=demo_person.date_of_birth, date_of_death=demo_person.date_of_death,
        ))))
    Person.objects.bulk_create(persons, batch_size=BATCH_SIZE)
    person_ids = dict(Person.objects.values_list("uuid", "id"))
    id_by_bsn = {p.bsn: person_ids[p.uuid] for p in dataset.persons()}

    households = [
        Household(
            uuid=h.uuid, name=h.name, street=h.street, house_number=h.house_number,
            house_number_suffix=h.house_number_suffix, postcode=normalise_postcode(h.postcode),
            city=h.city, district_id=match_postcode(h.postcode, areas),
        )
        for h in dataset.households
    ]
    Household.objects.bulk_create(households, batch_size=BATCH_SIZE)
    household_ids = dict(Household.objects.values_list("uuid", "id"))

    memberships = [
        HouseholdMembership(
            household_id=household_ids[h.uuid], person_id=id_by_bsn[m.person.bsn],
            role=m.role, since=m.since,
        )
        for h in dataset.households
        for m in h.members
    ]
    HouseholdMembership.objects.bulk_create(memberships, batch_size=BATCH_SIZE)

    relations = []
    for r in dataset.relations:
        person, relative = id_by_bsn[r.person_bsn], id_by_bsn[r.relative_bsn]
        inverse = INVERSE_RELATION[RelationKind(r.kind)]
        relations.append(Relation(person_id=person, relative_id=relative, kind=r.kind))
        relations.append(Relation(person_id=relative, relative_id=person, kind=inverse))
    Relation.objects.bulk_create(relations, batch_size=BATCH_SIZE)
    return {
        "households": len(households), "persons": len(persons),
        "memberships": len(memberships), "relations": len(relations),
    }
