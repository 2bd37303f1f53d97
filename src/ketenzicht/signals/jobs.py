"""The signal flow's periodic job: Meldcode reminders and the desks' overdue clocks."""

from datetime import timedelta

from ketenzicht.runtime.registry import Counts, job

from .deadlines import run_deadline_jobs


@job("signalen-termijnen", every=timedelta(minutes=1),
     description="Herinneringen meldcode en evaluatie (vraag 5); verlopen termijnen van "
                 "loketten: veiligheidsbeoordeling en onderzoek van Veilig Thuis, aannemen door "
                 "een lokaal team, overdrachten.",
     labels={"meldcode_reminded": "herinneringen meldcode",
             "evaluations_reminded": "herinneringen evaluatie van de hulp (vraag 5)",
             "routes_overdue": "verlopen termijnen van loketten gemeld"})
def signal_deadlines() -> Counts:
    return run_deadline_jobs()
