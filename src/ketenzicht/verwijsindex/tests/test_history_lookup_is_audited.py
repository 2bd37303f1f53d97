"""Looking up a youth's history is logged with the professional and the date (domain.md §2)."""

from datetime import date

import pytest

from ketenzicht.audit.models import AuditEvent
from ketenzicht.verwijsindex.lifecycle import end_registration, history_of
from ketenzicht.verwijsindex.models import EndReason

from .conftest import DAAN
from .lifetimes import acting, on, registered_on

pytestmark = pytest.mark.usefixtures("emmen")


def test_history_lookup_is_audited():
    school = registered_on(date(2025, 3, 10), "leerkracht", DAAN)
    registered_on(date(2025, 3, 10), "jgz", DAAN)  # active: not history
    with on(date(2025, 4, 1)):
        end_registration(*acting("leerkracht"), school.uuid, EndReason.RISK_GONE)

    who, actor = acting("jgz")  # the GGD, with its active registration
    with on(date(2025, 9, 15)):
        history = history_of(who, actor, school.person)
    assert [r.uuid for r in history] == [school.uuid]

    event = AuditEvent.objects.get(object_type="verwijsindex-historie")
    assert (event.event_type, event.outcome) == ("read", "success")
    assert event.user_id == str(who.uuid) and event.organisation == "ggd-drenthe"
    assert event.occurred_at.date() == date(2025, 9, 15)
    assert event.client_pseudonym == str(school.person.uuid)
    assert event.purpose == "Registratie in de verwijsindex"
    assert DAAN not in str(list(AuditEvent.objects.values()))


def test_history_is_refused_to_who_may_not_see_the_youth_and_that_is_audited_too():
    school = registered_on(date(2025, 3, 10), "leerkracht", DAAN)
    with on(date(2025, 4, 1)):
        end_registration(*acting("leerkracht"), school.uuid, EndReason.RISK_GONE)
    who, actor = acting("cjg-emmenzuid")  # Daan lives in De Monden
    assert history_of(who, actor, school.person) == []
    assert AuditEvent.objects.get(object_type="verwijsindex-historie").outcome == "denied"


