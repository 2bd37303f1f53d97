"""``ketenzicht verify-audit``: recompute every hash chain and report every broken link.

Exit code 0 when the trail is intact, 1 when any row was changed, inserted or removed, so a
scheduled job or monitoring can alert on it. Each problem names its chain; ``-v 2`` also lists
how many events each chain had.
"""

from django.core.management.base import BaseCommand, CommandError

from ketenzicht.audit.services import ChainVerifier


class Command(BaseCommand):
    help = "Controleert de hashketens van de audittrail op gewijzigde, ingevoegde of verwijderde rijen."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--batch-size", type=int, default=5000,
            help="Aantal gebeurtenissen per keer uit de database (standaard 5000).",
        )

    def handle(self, *args, batch_size: int, verbosity: int, **options) -> None:
        if batch_size < 1:
            raise CommandError("--batch-size moet minstens 1 zijn.")
        verifier = ChainVerifier(batch_size=batch_size)
        problems = 0
        for problem in verifier.problems():
            problems += 1
            self.stderr.write(str(problem))
        if verbosity >= 2:
            for chain, checked in sorted(verifier.checked_per_chain.items()):
                self.stdout.write(f"Keten {chain}: {checked} {_events(checked)} gecontroleerd.")
        if problems:
            noun = "probleem" if problems == 1 else "problemen"
            raise CommandError(
                f"Audittrail NIET in orde: {problems} {noun} in {verifier.checked} "
                "gecontroleerde gebeurtenissen.",
                returncode=1,
            )
        self.stdout.write(
            self.style.SUCCESS(f"Audittrail in orde: {verifier.checked} gebeurtenissen gecontroleerd.")
        )


def _events(count: int) -> str:
    return "gebeurtenis" if count == 1 else "gebeurtenissen"
