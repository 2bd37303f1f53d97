"""A page naming many clients is one batch of audit events: consecutive, verifiable links."""

import pytest

from ketenzicht.audit.models import AuditEvent
from ketenzicht.audit.services import Actor, Subject, record, record_many, verify_chain

pytestmark = pytest.mark.django_db

ACTOR = Actor(user_id="prof-1", user_name="Bart Lubbers", organisation="cjg-de-monden",
              role="professional", access_point="10.0.0.1")


def test_batched_events_are_consecutive_links_of_one_chain():
    record(ACTOR, "read", Subject(client_pseudonym="a"))
    record_many(ACTOR, "read", [Subject(client_pseudonym=p) for p in "bcd"], purpose="lijst")
    record(ACTOR, "read", Subject(client_pseudonym="e"))
    events = list(AuditEvent.objects.order_by("sequence"))
    assert [e.client_pseudonym for e in events] == list("abcde")
    assert len({e.chain for e in events}) == 1
    assert [e.sequence for e in events] == [1, 2, 3, 4, 5]
    assert list(verify_chain()) == []


def test_a_tampered_batch_event_is_detected():
    from .tampering import change

    record_many(ACTOR, "read", [Subject(client_pseudonym=p) for p in "abc"])
    middle = AuditEvent.objects.get(client_pseudonym="b")
    change(middle.sequence, chain=middle.chain, purpose="anders")
    assert [p.sequence for p in verify_chain()] == [2]


def test_empty_batch_writes_nothing():
    assert record_many(ACTOR, "read", []) == []
    assert not AuditEvent.objects.exists()
