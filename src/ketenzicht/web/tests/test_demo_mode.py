"""Demo mode is visibly marked, and demo secrets never appear outside demo mode."""

import pytest

BANNER = "DEMO — fictieve gegevens"


def test_demo_banner_only_in_demo_mode(client, settings, db):
    settings.DEMO_MODE = False
    assert BANNER not in client.get("/inloggen/").content.decode()

    settings.DEMO_MODE = True
    assert BANNER in client.get("/inloggen/").content.decode()


def test_demo_secrets_never_shown_outside_demo_mode(client, settings, db):
    accounts = pytest.importorskip("ketenzicht.demo.accounts")
    secrets = [account.totp_secret_base32 for account in accounts.DEMO_ACCOUNTS]

    settings.DEMO_MODE = True
    in_demo = client.get("/inloggen/").content.decode()
    assert all(secret in in_demo for secret in secrets)
    assert accounts.DEMO_PASSWORD in in_demo

    settings.DEMO_MODE = False
    outside = client.get("/inloggen/").content.decode()
    assert not any(secret in outside for secret in secrets)
    assert accounts.DEMO_PASSWORD not in outside
    assert "Demo-accounts" not in outside


# Refusing demo mode under production settings is tested in conf/tests/test_production_settings.py.
