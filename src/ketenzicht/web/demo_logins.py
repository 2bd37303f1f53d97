"""The demo accounts shown on the login page, in demo mode only.

In demo mode anyone may log in as any demo professional, so the login page lists the accounts
and their TOTP secrets. Outside demo mode this returns None before the demo module is even
imported: no code path can put a secret on a page.
"""

from dataclasses import dataclass

from django.conf import settings

from ketenzicht.organisations.models import Organisation, Role


@dataclass(frozen=True)
class DemoLogin:
    username: str
    full_name: str
    organisation: str
    role: str
    totp_secret: str


@dataclass(frozen=True)
class DemoLogins:
    password: str
    accounts: list[DemoLogin]


def demo_logins() -> DemoLogins | None:
    if not settings.DEMO_MODE:
        return None
    try:
        from ketenzicht.demo import accounts as demo_accounts
    except ImportError:
        return None
    names = dict(Organisation.objects.values_list("slug", "name"))
    roles = dict(Role.choices)
    return DemoLogins(
        password=demo_accounts.DEMO_PASSWORD,
        accounts=[
            DemoLogin(
                username=account.username,
                full_name=account.full_name,
                organisation=names.get(account.organisation_slug, account.organisation_slug),
                role=str(roles.get(account.role, account.role)),
                totp_secret=account.totp_secret_base32,
            )
            for account in demo_accounts.DEMO_ACCOUNTS
        ],
    )
