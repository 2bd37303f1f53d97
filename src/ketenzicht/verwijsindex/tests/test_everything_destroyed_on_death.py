"""When the youth dies everything the index holds on them is destroyed (domain.md §2)."""

from datetime import date

import pytest

from ketenzicht.audit.models import AuditEvent
from ketenzicht.people.models import Person
from ketenzicht.verwijsindex.lifecycle import end_registration
from ketenzicht.verwijsindex.models import EndReason, IndexRegistration, Match

from .conftest import DAAN, EMMA
from .lifetimes import acting, jobs_on, on, registered_on

pytestmark = pytest.mark.usefixtures("emmen")


def test_everything_destroyed_on_death():
    archived = registered_on(date(2025, 2, 1), "cjg-demonden", DAAN)
    with on(date(2025, 2, 10)):
        end_registration(*acting("cjg-demonden"), archived.uuid, EndReason.RISK_GONE)
    daan_school = registered_on(date(2025, 3, 10), "leerkracht", DAAN)
    registered_on(date(2025, 3, 10), "jgz", DAAN)
    emma = registered_on(date(2025, 3, 11), "cjg-demonden", EMMA)  # a family match with Daan
    family = Match.objects.get(kind="gezin")
    daan = Person.objects.get(uuid=daan_school.person.uuid)

    Person.objects.filter(pk=daan.pk).update(date_of_death=date(2025, 5, 3))
    counts = jobs_on(date(2025, 5, 4))

    assert counts["death"] == 3
    assert not IndexRegistration.objects.filter(person=daan).exists()
    assert not Match.objects.filter(person=daan).exists()
    assert AuditEvent.objects.filter(event_type="delete", client_pseudonym=str(daan.uuid),
                                     detail__reden="overleden").count() == 4  # 3 rows, 1 match
    # The sister's registration is untouched; the family match now holds only hers and stays
    # open while it is active.
    family.refresh_from_db()
    assert [p.registration_id for p in family.participations.all()] == [emma.id]
    assert family.status != "gesloten"
    assert jobs_on(date(2025, 5, 5))["death"] == 0
