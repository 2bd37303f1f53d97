"""The BSN: validated by the elfproef, stored only encrypted and hashed, never logged."""


import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import override_settings
from hypothesis import given
from hypothesis import strategies as st

from ketenzicht.demo.bsns import elfproef_check_digit, synthetic_bsns
from ketenzicht.people import bsn as bsn_lib
from ketenzicht.people.models import Person
from ketenzicht.people.services import PersonData, find_person_by_bsn, person_fields, reveal_bsn

DAAN = "999990019"


def store(data: PersonData) -> Person:
    return Person.objects.create(**person_fields(data))


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("000000000", "000000000 is geen geldig BSN."),
        ("12345678", "Een BSN heeft 9 cijfers."),
        ("1234567890", "Een BSN heeft 9 cijfers."),
        ("99999001A", "Een BSN bestaat alleen uit cijfers."),
        ("999990018", "Dit BSN klopt niet: het voldoet niet aan de elfproef."),
        ("", "Vul een BSN in."),
    ],
)
def test_invalid_bsn_is_refused_with_a_specific_dutch_message(value, message):
    with pytest.raises(ValidationError) as caught:
        bsn_lib.validate_bsn(value)
    assert caught.value.messages == [message]


def test_valid_bsn_is_accepted_with_spaces_and_dots():
    assert bsn_lib.validate_bsn("9999.90.019") == DAAN
    assert bsn_lib.validate_bsn(" 999 990 019 ") == DAAN


@given(st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_bsn_validation_agrees_with_the_elfproef(candidate):
    weighted = sum(int(d) * (9 - i) for i, d in enumerate(candidate[:8])) - int(candidate[8])
    passes = weighted % 11 == 0 and int(candidate) != 0
    try:
        bsn_lib.validate_bsn(candidate)
        accepted = True
    except ValidationError:
        accepted = False
    assert accepted == passes


def test_synthetic_bsns_are_valid_and_in_the_999_range():
    for bsn in list(zip(range(200), synthetic_bsns(), strict=False)):
        assert bsn[1].startswith("999")
        assert bsn_lib.validate_bsn(bsn[1]) == bsn[1]
    assert elfproef_check_digit("99999001") == 9


@pytest.mark.django_db
def test_bsn_is_stored_encrypted_and_found_by_keyed_hash():
    person = store(PersonData(bsn=DAAN, given_names="Daan", surname="Vries",
                              surname_prefix="de", date_of_birth="2017-05-12"))
    stored = Person.objects.values().get(pk=person.pk)
    assert all(DAAN not in str(value) for value in stored.values())
    assert find_person_by_bsn(DAAN) == person
    assert reveal_bsn(person) == DAAN


@pytest.mark.django_db
def test_bsn_lookup_survives_hmac_key_rotation(settings):
    person = store(PersonData(bsn=DAAN, given_names="Daan", surname="Vries",
                              date_of_birth="2017-05-12"))
    settings.KETENZICHT_BSN_HMAC_KEYS = {**settings.KETENZICHT_BSN_HMAC_KEYS,
                                         2: "bmlldXdlLXNsZXV0ZWwtdmVyc2llLTI="}
    settings.KETENZICHT_BSN_ENCRYPTION_KEYS = {**settings.KETENZICHT_BSN_ENCRYPTION_KEYS,
                                               2: "bmlldXdlLWVuY3J5cHRpZS12ZXJzaWUtMg=="}
    assert find_person_by_bsn(DAAN) == person
    assert reveal_bsn(person) == DAAN
    assert bsn_lib.protect(DAAN).key_version == 2


@pytest.mark.django_db
def test_same_bsn_is_one_person():
    data = PersonData(bsn=DAAN, given_names="Daan", surname="Vries", date_of_birth="2017-05-12")
    store(data)
    with pytest.raises(IntegrityError), transaction.atomic():
        store(data)  # the database refuses a second person with the same keyed BSN hash
    assert Person.objects.count() == 1


@override_settings(KETENZICHT_BSN_HMAC_KEYS={})
def test_missing_keys_refuse_to_store_bsns():
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured):
        bsn_lib.protect(DAAN)


def test_bsn_never_appears_in_error_reports(rf):
    from django.views.debug import get_default_exception_reporter_filter

    request = rf.post("/zoeken/", {"bsn": DAAN, "reden": "zorg"})
    parameters = get_default_exception_reporter_filter().get_post_parameters(request)
    assert parameters["bsn"] != DAAN
    assert parameters["reden"] == "zorg"
