"""Registering (melding): who may, for whom, and what is stored (domain.md §2)."""

import pytest

from ketenzicht.access.services import visible_person
from ketenzicht.audit.models import AuditEvent
from ketenzicht.verwijsindex.errors import RefusalKind, RegistrationRefused
from ketenzicht.verwijsindex.models import IndexRegistration

from .conftest import DAAN, professional, register_as

pytestmark = pytest.mark.usefixtures("emmen")


def refusal(username, bsn, **kwargs) -> RegistrationRefused:
    with pytest.raises(RegistrationRefused) as caught:
        register_as(username, bsn, **kwargs)
    return caught.value


def test_registration_stores_only_the_fact_of_involvement():
    registration = register_as("leerkracht", DAAN, categories=("a", "e")).registration
    stored = IndexRegistration.objects.filter(pk=registration.pk).values().get()
    assert registration.organisation.slug == "kristalla"
    assert registration.status == "actief"
    # No field for the reason, the categories or the parents exists at all.
    assert not {"reason", "risk_categories", "categories", "parents", "note"} & set(stored)
    assert "e" not in {str(v) for v in stored.values()}


def test_registration_is_active_for_twelve_months_by_default():
    registration = register_as("leerkracht", DAAN).registration
    registered = registration.registered_at.date()
    assert (registration.active_until.year - registered.year) * 12 + (
        registration.active_until.month - registered.month) == 12


def test_volunteer_may_not_register():
    error = refusal("vrijwilliger", DAAN)
    assert (error.kind, error.code) == (RefusalKind.FORBIDDEN, "niet-meldbevoegd")


def test_registration_needs_a_legal_risk_category():
    assert refusal("leerkracht", DAAN, categories=()).code == "risicocategorie-ontbreekt"
    assert refusal("leerkracht", DAAN, categories=("z",)).code == "risicocategorie-onbekend"


def test_registration_needs_confirmed_reasonable_suspicion():
    assert refusal("leerkracht", DAAN, confirmed=False).code == "vermoeden-niet-bevestigd"


def test_registration_refuses_invalid_bsn_with_dutch_message():
    error = refusal("leerkracht", "999990018")
    assert (error.kind, error.code, error.field) == (RefusalKind.INVALID, "bsn-ongeldig", "bsn")
    assert "elfproef" in error.message


def test_registration_refuses_youth_aged_23_or_older():
    error = refusal("leerkracht", "999990032")  # Anja de Vries, born 1985
    assert error.code == "te-oud"


def test_second_active_registration_by_same_organisation_is_refused():
    first = register_as("leerkracht", DAAN).registration
    error = refusal("aandacht-kristalla", DAAN)
    assert (error.kind, error.code) == (RefusalKind.CONFLICT, "al-geregistreerd")
    assert error.existing_uuid == str(first.uuid)


def test_registration_gives_the_organisation_a_basis_to_see_the_youth():
    registration = register_as("jgz", DAAN).registration
    assert visible_person(professional("jgz"), registration.person.uuid) is not None


def test_registration_is_audited_without_bsn():
    registration = register_as("leerkracht", DAAN).registration
    event = AuditEvent.objects.get(object_type="verwijsindex-registratie", event_type="create")
    assert event.client_pseudonym == str(registration.person.uuid)
    assert DAAN not in str(list(AuditEvent.objects.values()))


def test_refused_registration_is_audited_under_the_youths_pseudonym():
    from ketenzicht.people.services import find_person_by_bsn

    refusal("leerkracht", "999990032")  # Anja de Vries is 23 or older
    event = AuditEvent.objects.get(object_type="verwijsindex-registratie")
    assert (event.event_type, event.outcome) == ("create", "denied")
    assert event.client_pseudonym == str(find_person_by_bsn("999990032").uuid)
    assert not IndexRegistration.objects.exists()
