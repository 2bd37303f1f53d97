"""``ketenzicht loaddemo``: the Emmen demo in a fresh database, with its logins printed."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from ketenzicht.demo.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD
from ketenzicht.demo.casework import CaseworkSummary
from ketenzicht.demo.dataset import DEFAULT_SEED
from ketenzicht.demo.history import HistorySummary
from ketenzicht.demo.loader import DemoAlreadyLoaded, load_demo
from ketenzicht.organisations.models import Role


class Command(BaseCommand):
    help = "Laadt de synthetische demo van gemeente Emmen in een lege database (alleen in demomodus)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--households", type=int, default=2000,
            help="Aantal gegenereerde huishoudens naast de vijf voorbeeldhuishoudens (standaard 2000).",
        )
        parser.add_argument(
            "--seed", type=int, default=DEFAULT_SEED,
            help="Startwaarde van de generator; dezelfde waarde geeft overal dezelfde demo.",
        )

    def handle(self, *args, households: int, seed: int, **options) -> None:
        # Demo accounts share a published password and TOTP keys: never in production.
        if not settings.DEMO_MODE:
            raise CommandError(
                "De demo kan alleen worden geladen in demomodus (KETENZICHT_DEMO_MODE=true). "
                "Deze omgeving is geen demo: er worden geen demogegevens of demo-accounts aangemaakt."
            )
        if households < 0:
            raise CommandError("Het aantal huishoudens kan niet negatief zijn.")
        try:
            summary = load_demo(households=households, seed=seed, history=True)
        except DemoAlreadyLoaded as exc:
            raise CommandError(str(exc)) from exc
        except ValueError as exc:
            raise CommandError(str(exc)) from exc

        self.stdout.write(self.style.SUCCESS(
            f"Demo Emmen geladen in {summary.seconds:.1f} s: {summary.households} huishoudens, "
            f"{summary.persons} personen, {summary.relations} relaties, "
            f"{summary.organisations} organisaties, {summary.accounts} accounts."
        ))
        self._history(summary.history)
        self._casework(summary.casework)
        self.stdout.write("")
        self.stdout.write(f"Wachtwoord voor alle demo-accounts: {DEMO_PASSWORD}")
        self.stdout.write("Tweede factor: voer het TOTP-geheim in een authenticator-app in (alleen demo),")
        self.stdout.write("of vraag de huidige code op met: .venv/bin/ketenzicht democode <gebruikersnaam>")
        self.stdout.write("")
        header = f"{'gebruikersnaam':<22}{'rol':<24}{'organisatie':<24}TOTP-geheim"
        self.stdout.write(header)
        self.stdout.write("-" * len(header + " " * 32))
        for account in DEMO_ACCOUNTS:
            role = Role(account.role).label
            self.stdout.write(
                f"{account.username:<22}{role!s:<24}{account.organisation_slug:<24}"
                f"{account.totp_secret_base32}"
            )

    def _casework(self, casework: CaseworkSummary) -> None:
        """Where the example households stand, and the other states the pages show."""
        if casework.jansen_in_caseload:
            self.stdout.write("Jansen: signaal aangenomen door CJG-Jeugdteam De Velden, in de werkvoorraad "
                              "van `teamleider-develden` (nog toe te wijzen).")
        if casework.yilmaz_plan_agreed:
            self.stdout.write("Yilmaz: gezinsplan vastgesteld met de ouders; regisseur `cjg-emmenzuid`.")
        if casework.generated_states:
            self.stdout.write("Andere huishoudens: " + ", ".join(casework.generated_states) + ".")

    def _history(self, history: HistorySummary) -> None:
        """What the worker will notice by itself once it runs (``make demo`` starts it)."""
        items = [
            (history.lying_signal, "een signaal van `leerkracht` waarvan stap 2 van de meldcode te laat is "
                                   "(herinnering aan `leerkracht` en `aandacht-kristalla`)"),
            (history.overdue_report, "een melding bij Veilig Thuis waarvan de termijn van 5 werkdagen "
                                     "verstreken is (gemeld aan `veiligthuis`)"),
            (history.match_without_contact, "een match zonder contact na 10 werkdagen "
                                            "(opgeschaald naar `regievoerder`)"),
        ]
        placed = [text for present, text in items if present]
        if placed:
            self.stdout.write("Voorgeschiedenis, die de worker vanzelf oppakt:")
            for text in placed:
                self.stdout.write(f"  - {text}")
