"""The demo's login accounts: one per role and per kind of organisation a walkthrough needs.

Walkthroughs, browser tests and the README log in with these. Every account shares one
documented password and has a TOTP key derived from its username, so a test (or a person with
an authenticator app) can compute the second factor without reading the database. This is only
acceptable because demo data protects nothing; production accounts enrol their own device.
"""

import base64
import hashlib
from dataclasses import dataclass

from ketenzicht.organisations.models import Role

#: The password of every demo account (documented in the README; demo mode only).
DEMO_PASSWORD = "zomer-in-Drenthe-2016"  # noqa: S105 - published demo password

_TOTP_SALT = b"ketenzicht-demo-totp|"


@dataclass(frozen=True)
class DemoAccount:
    username: str
    full_name: str
    organisation_slug: str
    role: str
    job_title: str
    #: Django admin access (functioneel beheerder only; nobody is a superuser).
    is_staff: bool = False

    @property
    def totp_key_hex(self) -> str:
        """20-byte TOTP key, derived from the username so it is the same on every machine."""
        return hashlib.sha1(_TOTP_SALT + self.username.encode(), usedforsecurity=False).hexdigest()

    @property
    def totp_secret_base32(self) -> str:
        """The same key as authenticator apps take it."""
        return base64.b32encode(bytes.fromhex(self.totp_key_hex)).decode()

    @property
    def first_name(self) -> str:
        return self.full_name.split(" ", 1)[0]

    @property
    def last_name(self) -> str:
        return self.full_name.split(" ", 1)[1] if " " in self.full_name else ""


DEMO_ACCOUNTS: tuple[DemoAccount, ...] = (
    DemoAccount("leerkracht", "Ingrid Hofstede", "kristalla", Role.PROFESSIONAL,
                "Leerkracht groep 3"),
    DemoAccount("aandacht-kristalla", "Marieke Zwiers", "kristalla", Role.SAFEGUARDING_LEAD,
                "Intern begeleider en aandachtsfunctionaris"),
    DemoAccount("cjg-demonden", "Bart Lubbers", "cjg-de-monden", Role.PROFESSIONAL,
                "Jeugd- en gezinswerker"),
    DemoAccount("teamleider-demonden", "Hilde Boelens", "cjg-de-monden", Role.TEAM_LEAD,
                "Teamleider CJG-Jeugdteam De Monden"),
    DemoAccount("cjg-develden", "Jorien Hadders", "cjg-de-velden", Role.PROFESSIONAL,
                "Jeugd- en gezinswerker"),
    DemoAccount("teamleider-develden", "Albert Kremer", "cjg-de-velden", Role.TEAM_LEAD,
                "Teamleider CJG-Jeugdteam De Velden"),
    DemoAccount("cjg-emmenzuid", "Samira El Amrani", "cjg-emmen-zuid", Role.PROFESSIONAL,
                "Jeugd- en gezinswerker"),
    DemoAccount("sgt-demonden", "Egbert Drenth", "sgt-de-monden", Role.PROFESSIONAL,
                "Consulent sociaal gebiedsteam"),
    DemoAccount("ggz", "Wim Mulder", "ggz-drenthe", Role.PROFESSIONAL,
                "Sociaal-psychiatrisch verpleegkundige"),
    DemoAccount("veiligthuis", "Karin Dijkstra", "veilig-thuis-drenthe", Role.PROFESSIONAL,
                "Medewerker triage"),
    DemoAccount("jgz", "Annemiek Kuiper", "ggd-drenthe", Role.PROFESSIONAL, "Jeugdverpleegkundige"),
    DemoAccount("wijkagent", "Roelof Everts", "politie-drenthe", Role.PROFESSIONAL, "Wijkagent"),
    DemoAccount("vrijwilliger", "Gerrit Hoving", "dorpenzorg", Role.PROFESSIONAL,
                "Vrijwilliger dorpsondersteuning"),
    DemoAccount("regievoerder", "Esther Wolters", "gemeente-emmen", Role.CHAIN_DIRECTOR,
                "Regievoerder verwijsindex"),
    DemoAccount("beleid", "Jan Oosting", "gemeente-emmen", Role.POLICY_OFFICER,
                "Beleidsmedewerker jeugd"),
    DemoAccount("inspecteur", "Lotte Hermans", "inspectie", Role.INSPECTOR, "Inspecteur"),
    DemoAccount("beheer", "Ronald Schepers", "gemeente-emmen", Role.FUNCTIONAL_ADMIN,
                "Functioneel beheerder", is_staff=True),
)

_BY_USERNAME = {account.username: account for account in DEMO_ACCOUNTS}


def demo_account(username: str) -> DemoAccount:
    """The demo account with this username; KeyError for any other name."""
    return _BY_USERNAME[username]
