"""Afwegingskader question 5 (domain.md §3): when help is organised, whether it brings the needed
safety is answered at an agreed time — yes closes the help with agreements on monitoring, no
leads to a report to Veilig Thuis; the signaller and the aandachtsfunctionaris are reminded when
the date passes."""

from datetime import date, datetime

import pytest

from ketenzicht.refusals import Refused
from ketenzicht.signals import meldcode
from ketenzicht.signals.deadlines import REMINDER, run_deadline_jobs
from ketenzicht.signals.models import Decision, FrameworkOutcome, RouteKind, SignalStatus

from .conftest import AMSTERDAM, OFFICE_HOURS, PARENTS_CONSENT, acting, signal_as
from .support import consult, fresh, notices_of

EVALUATE_ON = date(2026, 12, 23)


def help_organised(evaluate_on: date | None = EVALUATE_ON):
    signal = signal_as("leerkracht")
    who, actor = acting("leerkracht")
    consult(signal)
    meldcode.record_conversation(who, actor, signal, notes="Moeder wil hulp.", now=OFFICE_HOURS)
    entry = meldcode.record_weighing(who, actor, signal, (True, False, True, True, None),
                                     now=OFFICE_HOURS)
    assert entry.framework_outcome == FrameworkOutcome.ORGANISE_HELP
    meldcode.record_decision(who, actor, signal, Decision.ORGANISE_HELP, now=OFFICE_HOURS,
                             evaluate_on=evaluate_on)
    return fresh(signal)


@pytest.mark.parametrize("evaluate_on", [None, date(2026, 11, 25)], ids=["geen-datum", "vandaag"])
def test_organising_help_needs_a_date_to_evaluate_question_5(emmen, evaluate_on):
    with pytest.raises(Refused) as refused:
        help_organised(evaluate_on)
    assert refused.value.code == "evaluatiedatum-ontbreekt"


def test_help_organised_keeps_the_signal_open_until_question_5_is_answered(emmen):
    signal = help_organised()
    assert (signal.evaluate_on, signal.next_step, signal.status) == (
        EVALUATE_ON, None, SignalStatus.OPEN)


def test_question_5_yes_closes_the_help_with_monitoring(emmen):
    signal = help_organised()
    result = meldcode.record_evaluation(*acting("leerkracht"), signal, achieves_safety=True,
                                        notes="Daan komt weer met jas en ontbijt.")
    signal = fresh(signal)
    assert result.report is None and result.entry.help_achieves_safety
    assert (signal.status, signal.evaluate_on) == (SignalStatus.CLOSED, None)


def test_question_5_no_reports_to_veilig_thuis(emmen):
    signal = help_organised()
    with pytest.raises(Refused) as refused:
        meldcode.record_evaluation(*acting("leerkracht"), signal, achieves_safety=False)
    assert refused.value.code == "melding-ontbreekt"

    result = meldcode.record_evaluation(*acting("aandacht-kristalla"), signal,
                                        achieves_safety=False, share=PARENTS_CONSENT)
    assert (result.report.desk.slug, result.report.kind) == ("veilig-thuis-drenthe", RouteKind.REPORT)
    assert fresh(signal).status == SignalStatus.SHARED


def test_question_5_is_answered_once(emmen):
    signal = help_organised()
    meldcode.record_evaluation(*acting("leerkracht"), signal, achieves_safety=True)
    with pytest.raises(Refused) as refused:
        meldcode.record_evaluation(*acting("leerkracht"), signal, achieves_safety=True)
    assert refused.value.code == "geen-evaluatie"


def test_a_due_evaluation_reminds_the_signaller_and_the_aandachtsfunctionaris_once(emmen):
    signal = help_organised()
    before = datetime(2026, 12, 23, 9, tzinfo=AMSTERDAM)
    after = datetime(2026, 12, 24, 9, tzinfo=AMSTERDAM)
    assert run_deadline_jobs(before)["evaluations_reminded"] == 0
    assert run_deadline_jobs(after)["evaluations_reminded"] == 1
    assert run_deadline_jobs(after)["evaluations_reminded"] == 0
    for username in ("leerkracht", "aandacht-kristalla"):
        (notice,) = [n for n in notices_of(username, REMINDER) if "evalueer" in n.title]
        assert notice.link == f"/signalen/{signal.uuid}/"
