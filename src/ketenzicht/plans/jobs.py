"""The cases' periodic job: deadlines that passed are told to whoever holds the case."""

from datetime import timedelta

from ketenzicht.runtime.registry import Counts, job

from .accountability import escalate_overdue
from .deadlines import flag_overdue_cases


@job("casussen-termijnen", every=timedelta(minutes=1),
     description="Meldt casussen waarvan de termijn (eerste contact, intake) verstreken is aan de "
                 "casusverantwoordelijke en de teamleider.",
     labels={"overdue": "verlopen termijnen van casussen gemeld"})
def case_deadlines() -> Counts:
    return {"overdue": flag_overdue_cases()}


@job("gezinsplan-aanspreken", every=timedelta(minutes=5),
     description="Schaalt aanspreken op een actie in een gezinsplan op als het antwoord uitblijft: eerst "
                 "naar de teamleider van de deelnemer, na de tweede termijn naar de regievoerder.",
     labels={"escalated": "aanspreken opgeschaald"})
def accountability_escalations() -> Counts:
    return {"escalated": escalate_overdue()}
