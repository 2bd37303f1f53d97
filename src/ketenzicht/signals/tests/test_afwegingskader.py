"""The afwegingskader (Meldcode step 4) as the decision tree of domain.md §3, every path by name,
and step 5 following it."""

from datetime import date, timedelta

import pytest

from ketenzicht.refusals import Refused
from ketenzicht.signals import meldcode
from ketenzicht.signals.decision_framework import QUESTIONS, allowed_decisions, weigh
from ketenzicht.signals.models import (
    ConsentBasis,
    Decision,
    FrameworkOutcome,
    MeldcodeStep,
    RouteKind,
    SignalStatus,
)
from ketenzicht.signals.services import Consent, ShareRequest

from .conftest import OFFICE_HOURS, PARENTS_CONSENT, acting, signal_as
from .support import consult, fresh

T, F, _ = True, False, None

#: answers given → (outcome, next question, the answers that are kept)
PATHS = {
    "nog-niets-beantwoord-vraag-1": ((), None, 1, (_, _, _, _, _)),
    "v1-nee-afsluiten": ((F,), FrameworkOutcome.CLOSE, None, (F, _, _, _, _)),
    "v1-nee-latere-antwoorden-tellen-niet": ((F, T, T, T, T), FrameworkOutcome.CLOSE, None,
                                             (F, _, _, _, _)),
    "v1-ja-dan-vraag-2": ((T,), None, 2, (T, _, _, _, _)),
    "v2-ja-melden": ((T, T), FrameworkOutcome.REPORT, None, (T, T, _, _, _)),
    "v2-ja-melden-v3-tot-v5-niet-bewaard": ((T, T, T, T, T), FrameworkOutcome.REPORT, None,
                                            (T, T, _, _, _)),
    "v2-nee-dan-vraag-3": ((T, F), None, 3, (T, F, _, _, _)),
    "v3-nee-melden": ((T, F, F), FrameworkOutcome.REPORT, None, (T, F, F, _, _)),
    "v3-ja-dan-vraag-4": ((T, F, T), None, 4, (T, F, T, _, _)),
    "v4-nee-melden": ((T, F, T, F), FrameworkOutcome.REPORT, None, (T, F, T, F, _)),
    "v5-open-hulp-organiseren": ((T, F, T, T), FrameworkOutcome.ORGANISE_HELP, 5, (T, F, T, T, _)),
    "v5-open-expliciet-hulp-organiseren": ((T, F, T, T, _), FrameworkOutcome.ORGANISE_HELP, 5,
                                           (T, F, T, T, _)),
    "v5-nee-melden": ((T, F, T, T, F), FrameworkOutcome.REPORT, None, (T, F, T, T, F)),
    "v5-ja-afsluiten-met-monitoring": ((T, F, T, T, T), FrameworkOutcome.CLOSE_WITH_MONITORING,
                                       None, (T, F, T, T, T)),
    "onvolledig-v1-open-dan-vraag-1": ((_, T), None, 1, (_, _, _, _, _)),
    "onvolledig-v2-open-dan-vraag-2": ((T, _, T), None, 2, (T, _, _, _, _)),
    "onvolledig-v4-open-dan-vraag-4": ((T, F, T, _, T), None, 4, (T, F, T, _, _)),
}

#: The agreed date on which question 5 is evaluated, after help is organised.
EVALUATE_ON = date(2027, 1, 15)


@pytest.mark.parametrize(("answers", "outcome", "next_question", "kept"), PATHS.values(),
                         ids=PATHS.keys())
def test_afwegingskader_path(answers, outcome, next_question, kept):
    weighing = weigh(answers)
    assert weighing.outcome == outcome
    assert weighing.next_question == next_question
    assert weighing.answers == kept


def test_the_tree_has_the_five_questions_in_dutch():
    assert len(QUESTIONS) == 5
    assert "vermoeden" in QUESTIONS[0] and "acute" in QUESTIONS[1]


def test_every_outcome_is_reached_by_a_path():
    assert {outcome for _a, outcome, _n, _k in PATHS.values() if outcome} == set(FrameworkOutcome)


REPORTING = {Decision.REPORT, Decision.REPORT_AND_HELP}
ALLOWED = {
    "afsluiten-alleen-afsluiten": (FrameworkOutcome.CLOSE, {Decision.CLOSE}),
    "melden-alleen-melden": (FrameworkOutcome.REPORT, REPORTING),
    "hulp-organiseren-of-toch-melden": (FrameworkOutcome.ORGANISE_HELP,
                                        {Decision.ORGANISE_HELP, *REPORTING}),
    "monitoring-of-toch-melden": (FrameworkOutcome.CLOSE_WITH_MONITORING,
                                  {Decision.CLOSE_WITH_MONITORING, *REPORTING}),
}


@pytest.mark.parametrize(("outcome", "decisions"), ALLOWED.values(), ids=ALLOWED.keys())
def test_step_5_allows_what_the_afwegingskader_leads_to(outcome, decisions):
    assert allowed_decisions(outcome) == decisions


