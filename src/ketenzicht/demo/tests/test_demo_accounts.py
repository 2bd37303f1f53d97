"""Demo accounts: one per role, each with the documented password and a TOTP device."""

import base64
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.management import CommandError, call_command
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from ketenzicht.demo.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD, demo_account
from ketenzicht.organisations.models import Municipality, Professional, Role


def test_every_role_has_a_demo_account_with_totp(demo):
    assert {account.role for account in DEMO_ACCOUNTS} == set(Role.values)
    for account in DEMO_ACCOUNTS:
        professional = Professional.objects.select_related("user", "organisation").get(
            user__username=account.username
        )
        assert professional.role == account.role
        assert professional.organisation.slug == account.organisation_slug
        assert professional.user.check_password(DEMO_PASSWORD)
        validate_password(DEMO_PASSWORD, professional.user)
        device = TOTPDevice.objects.get(user=professional.user, confirmed=True)
        assert device.key == account.totp_key_hex
        assert base64.b32decode(account.totp_secret_base32) == bytes.fromhex(account.totp_key_hex)
        code = f"{totp(bytes.fromhex(account.totp_key_hex), step=device.step, t0=device.t0):06d}"
        assert device.verify_token(code)


def test_demo_accounts_are_stable_and_nobody_is_superuser(demo):
    assert demo_account("leerkracht").organisation_slug == "kristalla"
    assert len(demo_account("beheer").totp_key_hex) == 40
    assert demo_account("ggz").totp_key_hex != demo_account("jgz").totp_key_hex
    users = get_user_model().objects.all()
    assert not users.filter(is_superuser=True).exists()
    assert list(users.filter(is_staff=True).values_list("username", flat=True)) == ["beheer"]
    with pytest.raises(KeyError):
        demo_account("onbekend")


def test_loaddemo_refused_outside_demo_mode(db, settings):
    settings.DEMO_MODE = False
    with pytest.raises(CommandError, match="alleen worden geladen in demomodus"):
        call_command("loaddemo", households=1)
    assert not Municipality.objects.exists()


def test_loaddemo_prints_the_logins_in_demo_mode(db, settings):
    settings.DEMO_MODE = True
    out = io.StringIO()
    call_command("loaddemo", households=3, stdout=out)
    text = out.getvalue()
    assert DEMO_PASSWORD in text
    for account in DEMO_ACCOUNTS:
        assert account.username in text and account.totp_secret_base32 in text
    with pytest.raises(CommandError, match="bevat al gegevens"):
        call_command("loaddemo", households=3, stdout=io.StringIO())
