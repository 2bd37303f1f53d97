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
        EventType.READ, CLIENT, str(event.sequence))
    assert detail.access_point == "127.0.0.1"
