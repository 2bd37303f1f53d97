"""OIDC logs in only existing professionals of allowed organisations, after a proven second factor.

The claims are what an identity provider sends; each rule is tested on both sides.
"""

from unittest import mock

import pytest
from django.core.exceptions import SuspiciousOperation

from ketenzicht.organisations.tests.factories import UserFactory
from ketenzicht.web.guards import OIDC_BACKEND
from ketenzicht.web.oidc import ProfessionalOIDCBackend

ACR_SUBSTANTIAL = "urn:etoegang:core:assurance-class:loa3"


@pytest.fixture
def oidc(settings):
    settings.KETENZICHT_OIDC_ENABLED = True
    settings.OIDC_RP_CLIENT_ID = "ketenzicht"
    settings.OIDC_RP_CLIENT_SECRET = "geheim"
    settings.OIDC_RP_SIGN_ALGO = "RS256"
    settings.OIDC_OP_TOKEN_ENDPOINT = "https://idp.example.org/token"
    settings.OIDC_OP_USER_ENDPOINT = "https://idp.example.org/userinfo"
    settings.OIDC_OP_JWKS_ENDPOINT = "https://idp.example.org/jwks"
    settings.KETENZICHT_OIDC_MFA_AMR = ["mfa", "otp", "hwk", "swk"]
    settings.KETENZICHT_OIDC_REQUIRED_ACR = ""
    settings.KETENZICHT_OIDC_ORGANISATIONS = ["kristalla"]
    settings.AUTHENTICATION_BACKENDS = [*settings.AUTHENTICATION_BACKENDS, OIDC_BACKEND]
    return settings


@pytest.fixture
def backend(oidc):
    return ProfessionalOIDCBackend()


def claims_for(user, **changes) -> dict:
    claims = {"sub": "abc-123", "email": user.email, "email_verified": True, "amr": ["pwd", "otp"]}
    claims.update(changes)
    return {name: value for name, value in claims.items() if value is not None}


# -- verify_claims: what the provider must have proved ------------------------------------------

def test_verified_email_and_second_factor_are_accepted(parties, backend):
    assert backend.verify_claims(claims_for(parties.involved.user))


@pytest.mark.parametrize("verified", [False, None, "false", "", 1])
def test_unverified_email_is_refused(parties, backend, verified):
    assert not backend.verify_claims(claims_for(parties.involved.user, email_verified=verified))


def test_email_verified_as_json_string_is_accepted(parties, backend):
    assert backend.verify_claims(claims_for(parties.involved.user, email_verified="true"))


@pytest.mark.parametrize("amr", [["pwd"], [], "pwd", None, {"mfa": True}])
def test_login_without_second_factor_is_refused(parties, backend, amr):
    assert not backend.verify_claims(claims_for(parties.involved.user, amr=amr))


@pytest.mark.parametrize("amr", [["mfa"], ["pwd", "hwk"], "otp", ["swk"]])
def test_each_configured_amr_proves_a_second_factor(parties, backend, amr):
    assert backend.verify_claims(claims_for(parties.involved.user, amr=amr))


def test_amr_list_comes_from_settings(parties, backend, oidc):
    oidc.KETENZICHT_OIDC_MFA_AMR = ["hwk"]
    assert not backend.verify_claims(claims_for(parties.involved.user, amr=["otp"]))
    assert backend.verify_claims(claims_for(parties.involved.user, amr=["hwk"]))


def test_required_acr_proves_a_second_factor(parties, backend, oidc):
    user = parties.involved.user
    assert not backend.verify_claims(claims_for(user, amr=["pwd"], acr=ACR_SUBSTANTIAL))
    oidc.KETENZICHT_OIDC_REQUIRED_ACR = ACR_SUBSTANTIAL
    assert backend.verify_claims(claims_for(user, amr=["pwd"], acr=ACR_SUBSTANTIAL))
    assert not backend.verify_claims(claims_for(user, amr=["pwd"], acr="urn:loa2"))
    assert not backend.verify_claims(claims_for(user, amr=["pwd"]))


