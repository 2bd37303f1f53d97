"""``ketenzicht signalen-onderhoud``: the signal flow's deadlines, run every minute.

Reminds professionals of Meldcode steps left lying and tells desks of overdue safety assessments
and crisis handovers (``deadlines.run_deadline_jobs``). Idempotent: every reminder is sent once.
"""

from django.core.management.base import BaseCommand

from ketenzicht.signals.deadlines import run_deadline_jobs

LABELS = {
    "meldcode_reminded": "herinneringen meldcode verstuurd",
    "evaluations_reminded": "herinneringen evaluatie van de hulp (vraag 5) verstuurd",
    "routes_overdue": "verlopen termijnen van loketten gemeld",
}


class Command(BaseCommand):
    help = ("Bewaakt de termijnen van signalen: meldcode, veiligheidsbeoordeling van Veilig Thuis "
            "en overdracht van de crisisdienst. Veilig om elke minuut te draaien.")

    def handle(self, *args, **options) -> None:
        for key, count in run_deadline_jobs().items():
            self.stdout.write(f"{LABELS[key]}: {count}")
        self.stdout.write(self.style.SUCCESS("Onderhoud signalen klaar."))
