"""Each access writes one event with the NEN 7513 fields, in the action's own transaction."""

from datetime import timedelta

import pytest
from django.db import transaction

from ketenzicht.access.audited import actor_for, open_person
from ketenzicht.audit.models import AuditEvent, EventType, Outcome
from ketenzicht.audit.services import SYSTEM, Subject, record

from .tampering import head, write_events

pytestmark = pytest.mark.django_db


def test_audit_event_carries_nen7513_fields(parties):
    actor = actor_for(parties.involved, access_point="10.1.2.3", on_behalf_of="Teamleider Jansen")

    open_person(parties.involved, actor, parties.child.uuid)

    event = AuditEvent.objects.get(object_type="persoon")
    assert event.occurred_at.utcoffset() == timedelta(0)  # stored and returned in UTC
    assert event.event_type == EventType.READ
    assert event.outcome == Outcome.SUCCESS
    assert event.user_id == str(parties.involved.uuid)
    assert event.user_name == parties.involved.display_name
    assert event.organisation == "kristalla"
    assert event.role == parties.involved.role
    assert event.on_behalf_of == "Teamleider Jansen"
    assert event.access_point == "10.1.2.3"
    assert event.client_pseudonym == str(parties.child.uuid)
    assert (event.object_type, event.object_id) == ("persoon", str(parties.child.uuid))
    assert event.purpose  # the basis the access rested on


def test_denied_attempt_writes_one_denied_event(parties):
    actor = actor_for(parties.stranger, access_point="10.9.9.9")

    assert open_person(parties.stranger, actor, parties.child.uuid) is None

    event = AuditEvent.objects.get(object_type="persoon")
    assert (event.event_type, event.outcome) == (EventType.READ, Outcome.DENIED)
    assert event.organisation == "domesta"
    assert event.client_pseudonym == str(parties.child.uuid)


def test_event_rolls_back_with_its_action():
    """An action that fails leaves no event, and the chain continues where it was."""
    first = write_events(1)[0]
    with pytest.raises(RuntimeError), transaction.atomic():
        record(SYSTEM, EventType.UPDATE, Subject(object_type="persoon"))
        raise RuntimeError("de handeling mislukt na het auditen")
    assert AuditEvent.objects.count() == 1
    assert head(first.chain).sequence == 1
    assert write_events(1)[0].sequence == 2
