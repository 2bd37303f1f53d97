"""The access report: who looked at a client's data, for the functioneel beheerder."""

from datetime import timedelta

import pytest
from django.utils import timezone

from ketenzicht.audit.models import AuditEvent, EventType
from ketenzicht.organisations.models import Role
from ketenzicht.organisations.tests.factories import ProfessionalFactory
from ketenzicht.people.services import reveal_bsn


def period(bsn: str, **extra) -> dict:
    today = timezone.localdate()
    return {"bsn": bsn, "start": (today - timedelta(days=30)).isoformat(),
            "end": today.isoformat(), **extra}


@pytest.fixture
def looked(parties, verified_login, client):
    """The involved school and the district team both opened the child's page."""
    verified_login(parties.involved).get(f"/personen/{parties.child.uuid}/")
    client.logout()
    verified_login(parties.district_team).get(f"/personen/{parties.child.uuid}/")
    client.logout()
    return parties


def test_access_report_lists_who_looked(looked, operator_admin, verified_login):
    client = verified_login(operator_admin)

    response = client.post("/inzage/", period(reveal_bsn(looked.child)))

    page = response.content.decode()
    assert response.status_code == 200
    assert looked.involved.display_name in page and "Kristalla" in page
    assert looked.district_team.display_name in page and "CJG De Monden" in page
    assert "Cliënt van de organisatie" in page  # the basis
    assert "Inzien" in page


def test_access_report_of_other_organisation_shows_only_own_rows(looked, verified_login):
    admin = ProfessionalFactory(organisation=looked.involved_organisation,
                                role=Role.FUNCTIONAL_ADMIN, user__username="beheer-school")
    client = verified_login(admin)

    page = client.post("/inzage/", period(reveal_bsn(looked.child))).content.decode()

    assert looked.involved.display_name in page
    assert looked.district_team.display_name not in page


def test_access_report_export_is_audited(looked, operator_admin, verified_login):
    client = verified_login(operator_admin)
    before = AuditEvent.objects.count()

    response = client.post("/inzage/", period(reveal_bsn(looked.child), export="csv"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert reveal_bsn(looked.child) not in response["Content-Disposition"]
    content = response.content.decode("utf-8-sig")
    assert looked.involved.display_name in content
    (export,) = [e for e in AuditEvent.objects.order_by("sequence")[before:]
                 if e.event_type == EventType.EXPORT]
    assert export.client_pseudonym == str(looked.child.uuid)
    assert export.user_id == str(operator_admin.uuid)


def test_access_report_needs_functional_admin_role(parties, verified_login):
    client = verified_login(parties.involved)
    assert client.get("/inzage/").status_code == 403
    assert client.post("/inzage/", period(reveal_bsn(parties.child))).status_code == 403


def test_access_report_finding_a_client_is_audited_without_basis(parties, operator_admin,
                                                                 verified_login):
    client = verified_login(operator_admin)
    before = AuditEvent.objects.count()

    client.post("/inzage/", period(reveal_bsn(parties.child)))
    client.post("/inzage/", period("999999990"))

    events = list(AuditEvent.objects.order_by("sequence")[before:])
    assert [e.client_pseudonym for e in events] == [str(parties.child.uuid), ""]
    assert all(e.user_id == str(operator_admin.uuid) for e in events)
