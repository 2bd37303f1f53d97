"""A youth without a BSN is registered by the alternative identifier Ketenzicht knows them by."""

import datetime

import pytest

from ketenzicht.people.models import Person
from ketenzicht.verwijsindex.errors import RegistrationRefused
from ketenzicht.verwijsindex.services import Contact, RegistrationRequest, register

from .conftest import professional

pytestmark = pytest.mark.usefixtures("emmen")


def request_by_alternative_id(alternative_id: str) -> RegistrationRequest:
    return RegistrationRequest(
        bsn="", alternative_id=alternative_id, risk_categories=("h",), suspicion_confirmed=True,
        contact=Contact("Annemiek Kuiper", "0592 654321", "a.kuiper@ggd.example"),
    )


def test_youth_without_bsn_is_registered_by_alternative_identifier():
    from ketenzicht.access.audited import actor_for

    youth = Person.objects.create(alternative_id="AZC-2026-0042", given_names="Amir",
                                  surname="Haddad", date_of_birth=datetime.date(2014, 3, 1))
    nurse = professional("jgz")
    registration = register(nurse, actor_for(nurse), request_by_alternative_id("AZC-2026-0042"))
    assert registration.registration.person == youth


def test_unknown_alternative_identifier_is_refused():
    from ketenzicht.access.audited import actor_for

    nurse = professional("jgz")
    with pytest.raises(RegistrationRefused) as caught:
        register(nurse, actor_for(nurse), request_by_alternative_id("ONBEKEND-1"))
    assert (caught.value.code, caught.value.field) == ("persoon-onbekend", "alternatiefKenmerk")
