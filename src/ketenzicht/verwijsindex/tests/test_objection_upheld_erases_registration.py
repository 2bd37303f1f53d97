"""An objection upheld by the municipality erases the registration (domain.md §2)."""

from datetime import date

import pytest

from ketenzicht.access.models import AccessBasis
from ketenzicht.audit.models import AuditEvent
from ketenzicht.verwijsindex.errors import RefusalKind, RegistrationRefused
from ketenzicht.verwijsindex.models import IndexRegistration, Match, MatchParticipation, Objection
from ketenzicht.verwijsindex.objections import decide_objection, record_objection

from .conftest import DAAN
from .lifetimes import acting, exists, on, registered_on

pytestmark = pytest.mark.usefixtures("emmen")


def test_objection_upheld_erases_registration():
    school = registered_on(date(2025, 9, 1), "leerkracht", DAAN)
    registered_on(date(2025, 9, 1), "jgz", DAAN)
    registered_on(date(2025, 9, 1), "cjg-demonden", DAAN)
    match = Match.objects.get(kind="client")

    with on(date(2025, 9, 20)):
        objection = record_objection(*acting("regievoerder"), school.uuid, date(2025, 9, 19))
        decide_objection(*acting("regievoerder"), objection.pk, upheld=True)

    assert not exists(school)
    assert not Objection.objects.exists()
    assert not MatchParticipation.objects.filter(registration_id=school.pk).exists()
    assert not AccessBasis.objects.filter(reference=str(school.uuid)).exists()  # no copy left
    deleted = AuditEvent.objects.get(object_id=str(school.uuid), event_type="delete")
    assert deleted.organisation == "gemeente-emmen"
    match.refresh_from_db()
    assert match.status == "nieuw" and match.participations.count() == 2  # two still involved


def test_the_last_active_registration_erased_closes_the_match():
    school = registered_on(date(2025, 9, 1), "leerkracht", DAAN)
    registered_on(date(2025, 9, 1), "jgz", DAAN)
    with on(date(2025, 9, 20)):
        IndexRegistration.objects.exclude(pk=school.pk).update(status="beeindigd",
                                                               ended_at="2025-09-10T10:00Z")
        objection = record_objection(*acting("regievoerder"), school.uuid, date(2025, 9, 19))
        decide_objection(*acting("regievoerder"), objection.pk, upheld=True)
    assert Match.objects.get().status == "gesloten"


def test_objection_not_upheld_keeps_the_registration():
    school = registered_on(date(2025, 9, 1), "leerkracht", DAAN)
    with on(date(2025, 9, 20)):
        objection = record_objection(*acting("regievoerder"), school.uuid, date(2025, 9, 19))
        decide_objection(*acting("regievoerder"), objection.pk, upheld=False)
    objection.refresh_from_db()
    assert objection.upheld is False and objection.decided_at is not None
    assert exists(school)
    with pytest.raises(RegistrationRefused) as twice:
        decide_objection(*acting("regievoerder"), objection.pk, upheld=True)
    assert twice.value.kind == RefusalKind.INVALID


@pytest.mark.parametrize("username", ["leerkracht", "cjg-demonden", "beleid"])
def test_only_the_regievoerder_handles_objections(username):
    school = registered_on(date(2025, 9, 1), "leerkracht", DAAN)
    with on(date(2025, 9, 20)), pytest.raises(RegistrationRefused) as refused:
        record_objection(*acting(username), school.uuid, date(2025, 9, 19))
    assert refused.value.kind == RefusalKind.FORBIDDEN
    with on(date(2025, 9, 20)):
        objection = record_objection(*acting("regievoerder"), school.uuid, date(2025, 9, 19))
    with pytest.raises(RegistrationRefused) as refused:
        decide_objection(*acting(username), objection.pk, upheld=True)
    assert refused.value.kind == RefusalKind.FORBIDDEN
    assert exists(school)