# --- Through the Meldcode: step 4 is stored as the tree says, step 5 follows it ------------------

def _weighed(answers: tuple) -> tuple:
    signal = signal_as("leerkracht")
    who, actor = acting("leerkracht")
    consult(signal)
    meldcode.record_conversation(who, actor, signal, notes="Gesprek met moeder.", now=OFFICE_HOURS)
    entry = meldcode.record_weighing(who, actor, signal, answers, now=OFFICE_HOURS)
    return signal, entry, who, actor


def test_incomplete_weighing_asks_the_next_question(emmen):
    signal = signal_as("leerkracht")
    who, actor = acting("leerkracht")
    consult(signal)
    meldcode.record_conversation(who, actor, signal, notes="Gesprek.", now=OFFICE_HOURS)
    with pytest.raises(Refused) as refused:
        meldcode.record_weighing(who, actor, signal, (True, False, True), now=OFFICE_HOURS)
    assert refused.value.code == "afwegingskader-onvolledig"
    assert refused.value.field == "vraag4"
    assert not signal.dossier.filter(step=MeldcodeStep.WEIGHING).exists()


def test_acute_unsafety_keeps_only_questions_1_and_2(emmen):
    _signal, entry, _who, _actor = _weighed((True, True, True, True, True))
    assert entry.framework_outcome == FrameworkOutcome.REPORT
    assert (entry.q1_suspicion, entry.q2_acute_or_structural) == (True, True)
    assert (entry.q3_can_organise_help, entry.q4_help_accepted, entry.q5_help_achieves_safety) \
        == (None, None, None)


def test_after_melden_help_alone_is_refused(emmen):
    signal, _entry, who, actor = _weighed((True, True))
    for decision in (Decision.ORGANISE_HELP, Decision.CLOSE, Decision.CLOSE_WITH_MONITORING):
        with pytest.raises(Refused) as refused:
            meldcode.record_decision(who, actor, signal, decision, share=PARENTS_CONSENT,
                                     now=OFFICE_HOURS)
        assert refused.value.code == "besluit-past-niet"
        assert "melden bij Veilig Thuis" in refused.value.message
    assert not signal.dossier.filter(step=MeldcodeStep.DECISION).exists()


def test_melden_shares_the_signal_with_veilig_thuis(emmen):
    signal, _entry, who, actor = _weighed((True, True))
    result = meldcode.record_decision(who, actor, signal, Decision.REPORT, share=PARENTS_CONSENT,
                                      now=OFFICE_HOURS + timedelta(minutes=5))
    assert result.entry.decision == Decision.REPORT
    assert result.entry.author == who
    assert result.report.desk.slug == "veilig-thuis-drenthe"
    assert result.report.kind == RouteKind.REPORT
    assert result.report.consent_given_by == "ouders"
    signal.refresh_from_db()
    assert signal.status == SignalStatus.SHARED


def test_melden_without_a_consent_basis_records_nothing(emmen):
    signal, _entry, who, actor = _weighed((True, True))
    with pytest.raises(Refused) as refused:
        meldcode.record_decision(who, actor, signal, Decision.REPORT, now=OFFICE_HOURS)
    assert refused.value.code == "melding-ontbreekt"
    assert not signal.dossier.filter(step=MeldcodeStep.DECISION).exists()
    assert not signal.routes.exists()


def test_melden_and_help_after_help_was_organised(emmen):
    signal, _entry, who, actor = _weighed((True, False, True, True))
    safety = ShareRequest(Consent(ConsentBasis.SAFETY, safety_reason="Vader dreigt met geweld."))
    result = meldcode.record_decision(who, actor, signal, Decision.REPORT_AND_HELP, share=safety,
                                      now=OFFICE_HOURS)
    assert result.report.desk.slug == "veilig-thuis-drenthe"
    assert result.report.consent_basis == ConsentBasis.SAFETY


@pytest.mark.parametrize(("answers", "decision"), [
    pytest.param((False,), Decision.CLOSE, id="v1-nee-afsluiten"),
    pytest.param((True, False, True, True, True), Decision.CLOSE_WITH_MONITORING,
                 id="v5-ja-afsluiten-met-monitoring"),
])
def test_closing_decision_closes_the_signal_without_a_route(emmen, answers, decision):
    signal, _entry, who, actor = _weighed(answers)
    result = meldcode.record_decision(who, actor, signal, decision, now=OFFICE_HOURS)
    assert result.report is None
    signal.refresh_from_db()
    assert signal.status == SignalStatus.CLOSED
    assert not signal.routes.exists()
    assert meldcode.next_step(fresh(signal)) is None


def test_help_organised_keeps_the_signal_open_without_a_report(emmen):
    signal, _entry, who, actor = _weighed((True, False, True, True))
    result = meldcode.record_decision(who, actor, signal, Decision.ORGANISE_HELP, now=OFFICE_HOURS,
                                      evaluate_on=EVALUATE_ON)
    assert result.report is None
    signal.refresh_from_db()
    assert signal.status == SignalStatus.OPEN
    assert not signal.routes.exists()
