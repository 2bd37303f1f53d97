"""``ketenzicht democode`` gives the code the demo account's authenticator would show."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django_otp.oath import totp

from ketenzicht.demo.accounts import demo_account


def test_democode_prints_the_current_totp_code(settings):
    settings.DEMO_MODE = True
    out = io.StringIO()
    call_command("democode", "cjg-demonden", stdout=out)
    key = bytes.fromhex(demo_account("cjg-demonden").totp_key_hex)
    assert out.getvalue().strip() == f"{totp(key):06d}"


def test_democode_refused_outside_demo_mode(settings):
    settings.DEMO_MODE = False
    with pytest.raises(CommandError, match="alleen in demomodus"):
        call_command("democode", "cjg-demonden")


def test_democode_knows_only_demo_accounts(settings):
    settings.DEMO_MODE = True
    with pytest.raises(CommandError, match="geen demo-account"):
        call_command("democode", "iemand-anders")
