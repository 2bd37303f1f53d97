"""Every API access to client data is one NEN 7513 event naming the professional, never the BSN."""

import json
import uuid

from ketenzicht.api.models import ApiToken
from ketenzicht.audit.models import AuditEvent
from ketenzicht.people.services import reveal_bsn

SEARCH = "/api/v1/personen/zoeken"


def test_every_api_read_is_audited_without_bsn(parties, api_for):
    involved, stranger = api_for(parties.involved), api_for(parties.stranger)
    bsn = reveal_bsn(parties.child)

    calls = [
        (involved.post(SEARCH, {"bsn": bsn}, format="json"), 200),
        (involved.get(f"/api/v1/personen/{parties.child.uuid}"), 200),
        (involved.get(f"/api/v1/huishoudens/{parties.household.uuid}"), 200),
        (stranger.post(SEARCH, {"bsn": bsn}, format="json"), 404),
        (stranger.get(f"/api/v1/personen/{parties.child.uuid}"), 404),
        (stranger.get(f"/api/v1/huishoudens/{uuid.uuid4()}"), 404),
    ]
    assert [response.status_code for response, _expected in calls] == [e for _r, e in calls]

    events = list(AuditEvent.objects.order_by("occurred_at", "id"))
    # The successful search also reads the household it shows; a household read is one event
    # per member (child and parent), so it appears in each member's access report.
    assert [(e.event_type, e.outcome) for e in events] == [
        ("search", "success"), ("read", "success"), ("read", "success"),
        ("read", "success"),
        ("read", "success"), ("read", "success"),
        ("search", "denied"),
        ("read", "denied"),
        ("read", "denied"),
    ]
    tokens = {t.organisation.slug: t for t in ApiToken.objects.select_related("organisation")}
    for event in events:
        professional = parties.involved if event.organisation == "kristalla" else parties.stranger
        assert event.user_id == str(professional.uuid)
        assert event.role == professional.role
        assert event.access_point == f"api:{tokens[event.organisation].prefix}@127.0.0.1"
        assert event.on_behalf_of == ""
    assert events[0].client_pseudonym == str(parties.child.uuid)
    assert events[0].purpose

    everything = json.dumps(list(AuditEvent.objects.values()), default=str)
    assert bsn not in everything
