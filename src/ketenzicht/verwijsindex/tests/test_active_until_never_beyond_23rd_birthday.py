"""A registration is active at most until the day before the 23rd birthday, counted as
``age_on`` counts (someone born on 29 February turns 23 on 1 March in a common year)."""

from datetime import date

import pytest
import time_machine

from ketenzicht.people.ages import YOUTH_AGE_LIMIT, age_on
from ketenzicht.people.models import Person
from ketenzicht.people.services import find_person_by_bsn
from ketenzicht.verwijsindex import rules
from ketenzicht.verwijsindex.errors import RegistrationRefused
from ketenzicht.verwijsindex.lifecycle import extend_registration
from ketenzicht.verwijsindex.rules import last_registrable_day

from .conftest import DAAN
from .lifetimes import acting, moment, on, registered_on

pytestmark = pytest.mark.usefixtures("emmen")


@pytest.mark.parametrize("born", [
    date(2004, 2, 29),  # 23 years later is 2027, without a 29 February
    date(2008, 2, 29),  # 2031: no 29 February either
    date(2005, 12, 31),
    date(2003, 6, 15),
])
def test_last_registrable_day_agrees_with_age_on(born):
    last = last_registrable_day(born)
    assert age_on(born, last) == YOUTH_AGE_LIMIT - 1
    assert age_on(born, date.fromordinal(last.toordinal() + 1)) == YOUTH_AGE_LIMIT
    assert not hasattr(rules, "twenty_third_birthday")  # the disagreeing copy is gone


def test_active_until_never_beyond_23rd_birthday():
    youth = find_person_by_bsn(DAAN)
    Person.objects.filter(pk=youth.pk).update(date_of_birth=date(2004, 2, 29))
    last = date(2027, 2, 28)  # age_on turns 23 on 1 March 2027

    late = registered_on(date(2026, 9, 1), "leerkracht", DAAN)  # 12 months would be 2027-09-01
    assert late.active_until == last

    early = registered_on(date(2026, 1, 10), "jgz", DAAN)
    assert early.active_until == date(2027, 1, 10)
    with on(date(2027, 1, 10)):
        extended = extend_registration(*acting("jgz"), early.uuid)
    assert extended.active_until == last

    with time_machine.travel(moment(date(2027, 2, 20)), tick=False), \
            pytest.raises(RegistrationRefused) as refused:
        extend_registration(*acting("leerkracht"), late.uuid)
    assert refused.value.code == "leeftijdsgrens-bereikt"
    assert "23e verjaardag" in refused.value.message
