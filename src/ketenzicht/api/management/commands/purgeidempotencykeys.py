"""``ketenzicht purgeidempotencykeys``: forget stored answers older than the retention.

Run it daily (cron or systemd timer): stored answers may name clients, so they are kept no
longer than needed to make retries safe.
"""

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from ketenzicht.api.idempotency import retention
from ketenzicht.api.models import IdempotencyRecord


class Command(BaseCommand):
    help = "Verwijder bewaarde antwoorden op Idempotency-Keys die ouder zijn dan de bewaartermijn."

    def handle(self, *args: Any, **options: Any) -> None:
        deleted, _per_model = IdempotencyRecord.objects.filter(
            created_at__lt=timezone.now() - retention()
        ).delete()
        self.stdout.write(f"{deleted} verwijderd.")
