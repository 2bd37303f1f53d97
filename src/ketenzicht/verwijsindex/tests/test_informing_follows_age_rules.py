"""Who is informed follows age: under 12 the parents, 12–15 both, from 16 the youth (§2)."""

from datetime import date

import pytest

from ketenzicht.verwijsindex.errors import RefusalKind, RegistrationRefused
from ketenzicht.verwijsindex.informing import parties_required, record_informed

from .lifetimes import acting, on, registered_on

pytestmark = pytest.mark.usefixtures("emmen")

NOAH, LUCAS, EMMA = "999990056", "999990093", "999990020"  # born 2022, 2015, 2012


@pytest.mark.parametrize("age, bsn, day, required, too_little", [
    (8, NOAH, date(2030, 9, 2), "ouders", "jeugdige"),
    (13, LUCAS, date(2029, 9, 3), "beiden", "ouders"),
    (17, EMMA, date(2029, 9, 3), "jeugdige", None),
])
def test_informing_follows_age_rules(age, bsn, day, required, too_little):
    registration = registered_on(day, "jgz", bsn)
    assert registration.person.age_on(day) == age
    assert parties_required(registration, day) == required
    with on(day):
        if too_little:
            with pytest.raises(RegistrationRefused) as refused:
                record_informed(*acting("jgz"), registration.uuid, too_little, day)
            assert refused.value.kind == RefusalKind.INVALID
            assert f"De jeugdige is {age} jaar" in refused.value.message
        informed = record_informed(*acting("jgz"), registration.uuid, required, day)
    assert (informed.informed, informed.informed_on) == (required, day)


@pytest.mark.parametrize("bsn, day", [(NOAH, date(2030, 9, 2)), (LUCAS, date(2029, 9, 3))])
def test_informing_both_covers_the_rule_under_16(bsn, day):
    registration = registered_on(day, "jgz", bsn)
    with on(day):
        assert record_informed(*acting("jgz"), registration.uuid, "beiden", day).informed == "beiden"


def test_parents_are_not_informed_from_16():
    """From 16 only the youth is told: informing the parents too would disclose the
    registration to them, so "beiden" is refused (and so is "ouders")."""
    day = date(2029, 9, 3)  # Emma is 17
    registration = registered_on(day, "jgz", EMMA)
    with on(day):
        for parties in ("beiden", "ouders"):
            with pytest.raises(RegistrationRefused) as refused:
                record_informed(*acting("jgz"), registration.uuid, parties, day)
            assert refused.value.kind == RefusalKind.INVALID
            assert "alleen de jeugdige" in refused.value.message
        assert record_informed(*acting("jgz"), registration.uuid, "jeugdige", day).informed \
            == "jeugdige"


def test_only_the_registrant_organisation_records_informing():
    registration = registered_on(date(2029, 9, 3), "jgz", EMMA)
    with on(date(2029, 9, 3)), pytest.raises(RegistrationRefused) as refused:
        record_informed(*acting("leerkracht"), registration.uuid, "jeugdige", date(2029, 9, 3))
    assert refused.value.kind == RefusalKind.FORBIDDEN
