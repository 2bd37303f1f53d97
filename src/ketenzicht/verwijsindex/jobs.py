"""The verwijsindex's periodic jobs: lifetimes and retention, and the deadlines of matches."""

from datetime import timedelta

from ketenzicht.runtime.registry import Counts, job

from .deadlines import run_deadline_jobs
from .lifecycle import run_lifetime_jobs


@job("verwijsindex-levensduur", every=timedelta(minutes=1),
     description="Beëindigt en vernietigt registraties volgens de wettelijke termijnen; sluit "
                 "matches zonder actieve registratie.",
     labels={"death": "vernietigd na overlijden", "age_limit": "vernietigd op de 23e verjaardag",
             "maximum_term": "beëindigd na 24 maanden", "expired": "beëindigd: actieve termijn verstreken",
             "archive_destroyed": "vernietigd na 5 jaar in het archief",
             "matches_closed": "matches gesloten", "matches_deleted": "matches verwijderd",
             "skipped": "overgeslagen (een andere run was bezig)"})
def lifetimes() -> Counts:
    return run_lifetime_jobs()


@job("verwijsindex-termijnen", every=timedelta(minutes=1),
     description="Schaalt matches zonder contact op naar de regievoerder, herinnert aan "
                 "informeren en volgt verhuizingen.",
     labels={"escalated": "matches opgeschaald naar de regievoerder",
             "informing_reminded": "herinneringen informeren", "moves_followed": "verhuizingen gevolgd"})
def deadlines() -> Counts:
    return run_deadline_jobs()
