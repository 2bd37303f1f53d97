"""Stored answers to Idempotency-Keys are forgotten once the retention has passed."""

from datetime import timedelta

from ketenzicht.runtime.registry import Counts, job

from .idempotency import forget_expired


@job("idempotentie-opschonen", every=timedelta(hours=1),
     description="Verwijdert bewaarde antwoorden op Idempotency-Keys na de bewaartermijn.",
     labels={"deleted": "bewaarde antwoorden verwijderd"})
def idempotency_keys() -> Counts:
    return {"deleted": forget_expired()}
