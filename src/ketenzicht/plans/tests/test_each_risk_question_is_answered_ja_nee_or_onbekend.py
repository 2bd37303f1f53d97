"""One answer per risk question, each ja, nee or onbekend: a missing or unknown answer is refused
with a Dutch message naming the question — every one of them at once — and nothing is written."""

import pytest

from ketenzicht.plans.models import Case, RiskScreening
from ketenzicht.plans.refusals import all_of
from ketenzicht.refusals import Refused

from .intake_support import NO, apply


def test_a_missing_and_an_unknown_answer_are_both_named(emmen):
    with pytest.raises(Refused) as refused:
        apply((NO, "misschien"))
    problems = {problem.field: problem for problem in all_of(refused.value)}
    assert set(problems) == {"risicovragen.1", "risicovragen.2"}
    assert problems["risicovragen.1"].code == "antwoord-onbekend"
    assert "vechtscheiding" in problems["risicovragen.1"].message  # the question itself is named
    assert problems["risicovragen.2"].code == "antwoord-ontbreekt"
    assert "zorgmijding" in problems["risicovragen.2"].message
    assert not Case.objects.exists() and not RiskScreening.objects.exists()


def test_more_answers_than_questions_are_refused(emmen):
    with pytest.raises(Refused) as refused:
        apply((NO, NO, NO, NO))
    assert [problem.code for problem in all_of(refused.value)] == ["te-veel-antwoorden"]


def test_answers_and_other_problems_are_told_together(emmen):
    from ketenzicht.plans.applications import ApplicationRequest, record_application

    from .conftest import DAAN, acting
    with pytest.raises(Refused) as refused:
        record_application(*acting("cjg-demonden"), ApplicationRequest(
            bsn=DAAN, applicant="ouder", channel="brief", question=" ", risk_answers=()))
    codes = [problem.code for problem in all_of(refused.value)]
    assert codes == ["kanaal-onbekend", "vraag-ontbreekt", "antwoord-ontbreekt", "antwoord-ontbreekt",
                     "antwoord-ontbreekt"]
