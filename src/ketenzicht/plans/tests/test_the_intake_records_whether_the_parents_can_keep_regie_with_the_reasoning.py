"""The intake records the family's question, a summary, and whether the parents can keep regie
themselves, with the reasoning (report §4.2) — required; every problem is told at once."""

from datetime import date, timedelta

import pytest
import time_machine

from ketenzicht.plans import intake
from ketenzicht.plans.models import Intake, ParentsRegie
from ketenzicht.plans.refusals import all_of
from ketenzicht.refusals import Refused

from .conftest import WEDNESDAY, acting
from .intake_support import ALL_NO, apply, intake_request


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(WEDNESDAY, tick=False):
        yield


def test_the_regie_judgement_and_its_reasoning_are_kept(emmen):
    case = apply(ALL_NO)
    intake.record_intake(*acting("cjg-demonden"), case, intake_request(parents_regie=ParentsRegie.NO,
                         parents_regie_reasoning="Moeder is overbelast; vader werkt in ploegen."))
    made = Intake.objects.get(case=case)
    assert made.get_parents_regie_display() == "Nee, er is een regisseur nodig"
    assert made.parents_regie_reasoning == "Moeder is overbelast; vader werkt in ploegen."
    assert made.family_question == "Hoe krijgen we weer rust in huis?"


def test_without_regie_reasoning_question_or_a_valid_date_every_problem_is_told(emmen):
    case = apply(ALL_NO)
    with pytest.raises(Refused) as refused:
        intake.record_intake(*acting("cjg-demonden"), case, intake_request(
            held_on=WEDNESDAY.date() + timedelta(days=1), family_question=" ", parents_regie="",
            parents_regie_reasoning="  "))
    assert [(p.field, p.code) for p in all_of(refused.value)] == [
        ("gehouden_op", "datum-in-toekomst"), ("vraag", "vraag-ontbreekt"), ("regie", "regie-onbekend"),
        ("onderbouwing", "onderbouwing-ontbreekt")]
    assert not Intake.objects.exists()


def test_an_intake_is_not_dated_before_its_case(emmen):
    case = apply(ALL_NO)
    with pytest.raises(Refused) as refused:
        intake.record_intake(*acting("cjg-demonden"), case, intake_request(held_on=date(2026, 11, 1)))
    assert refused.value.code == "datum-voor-casus"