def test_missing_email_is_refused(parties, backend):
    assert not backend.verify_claims(claims_for(parties.involved.user, email=None))


# -- filter_users_by_claims: which account, if any ----------------------------------------------

def test_existing_professional_of_allowed_organisation_is_matched(parties, backend):
    user = parties.involved.user
    assert list(backend.filter_users_by_claims(claims_for(user, email=user.email.upper()))) == [user]


def test_professional_of_organisation_not_allowed_for_this_provider_is_not(parties, backend):
    """Kristalla's provider must not log in Domesta's staff by asserting their address."""
    assert not backend.filter_users_by_claims(claims_for(parties.stranger.user)).exists()


def test_empty_organisation_list_lets_nobody_in(parties, backend, oidc):
    oidc.KETENZICHT_OIDC_ORGANISATIONS = []
    assert not backend.filter_users_by_claims(claims_for(parties.involved.user)).exists()


def test_inactive_organisation_inactive_user_or_no_professional_is_not_matched(parties, backend):
    loose = UserFactory(username="zonder-rol", email="zonder-rol@example.org")
    assert not backend.filter_users_by_claims(claims_for(loose)).exists()

    user = parties.involved.user
    user.is_active = False
    user.save()
    assert not backend.filter_users_by_claims(claims_for(user)).exists()
    user.is_active = True
    user.save()
    parties.involved_organisation.is_active = False
    parties.involved_organisation.save()
    assert not backend.filter_users_by_claims(claims_for(user)).exists()


def test_unacceptable_claims_match_nobody(parties, backend):
    user = parties.involved.user
    assert not backend.filter_users_by_claims(claims_for(user, email_verified=False)).exists()
    assert not backend.filter_users_by_claims(claims_for(user, amr=["pwd"])).exists()


# -- the whole login step, with the provider's answers mocked -----------------------------------

def _userinfo(claims: dict):
    return mock.patch("mozilla_django_oidc.auth.OIDCAuthenticationBackend.get_userinfo",
                      return_value=claims)


def test_login_claims_come_from_the_signed_id_token(parties, backend):
    user = parties.involved.user
    userinfo = {"email": user.email, "email_verified": True, "amr": ["mfa"]}
    with _userinfo(userinfo):
        claims = backend.get_userinfo("access", "id", {"amr": ["pwd"], "acr": "urn:loa1"})
    assert claims["amr"] == ["pwd"] and claims["acr"] == "urn:loa1"


def test_get_or_create_user_logs_in_only_with_second_factor(parties, backend):
    user = parties.involved.user
    base = {"email": user.email, "email_verified": True}
    with _userinfo(base):
        assert backend.get_or_create_user("access", "id", {"amr": ["otp"]}) == user
        with pytest.raises(SuspiciousOperation):
            backend.get_or_create_user("access", "id", {"amr": ["pwd"]})


def test_no_account_is_ever_created(db, backend):
    claims = {"email": "nieuw@example.org", "email_verified": True, "amr": ["mfa"]}
    with _userinfo(claims):
        assert backend.get_or_create_user("access", "id", {"amr": ["mfa"]}) is None
    assert backend.create_user(claims) is None


# -- the session afterwards ---------------------------------------------------------------------

def test_oidc_session_ends_when_the_organisation_is_no_longer_allowed(parties, client, oidc):
    client.force_login(parties.involved.user, backend=OIDC_BACKEND)
    assert client.get("/").status_code == 200

    oidc.KETENZICHT_OIDC_ORGANISATIONS = ["domesta"]
    response = client.get("/")
    assert response.status_code == 302 and response["Location"].startswith("/inloggen/")


def test_oidc_session_counts_only_while_oidc_is_enabled(parties, client, oidc):
    client.force_login(parties.involved.user, backend=OIDC_BACKEND)
    oidc.KETENZICHT_OIDC_ENABLED = False
    assert client.get("/").status_code == 302
