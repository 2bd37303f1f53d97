import datetime

import factory

from ketenzicht.demo.bsns import synthetic_bsns
from ketenzicht.people import bsn as bsn_lib
from ketenzicht.people.models import Household, HouseholdMembership, MemberRole, Person

# Tests use the upper half of the 999 range, so they never collide with the demo's.
_bsns = synthetic_bsns(first_serial=50_000)


class PersonFactory(factory.django.DjangoModelFactory):
    """A person with a valid synthetic BSN; pass ``bsn=...`` to choose it."""

    class Meta:
        model = Person

    class Params:
        bsn = factory.LazyFunction(lambda: next(_bsns))
        protected = factory.LazyAttribute(lambda o: bsn_lib.protect(o.bsn))

    given_names = factory.Sequence(lambda n: f"Kind{n}")
    surname = "Testsma"
    date_of_birth = datetime.date(2015, 1, 1)
    bsn_ciphertext = factory.LazyAttribute(lambda o: o.protected.ciphertext)
    bsn_hash = factory.LazyAttribute(lambda o: o.protected.lookup_hash)
    bsn_key_version = factory.LazyAttribute(lambda o: o.protected.key_version)


class HouseholdFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Household

    name = "Testsma"
    street = "Hoofdstraat"
    house_number = factory.Sequence(lambda n: n + 1)
    postcode = "7811AA"
    city = "Emmen"
    district = None


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HouseholdMembership

    household = factory.SubFactory(HouseholdFactory)
    person = factory.SubFactory(PersonFactory)
    role = MemberRole.CHILD
    since = datetime.date(2020, 1, 1)
