"""``ketenzicht democode <gebruikersnaam>``: the current TOTP code of a demo account.

For a walkthrough without an authenticator app at hand. Demo accounts only, demo mode only:
it can compute nothing for a real account, whose key it does not know.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django_otp.oath import totp

from ketenzicht.demo.accounts import demo_account


class Command(BaseCommand):
    help = "Toont de huidige zescijferige code van een demo-account (alleen in demomodus)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username", help="Gebruikersnaam van een demo-account, bijv. cjg-demonden.")

    def handle(self, *args, username: str, **options) -> None:
        if not settings.DEMO_MODE:
            raise CommandError("Democodes bestaan alleen in demomodus.")
        try:
            account = demo_account(username)
        except KeyError as exc:
            raise CommandError(f"{username!r} is geen demo-account.") from exc
        self.stdout.write(f"{totp(bytes.fromhex(account.totp_key_hex)):06d}")
