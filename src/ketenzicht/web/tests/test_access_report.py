"""The access report: who looked at a client's data, for the functioneel beheerder.

Only the system operator's administrator learns whether a BSN belongs to someone (and whose);
any other organisation's administrator gets the same page for an unknown BSN as for a client
their organisation never had access to.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from ketenzicht.access import inzage
from ketenzicht.audit.models import EventType, Outcome
from ketenzicht.organisations.models import Role
from ketenzicht.organisations.tests.factories import ProfessionalFactory
from ketenzicht.people.services import reveal_bsn

from .conftest import events_since, last_event_id, without_csrf

#: Valid by the elfproef, and nobody's BSN in these tests.
UNKNOWN_BSN = "999999990"
TRUNCATED = "Er zijn meer gebeurtenissen dan getoond; kies een kortere periode."


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


@pytest.fixture
def school_admin(parties):
    return ProfessionalFactory(organisation=parties.involved_organisation,
                               role=Role.FUNCTIONAL_ADMIN, user__username="beheer-school")


@pytest.fixture
def stranger_admin(parties):
    """The administrator of Domesta, which never had a basis on the child."""
    return ProfessionalFactory(organisation=parties.stranger.organisation,
                               role=Role.FUNCTIONAL_ADMIN, user__username="beheer-domesta")


def test_access_report_lists_who_looked(looked, operator_admin, verified_login):
    client = verified_login(operator_admin)

    response = client.post("/inzage/", period(reveal_bsn(looked.child)))

    page = response.content.decode()
    assert response.status_code == 200
    assert looked.child.full_name in page  # the operator may know whose report it is
    assert looked.involved.display_name in page and "Kristalla" in page
    assert looked.district_team.display_name in page and "CJG De Monden" in page
    assert "Cliënt van de organisatie" in page  # the basis
    assert "Inzien" in page


def test_operator_is_told_when_nobody_has_the_bsn(parties, operator_admin, verified_login):
    page = verified_login(operator_admin).post("/inzage/", period(UNKNOWN_BSN)).content.decode()
    assert "Geen persoon gevonden met dit BSN." in page


def test_other_organisation_sees_only_own_rows_and_no_name(looked, school_admin, verified_login):
    client = verified_login(school_admin)

    page = client.post("/inzage/", period(reveal_bsn(looked.child))).content.decode()

    assert looked.involved.display_name in page
    assert looked.district_team.display_name not in page
    assert looked.child.full_name not in page and "Daan" not in page
    assert reveal_bsn(looked.child) not in page  # the typed BSN is not echoed either


def test_missing_and_unrelated_bsn_give_identical_pages(parties, stranger_admin, verified_login,
                                                         client):
    """Domesta's refused attempts are in Daan's trail, yet its administrator learns nothing."""
    verified_login(parties.stranger)
    client.post("/zoeken/", {"bsn": reveal_bsn(parties.child)})
    client.get(f"/personen/{parties.child.uuid}/")
    client.logout()
    client = verified_login(stranger_admin)
    mark = last_event_id()

    missing = client.post("/inzage/", period(UNKNOWN_BSN))
    unrelated = client.post("/inzage/", period(reveal_bsn(parties.child)))
    asked_again = client.post("/inzage/", period(reveal_bsn(parties.child)))

    assert missing.status_code == unrelated.status_code == asked_again.status_code == 200
    assert without_csrf(missing.content) == without_csrf(unrelated.content)
    assert without_csrf(missing.content) == without_csrf(asked_again.content)
    assert b"Daan" not in unrelated.content
    events = events_since(mark)
    assert [(e.event_type, e.outcome, e.client_pseudonym) for e in events] == [
        (EventType.SEARCH, Outcome.FAILURE, "")] * 3
    assert all(e.user_id == str(stranger_admin.uuid) for e in events)


def test_export_of_unrelated_bsn_is_the_same_page_as_missing(parties, stranger_admin,
                                                             verified_login):
    client = verified_login(stranger_admin)

    missing = client.post("/inzage/", period(UNKNOWN_BSN, export="csv"))
    unrelated = client.post("/inzage/", period(reveal_bsn(parties.child), export="csv"))

    assert missing["Content-Type"].startswith("text/html")
    assert without_csrf(missing.content) == without_csrf(unrelated.content)


def test_access_report_export_is_audited(looked, operator_admin, verified_login):
    client = verified_login(operator_admin)
    mark = last_event_id()

    response = client.post("/inzage/", period(reveal_bsn(looked.child), export="csv"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert reveal_bsn(looked.child) not in response["Content-Disposition"]
    content = response.content.decode("utf-8-sig")
    assert looked.involved.display_name in content
    (export,) = [e for e in events_since(mark) if e.event_type == EventType.EXPORT]
    assert export.client_pseudonym == str(looked.child.uuid)
    assert export.user_id == str(operator_admin.uuid)


def test_own_organisation_export_holds_only_own_rows(looked, school_admin, verified_login):
    response = verified_login(school_admin).post(
        "/inzage/", period(reveal_bsn(looked.child), export="csv"))

    content = response.content.decode("utf-8-sig")
    assert response["Content-Type"].startswith("text/csv")
    assert looked.involved.display_name in content
    assert looked.district_team.display_name not in content


def test_truncated_report_says_so_and_is_not_exported(looked, operator_admin, verified_login,
                                                      monkeypatch):
    monkeypatch.setattr(inzage, "REPORT_LIMIT", 1)
    client = verified_login(operator_admin)

    shown = client.post("/inzage/", period(reveal_bsn(looked.child)))
    exported = client.post("/inzage/", period(reveal_bsn(looked.child), export="csv"))

    assert TRUNCATED in shown.content.decode()
    assert exported["Content-Type"].startswith("text/html")
    assert TRUNCATED in exported.content.decode()


def test_complete_report_does_not_say_truncated(looked, operator_admin, verified_login):
    page = verified_login(operator_admin).post("/inzage/", period(reveal_bsn(looked.child)))
    assert TRUNCATED not in page.content.decode()


def test_access_report_needs_functional_admin_role(parties, verified_login):
    client = verified_login(parties.involved)
    assert client.get("/inzage/").status_code == 403
    assert client.post("/inzage/", period(reveal_bsn(parties.child))).status_code == 403


def test_service_refuses_other_roles(parties):
    with pytest.raises(inzage.PermissionDenied):
        inzage.client_report(parties.involved, inzage.Actor(), reveal_bsn(parties.child),
                             timezone.localdate(), timezone.localdate())


def test_access_report_finding_a_client_is_audited_without_basis(parties, operator_admin,
                                                                 verified_login):
    client = verified_login(operator_admin)
    mark = last_event_id()

    client.post("/inzage/", period(reveal_bsn(parties.child)))
    client.post("/inzage/", period(UNKNOWN_BSN))

    events = events_since(mark)
    assert [e.client_pseudonym for e in events] == [str(parties.child.uuid), ""]
    assert all(e.user_id == str(operator_admin.uuid) for e in events)
