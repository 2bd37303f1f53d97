"""A user account is a professional in the chain only while their organisation takes part."""

import pytest

from ketenzicht.organisations.services import professional_for_user
from ketenzicht.organisations.tests.factories import ProfessionalFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_professional_of_an_active_organisation_is_found():
    professional = ProfessionalFactory()
    assert professional_for_user(professional.user) == professional


def test_professional_of_an_inactive_organisation_is_not_in_the_chain():
    professional = ProfessionalFactory()
    professional.organisation.is_active = False
    professional.organisation.save()
    assert professional_for_user(professional.user) is None


def test_account_without_professional_record_is_not_in_the_chain():
    assert professional_for_user(UserFactory()) is None
    assert professional_for_user(None) is None
