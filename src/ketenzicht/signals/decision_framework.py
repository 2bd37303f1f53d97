"""The afwegingskader of the Meldcode (mandatory since 2019) as a decision tree (domain.md §3).

- Q1 Is there a suspicion of (threatened) abuse? No: close and record.
- Q2 Is there acute or structural unsafety? Yes: report to Veilig Thuis (Q3–Q5 are then
  answered together with Veilig Thuis, so they are not asked here).
- Q3 Can I offer or organise adequate help? No: report.
- Q4 Do those involved accept the help and commit to it? No: report.
- Q5 Does the help achieve the needed safety within the agreed time? No: report. Yes: close the
  help with agreements on monitoring. Not yet known: the help goes on and safety is followed.

The tree supports the professional's judgement; it never decides without their answers.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from .models import Decision, FrameworkOutcome

QUESTIONS: tuple[str, ...] = (
    "Is er een vermoeden van (dreigend) huiselijk geweld of kindermishandeling?",
    "Is er sprake van acute en/of structurele onveiligheid?",
    "Ben ik, gelet op mijn competenties, verantwoordelijkheden en professionele grenzen, in "
    "staat om effectieve hulp te bieden of te organiseren?",
    "Aanvaarden de betrokkenen de hulp en zijn zij bereid zich in te zetten?",
    "Leidt de hulp binnen de gewenste termijn tot de noodzakelijke veiligheid en/of het "
    "welzijn van alle betrokkenen?",
)

#: The answer to each question (1-5) that decides, and what it decides.
_DECISIVE: tuple[tuple[bool, FrameworkOutcome], ...] = (
    (False, FrameworkOutcome.CLOSE),
    (True, FrameworkOutcome.REPORT),
    (False, FrameworkOutcome.REPORT),
    (False, FrameworkOutcome.REPORT),
    (False, FrameworkOutcome.REPORT),
)


@dataclass(frozen=True)
class Weighing:
    """Where the answers lead: an outcome (or None while undecided), the next question to ask
    (1–5, or None), and the answers that count (those after a decisive one are not asked)."""

    outcome: FrameworkOutcome | None
    next_question: int | None
    answers: tuple[bool | None, ...]


def weigh(answers: Sequence[bool | None]) -> Weighing:
    given = (list(answers) + [None] * 5)[:5]
    for index, answer in enumerate(given):
        number = index + 1
        counted = tuple(given[:number]) + (None,) * (5 - number)
        if answer is None:
            if number == 5:
                # Help is offered and accepted; whether it makes the family safe shows later.
                return Weighing(FrameworkOutcome.ORGANISE_HELP, 5, counted)
            return Weighing(None, number, counted)
        decisive_answer, outcome = _DECISIVE[index]
        if answer == decisive_answer:
            return Weighing(outcome, None, counted)
    return Weighing(FrameworkOutcome.CLOSE_WITH_MONITORING, None, tuple(given))


#: Step 5's decision that each outcome leads to.
DECISION_FOR: dict[FrameworkOutcome, Decision] = {
    FrameworkOutcome.CLOSE: Decision.CLOSE,
    FrameworkOutcome.REPORT: Decision.REPORT,
    FrameworkOutcome.ORGANISE_HELP: Decision.ORGANISE_HELP,
    FrameworkOutcome.CLOSE_WITH_MONITORING: Decision.CLOSE_WITH_MONITORING,
}

REPORTING = frozenset({Decision.REPORT, Decision.REPORT_AND_HELP})


def allowed_decisions(outcome: FrameworkOutcome) -> frozenset[Decision]:
    """Step 5 follows the afwegingskader; reporting stays possible wherever there is a suspicion
    (a professional may always report), and is the only choice when the framework says report."""
    if outcome == FrameworkOutcome.CLOSE:
        return frozenset({Decision.CLOSE})
    return frozenset({DECISION_FOR[outcome]}) | REPORTING
