"""Fixtures for the web UI tests: logged-in clients through the real login form."""

import re

import pytest

from ketenzicht.organisations.models import Role
from ketenzicht.organisations.tests.factories import (
    OrganisationFactory,
    OrganisationTypeFactory,
    ProfessionalFactory,
)

CSRF_TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"')


def without_csrf(content: bytes) -> bytes:
    """Page content with the per-render CSRF token blanked, for byte-for-byte comparisons."""
    return CSRF_TOKEN.sub(b'name="csrfmiddlewaretoken" value=""', content)


@pytest.fixture
def operator_admin(db):
    """The functioneel beheerder of the system operator (the municipality)."""
    gemeente = OrganisationFactory(
        slug="gemeente-emmen", name="Gemeente Emmen",
        type=OrganisationTypeFactory(slug="gemeente", name="Gemeente"),
    )
    return ProfessionalFactory(organisation=gemeente, role=Role.FUNCTIONAL_ADMIN,
                               user__username="beheer-gemeente")
