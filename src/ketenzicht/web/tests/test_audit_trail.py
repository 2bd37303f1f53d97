"""Every opened page with client data leaves an audit event, and no event holds a BSN."""

import json
import logging

from django.forms.models import model_to_dict

from ketenzicht.audit.models import AuditEvent, EventType, Outcome
from ketenzicht.people.services import reveal_bsn

from .conftest import events_since, last_event_id


def test_every_page_view_is_audited_without_bsn(parties, verified_login, caplog):
    caplog.set_level(logging.DEBUG)
    client = verified_login(parties.involved)
    bsn = reveal_bsn(parties.child)
    before = last_event_id()

    client.post("/zoeken/", {"bsn": bsn})
    client.get(f"/personen/{parties.child.uuid}/")
    client.get(f"/huishoudens/{parties.household.uuid}/")
    client.post("/uitloggen/")
    stranger = verified_login(parties.stranger)
    stranger.get(f"/personen/{parties.child.uuid}/")

    events = events_since(before)
    kinds = [(e.event_type, e.object_type, e.outcome) for e in events]
    assert (EventType.SEARCH, "persoon", Outcome.SUCCESS) in kinds
    assert (EventType.READ, "persoon", Outcome.SUCCESS) in kinds
    assert (EventType.READ, "huishouden", Outcome.SUCCESS) in kinds
    assert (EventType.READ, "persoon", Outcome.DENIED) in kinds
    person_reads = [e for e in events if e.object_type == "persoon" and e.outcome == Outcome.SUCCESS]
    assert all(e.client_pseudonym == str(parties.child.uuid) for e in person_reads)
    assert all(e.organisation == "kristalla" for e in person_reads)
    for event in AuditEvent.objects.all():
        assert bsn not in json.dumps(model_to_dict(event), default=str)
    assert bsn not in caplog.text
