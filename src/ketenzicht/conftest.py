"""Shared test fixtures: the three-party pattern (owner, entitled, stranger) for access rules."""

from dataclasses import dataclass

import pytest
from django_otp.oath import totp

from ketenzicht.organisations.models import Organisation, Professional, Role
from ketenzicht.organisations.tests.factories import (
    CjgTypeFactory,
    DistrictFactory,
    OrganisationFactory,
    PostcodeAreaFactory,
    ProfessionalFactory,
    TOTPDeviceFactory,
)
from ketenzicht.people.models import Household, MemberRole, Person
from ketenzicht.people.tests.factories import HouseholdFactory, MembershipFactory, PersonFactory


def totp_code(device) -> str:
    """The current code of a TOTP device, as the professional's authenticator app shows it."""
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def pytest_runtest_setup(item) -> None:
    """Skip tests marked ``postgres_only`` on any other database (triggers, parallel writers),
    and tests marked ``embedded_only`` (they start processes on an embedded SQLite file of their
    own, whatever the suite's database) in the PostgreSQL run, so they run once per ``make test``."""
    from django.db import connection

    if item.get_closest_marker("postgres_only") is not None and connection.vendor != "postgresql":
        pytest.skip("vereist PostgreSQL")
    if item.get_closest_marker("embedded_only") is not None and connection.vendor != "sqlite":
        pytest.skip("draait één keer, in de SQLite-run")


@dataclass
class Parties:
    """A household with a child, and professionals on both sides of the access rule.

    - ``involved``: of an organisation with a recorded basis on the child;
    - ``district_team``: of the CJG-Jeugdteam of the household's district (role basis);
    - ``stranger``: of an organisation with no basis at all.
    """

    household: Household
    child: Person
    parent: Person
    involved: Professional
    district_team: Professional
    stranger: Professional
    involved_organisation: Organisation


@pytest.fixture
def parties(db) -> Parties:
    from ketenzicht.access.models import AccessBasis
    from ketenzicht.people.services import relate

    district = DistrictFactory(slug="de-monden", name="De Monden")
    PostcodeAreaFactory(district=district, prefix="7881")
    household = HouseholdFactory(name="De Vries", postcode="7881AB", district=district)
    child = PersonFactory(given_names="Daan", surname="Vries", surname_prefix="de")
    parent = PersonFactory(given_names="Anja", surname="Vries", surname_prefix="de")
    MembershipFactory(household=household, person=child, role=MemberRole.CHILD)
    MembershipFactory(household=household, person=parent, role=MemberRole.PARENT)
    relate(child, parent, "ouder")

    school = OrganisationFactory(slug="kristalla", name="Kristalla")
    cjg = OrganisationFactory(slug="cjg-de-monden", name="CJG De Monden", type=CjgTypeFactory())
    cjg.districts.add(district)
    other = OrganisationFactory(slug="domesta", name="Domesta")
    # Set-up data, not an action under test: created directly, so it leaves no audit event.
    AccessBasis.objects.create(organisation=school, person=child, kind="client")
    return Parties(
        household=household,
        child=child,
        parent=parent,
        involved=ProfessionalFactory(organisation=school, user__username="juf"),
        district_team=ProfessionalFactory(organisation=cjg, user__username="cjg"),
        stranger=ProfessionalFactory(organisation=other, user__username="vreemde"),
        involved_organisation=school,
    )


@pytest.fixture
def verified_login(client):
    """Log a professional in through the real login form with password and TOTP code."""

    def login(professional: Professional, password: str = "correct-paard-batterij-niet"):
        device = TOTPDeviceFactory(user=professional.user)
        response = client.post(
            "/inloggen/",
            {
                "username": professional.user.username,
                "password": password,
                "otp_device": device.persistent_id,
                "otp_token": totp_code(device),
            },
        )
        assert response.status_code == 302, response.content.decode()[:2000]
        return client

    return login


__all__ = ["Parties", "Role", "totp_code"]
