"""The audit trail in the admin can be read, never changed; and reading it is audited."""

import pytest

from ketenzicht.audit.models import AuditEvent, EventType

from .tampering import write_events

pytestmark = [pytest.mark.django_db, pytest.mark.urls("ketenzicht.audit.tests.admin_urls")]

CLIENT = "0b6f3c1e-5d2a-4c1b-9a47-2f1e8d9c7b10"
LIST = "/beheer/audit/auditevent/"


def test_audit_admin_offers_no_add_change_or_delete(admin_client):
    event = write_events(1)[0]

    assert admin_client.get(f"{LIST}add/").status_code == 403
    assert admin_client.post(f"{LIST}{event.pk}/change/", {"user_name": "Iemand"}).status_code == 403
    assert admin_client.post(f"{LIST}{event.pk}/delete/", {"post": "yes"}).status_code == 403
    assert admin_client.post(LIST, {"action": "delete_selected", "_selected_action": [event.pk],
                                    "post": "yes"}).status_code in (200, 302)
    assert AuditEvent.objects.filter(pk=event.pk, user_name="Ketenzicht").exists()


def test_reading_the_trail_in_the_admin_is_audited(admin_client, admin_user):
    event = write_events(1, client_pseudonym=CLIENT)[0]

    assert admin_client.get(LIST, {"q": CLIENT, "event_type__exact": "read"}).status_code == 200
    assert admin_client.get(f"{LIST}{event.pk}/change/").status_code == 200

    listing, detail = AuditEvent.objects.filter(object_type__in=["audittrail", "auditgebeurtenis"])
    assert (listing.event_type, listing.client_pseudonym, listing.user_id) == (
        EventType.SEARCH, CLIENT, f"account:{admin_user.pk}")
    assert listing.detail == {"filters": ["event_type__exact"], "gezocht": True}
    assert (detail.event_type, detail.client_pseudonym, detail.object_id) == (
        EventType.READ, CLIENT, str(event.pk))
    assert detail.access_point == "127.0.0.1"


@pytest.mark.parametrize("term", ["999090008", "bsn 999090008", "12345678", "999 090 008", "999.09.0008"])
def test_admin_refuses_bsn_like_search(admin_client, term):
    write_events(1, client_pseudonym=CLIENT)
    before = AuditEvent.objects.count()

    response = admin_client.get(LIST, {"q": term, "event_type__exact": "read"})

    # Back to the list without the term, filters kept; nothing searched, so nothing audited.
    assert response.status_code == 302
    assert response["Location"] == f"{LIST}?event_type__exact=read"
    assert AuditEvent.objects.count() == before
    page = admin_client.get(response["Location"])
    content = page.content.decode()
    assert "Zoek niet op BSN" in content
    assert term not in content
    assert all(term not in str(value) for value in AuditEvent.objects.values_list("detail", flat=True))


def test_admin_still_finds_a_pseudonym_with_a_run_of_digits(admin_client):
    """About one in twelve uuids has eight digits in a row; such a client must stay findable."""
    pseudonym = "12345678-9abc-4def-8123-456789012345"
    write_events(1, client_pseudonym=pseudonym)

    response = admin_client.get(LIST, {"q": pseudonym})

    assert response.status_code == 200
    assert AuditEvent.objects.filter(object_type="audittrail", client_pseudonym=pseudonym).exists()
