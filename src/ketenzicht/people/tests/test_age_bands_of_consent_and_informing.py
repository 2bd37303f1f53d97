"""The age bands of consent and informing (domain.md §5, §2): under 12 the parents; 12–15 the
youth and the parents; from 16 the youth alone. They have one home, ``people.ages.age_band``:
who consents to sharing a signal (``consent_givers``, where an adult client from 18 decides
alone) and who is told of a verwijsindex registration (``parties_to_inform``) both follow it."""

from datetime import date

import pytest

from ketenzicht.people.ages import AgeBand, age_band, age_on
from ketenzicht.signals.models import ConsentGiver
from ketenzicht.signals.services import consent_givers
from ketenzicht.verwijsindex.rules import parties_to_inform

PARENTS, BOTH, YOUTH, CLIENT = (ConsentGiver.PARENTS, ConsentGiver.YOUTH_AND_PARENTS,
                                ConsentGiver.YOUTH, ConsentGiver.CLIENT)


@pytest.mark.parametrize(("age", "band", "givers", "informed"), [
    pytest.param(0, AgeBand.PARENTS, {PARENTS}, "ouders", id="0-ouders"),
    pytest.param(11, AgeBand.PARENTS, {PARENTS}, "ouders", id="11-ouders"),
    pytest.param(12, AgeBand.YOUTH_AND_PARENTS, {BOTH}, "beiden", id="12-beiden"),
    pytest.param(15, AgeBand.YOUTH_AND_PARENTS, {BOTH}, "beiden", id="15-beiden"),
    pytest.param(16, AgeBand.YOUTH, {YOUTH}, "jeugdige", id="16-jeugdige"),
    pytest.param(17, AgeBand.YOUTH, {YOUTH}, "jeugdige", id="17-jeugdige"),
    pytest.param(18, AgeBand.YOUTH, {YOUTH, CLIENT}, "jeugdige", id="18-volwassene"),
    pytest.param(22, AgeBand.YOUTH, {YOUTH, CLIENT}, "jeugdige", id="22-volwassene"),
])
def test_age_band_decides_who_consents_and_who_is_informed(age, band, givers, informed):
    born = date(2004, 6, 15)
    on_birthday = date(born.year + age, born.month, born.day)
    assert age_band(age) is band
    assert consent_givers(age) == givers
    assert parties_to_inform(born, on_birthday) == informed


@pytest.mark.parametrize(("born", "day", "band", "givers", "informed"), [
    pytest.param(date(2014, 5, 12), date(2026, 5, 11), AgeBand.PARENTS, {PARENTS}, "ouders",
                 id="dag-voor-12e-verjaardag"),
    pytest.param(date(2014, 5, 12), date(2026, 5, 12), AgeBand.YOUTH_AND_PARENTS, {BOTH}, "beiden",
                 id="op-12e-verjaardag"),
    pytest.param(date(2010, 5, 12), date(2026, 5, 11), AgeBand.YOUTH_AND_PARENTS, {BOTH}, "beiden",
                 id="dag-voor-16e-verjaardag"),
    pytest.param(date(2010, 5, 12), date(2026, 5, 12), AgeBand.YOUTH, {YOUTH}, "jeugdige",
                 id="op-16e-verjaardag"),
    pytest.param(date(2008, 5, 12), date(2026, 5, 11), AgeBand.YOUTH, {YOUTH}, "jeugdige",
                 id="dag-voor-18e-verjaardag"),
    pytest.param(date(2008, 5, 12), date(2026, 5, 12), AgeBand.YOUTH, {YOUTH, CLIENT}, "jeugdige",
                 id="op-18e-verjaardag"),
    pytest.param(date(2008, 2, 29), date(2026, 2, 28), AgeBand.YOUTH, {YOUTH}, "jeugdige",
                 id="29-februari-geboren-28-februari-nog-17"),
    pytest.param(date(2008, 2, 29), date(2026, 3, 1), AgeBand.YOUTH, {YOUTH, CLIENT}, "jeugdige",
                 id="29-februari-geboren-1-maart-18"),
])
def test_a_birthday_moves_into_the_next_band_on_the_day_itself(born, day, band, givers, informed):
    assert age_band(age_on(born, day)) is band
    assert consent_givers(age_on(born, day)) == givers
    assert parties_to_inform(born, day) == informed
