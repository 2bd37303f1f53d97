"""Fixtures for the web UI tests: logged-in clients through the real login form."""

import re

import pytest

from ketenzicht.audit.models import AuditEvent
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


def last_event_id() -> int:
    """A mark in the audit trail; ``events_since`` gives what came after it."""
    latest = AuditEvent.objects.order_by("-id").first()
    return latest.id if latest else 0


def events_since(mark: int) -> list[AuditEvent]:
    """Events written after ``mark`` in the order they were written (over all chains)."""
    return list(AuditEvent.objects.filter(id__gt=mark).order_by("id"))


@pytest.fixture
def operator_admin(db):
    """The functioneel beheerder of the system operator (the municipality)."""
    gemeente = OrganisationFactory(
        slug="gemeente-emmen", name="Gemeente Emmen",
        type=OrganisationTypeFactory(slug="gemeente", name="Gemeente"),
    )
    return ProfessionalFactory(organisation=gemeente, role=Role.FUNCTIONAL_ADMIN,
                               user__username="beheer-gemeente")
