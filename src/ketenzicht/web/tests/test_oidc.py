"""OIDC logs in only existing professionals, matched by e-mail; it never creates accounts."""

from ketenzicht.organisations.tests.factories import UserFactory
from ketenzicht.web.oidc import ProfessionalOIDCBackend, users_matching_claims


def test_oidc_matches_existing_professional_by_email(parties):
    user = parties.involved.user
    UserFactory(username="zonder-rol", email="zonder-rol@example.org")

    assert list(users_matching_claims({"email": user.email.upper()})) == [user]
    assert not users_matching_claims({"email": "zonder-rol@example.org"}).exists()
    assert not users_matching_claims({"email": "onbekend@example.org"}).exists()
    assert not users_matching_claims({}).exists()
    assert not users_matching_claims({"email": user.email, "email_verified": False}).exists()


def test_oidc_never_creates_users(db):
    assert ProfessionalOIDCBackend.create_user(object.__new__(ProfessionalOIDCBackend), {}) is None
