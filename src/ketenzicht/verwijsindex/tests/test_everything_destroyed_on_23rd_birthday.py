"""On the 23rd birthday everything the index holds on the youth is destroyed (domain.md §2)."""

from datetime import date

import pytest

from ketenzicht.access.models import AccessBasis
from ketenzicht.audit.models import AuditEvent
from ketenzicht.people.models import Person
from ketenzicht.verwijsindex.lifecycle import end_registration
from ketenzicht.verwijsindex.models import EndReason, IndexRegistration, Match, MatchParticipation

from .conftest import DAAN, KEVIN
from .lifetimes import acting, jobs_on, on, registered_on

pytestmark = pytest.mark.usefixtures("emmen")


def test_everything_destroyed_on_23rd_birthday():
    # Kevin Smit, born 2004-01-15, turns 23 on 2027-01-15.
    archived = registered_on(date(2026, 5, 1), "cjg-demonden", KEVIN)
    with on(date(2026, 5, 20)):
        end_registration(*acting("cjg-demonden"), archived.uuid, EndReason.RISK_GONE)
    school = registered_on(date(2026, 6, 1), "leerkracht", KEVIN)
    registered_on(date(2026, 6, 2), "jgz", KEVIN)
    registered_on(date(2026, 6, 2), "jgz", DAAN)  # someone else's youth stays
    kevin = Person.objects.get(uuid=school.person.uuid)
    assert Match.objects.filter(person=kevin).exists()

    assert jobs_on(date(2027, 1, 14))["age_limit"] == 0
    assert IndexRegistration.objects.filter(person=kevin).count() == 3

    counts = jobs_on(date(2027, 1, 15))
    assert counts["age_limit"] == 3
    assert not IndexRegistration.objects.filter(person=kevin).exists()  # active and archived
    assert not Match.objects.filter(person=kevin).exists()
    assert not MatchParticipation.objects.filter(registration__person=kevin).exists()
    assert IndexRegistration.objects.filter(person__date_of_birth=date(2017, 5, 12)).count() == 1
    assert not AccessBasis.objects.filter(reference=str(school.uuid)).exists()  # no copy left
    destroyed = AuditEvent.objects.filter(event_type="delete", client_pseudonym=str(kevin.uuid))
    assert destroyed.filter(object_type="verwijsindex-registratie", detail__reden="23-jaar").count() == 3
    assert destroyed.filter(object_type="verwijsindex-match").count() == 1
