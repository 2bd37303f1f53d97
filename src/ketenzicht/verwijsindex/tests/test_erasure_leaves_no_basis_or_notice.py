"""Erasing or destroying a registration leaves no copy: no access basis (not even an ended one)
and, for a deleted match, no notice pointing at it. Notices never carry contact details."""

from datetime import date

import pytest

from ketenzicht.access.models import AccessBasis, BasisKind
from ketenzicht.access.services import forget_bases
from ketenzicht.notify.models import Notice
from ketenzicht.notify.services import forget_notices
from ketenzicht.people.models import Person
from ketenzicht.verwijsindex.lifecycle import end_registration
from ketenzicht.verwijsindex.models import EndReason, Match
from ketenzicht.verwijsindex.objections import decide_objection, record_objection

from .conftest import DAAN, EMMA, KEVIN
from .lifetimes import acting, jobs_on, on, registered_on

pytestmark = pytest.mark.usefixtures("emmen")


def bases(*registrations) -> int:
    return AccessBasis.objects.filter(
        kind=BasisKind.REGISTRATION, reference__in=[str(r.uuid) for r in registrations]).count()


def notices_about(match: Match) -> int:
    return Notice.objects.filter(link__contains=str(match.uuid)).count()


def test_erasure_leaves_no_basis_or_notice():
    school = registered_on(date(2025, 9, 1), "leerkracht", DAAN)
    nurse = registered_on(date(2025, 9, 1), "jgz", DAAN)
    match = Match.objects.get(kind="client")
    assert bases(school, nurse) == 2 and notices_about(match) >= 3  # both told, and the CJG
    assert not Notice.objects.filter(body__contains="0591 123456").exists()  # no contact details

    with on(date(2025, 9, 10)):
        end_registration(*acting("leerkracht"), school.uuid, EndReason.UNJUSTIFIED)
        end_registration(*acting("jgz"), nurse.uuid, EndReason.UNJUSTIFIED)
    assert bases(school, nurse) == 0
    assert not Match.objects.filter(pk=match.pk).exists()
    assert notices_about(match) == 0


def test_upheld_objection_deletes_the_basis():
    school = registered_on(date(2025, 9, 1), "leerkracht", DAAN)
    with on(date(2025, 9, 20)):
        objection = record_objection(*acting("regievoerder"), school.uuid, date(2025, 9, 19))
        decide_objection(*acting("regievoerder"), objection.pk, upheld=True)
    assert bases(school) == 0


def test_destruction_at_death_and_archive_end_deletes_bases_and_notices():
    kevin_school = registered_on(date(2025, 9, 1), "leerkracht", KEVIN)
    kevin_nurse = registered_on(date(2025, 9, 1), "jgz", KEVIN)
    match = Match.objects.get(kind="client")
    archived = registered_on(date(2025, 9, 1), "jgz", EMMA)
    with on(date(2025, 9, 2)):
        end_registration(*acting("jgz"), archived.uuid, EndReason.RISK_GONE)
    assert bases(archived) == 1  # ended, kept with the archive

    Person.objects.filter(pk=kevin_school.person_id).update(date_of_death=date(2025, 10, 1))
    assert jobs_on(date(2025, 10, 2))["death"] == 2
    assert bases(kevin_school, kevin_nurse) == 0
    assert notices_about(match) == 0

    assert jobs_on(date(2030, 9, 3))["archive_destroyed"] == 1
    assert bases(archived) == 0


def test_forget_helpers_are_set_based_and_ignore_nothing_to_do():
    assert forget_bases(BasisKind.REGISTRATION, []) == 0
    assert forget_notices("") == 0
