"""``ketenzicht verwijsindex-onderhoud``: the verwijsindex's scheduled work, run every minute.

Lifetimes and retention (``lifecycle.run_lifetime_jobs``) and deadlines such as escalating a
match without contact (``deadlines.run_deadline_jobs``), and the e-mails of notices that could
not be sent before (``notify.services.send_pending_emails``). All are idempotent and take their own
lock, so an overlapping run from cron or a second host does no harm: it simply finds nothing
left to do, or skips while the other holds the lock.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from ketenzicht.notify.services import send_pending_emails
from ketenzicht.verwijsindex.deadlines import run_deadline_jobs
from ketenzicht.verwijsindex.lifecycle import run_lifetime_jobs

LIFETIME_LABELS = {
    "death": "registraties vernietigd na overlijden",
    "age_limit": "registraties vernietigd op de 23e verjaardag",
    "maximum_term": "registraties beëindigd na 24 maanden",
    "expired": "registraties beëindigd: actieve termijn verstreken",
    "archive_destroyed": "registraties vernietigd na 5 jaar in het archief",
    "matches_closed": "matches gesloten",
    "matches_deleted": "matches zonder registraties verwijderd",
}

DEADLINE_LABELS = {
    "escalated": "matches zonder contact opgeschaald naar de regievoerder",
    "informing_reminded": "herinneringen informeren verstuurd",
    "moves_followed": "verhuizingen gevolgd",
}


class Command(BaseCommand):
    help = (
        "Onderhoud van de verwijsindex: beëindigt en vernietigt registraties volgens de "
        "wettelijke termijnen en bewaakt de termijnen van matches. Veilig om elke minuut te draaien."
    )

    def handle(self, *args, **options) -> None:
        now = timezone.now()
        lifetimes = run_lifetime_jobs(now)
        if lifetimes.get("skipped"):
            self.stdout.write("Termijnen registraties: overgeslagen, een andere run is bezig.")
        else:
            for key, label in LIFETIME_LABELS.items():
                self.stdout.write(f"{label}: {lifetimes.get(key, 0)}")
        for key, count in run_deadline_jobs(now).items():
            self.stdout.write(f"{DEADLINE_LABELS.get(key, key)}: {count}")
        self.stdout.write(f"e-mails van berichten alsnog verstuurd: {send_pending_emails()}")
        self.stdout.write(self.style.SUCCESS("Onderhoud verwijsindex klaar."))
