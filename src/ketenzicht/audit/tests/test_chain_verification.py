"""The hash chains show every changed, removed or added row, on every database.

Most tests here write as ``SYSTEM`` in one transaction, so on one chain; ``problems`` checks
that every problem is reported on that chain.
"""

import pytest

from ketenzicht.audit.models import AuditEvent
from ketenzicht.audit.services import ChainVerifier, verify_chain

from .tampering import change, head, remove, system_chain, write_events

pytestmark = pytest.mark.django_db


def problems(batch_size: int = 5000) -> list[tuple[int, str]]:
    found = list(verify_chain(batch_size=batch_size))
    assert {p.chain for p in found} <= {system_chain()}
    return [(p.sequence, p.problem) for p in found]


def test_intact_chain_has_no_problems():
    write_events(5)
    verifier = ChainVerifier()
    assert list(verifier.problems()) == []
    assert verifier.checked == 5


def test_empty_trail_is_intact():
    assert problems() == []


def test_changed_audit_row_is_detected():
    write_events(5)
    change(3, user_name="Iemand anders")
    assert problems() == [(3, "inhoud is gewijzigd")]


def test_changed_detail_is_detected():
    write_events(3)
    change(2, detail={"stil": "aangepast"})
    assert problems() == [(2, "inhoud is gewijzigd")]


def test_rehashed_row_breaks_the_link_to_the_next():
    """Recomputing a changed row's own hash does not help: the next row points to the old one."""
    write_events(3)
    change(2, hash="f" * 64)
    assert problems() == [(2, "inhoud is gewijzigd"), (3, "schakel naar de vorige rij klopt niet")]


def test_removed_audit_row_is_detected():
    write_events(5)
    remove(3)
    assert problems() == [(3, "rij 3 ontbreekt")]


def test_removed_run_of_rows_is_detected():
    write_events(6)
    remove(2, 3, 4)
    assert problems() == [(2, "rijen 2–4 ontbreken")]


def test_removed_newest_rows_are_detected():
    write_events(5)
    remove(4, 5)
    assert problems() == [(4, "rijen 4–5 ontbreken (einde van de keten)")]


def test_removed_first_row_is_detected():
    write_events(3)
    remove(1)
    assert problems() == [(1, "rij 1 ontbreekt")]


def test_row_added_after_the_head_is_detected():
    write_events(2)
    last = AuditEvent.objects.get(chain=system_chain(), sequence=2)
    AuditEvent.objects.create(
        **{f.name: getattr(last, f.name) for f in AuditEvent._meta.fields if f.name != "id"}
        | {"sequence": 3, "previous_hash": last.hash, "hash": "a" * 64}
    )
    assert problems() == [(3, "rij 3 staat na de kop van de keten")]


def test_moved_chain_head_is_detected():
    write_events(2)
    chain_head = head()
    chain_head.hash = "b" * 64
    chain_head.save()
    assert problems() == [(2, "laatste rij klopt niet met de kop van de keten")]


def test_tampering_is_found_across_batches():
    write_events(7)
    change(6, purpose="verzonnen grondslag")
    verifier = ChainVerifier(batch_size=2)
    assert [(p.sequence, p.problem) for p in verifier.problems()] == [(6, "inhoud is gewijzigd")]
    assert verifier.checked == 7


class AppendingAfterTheLastRow(ChainVerifier):
    """A verifier during which writers append, just after it read a chain's last row it checks."""

    def _rows(self, chain, up_to):
        yield from super()._rows(chain, up_to)
        if chain == system_chain():
            write_events(2)


def test_events_appended_during_verification_are_not_reported():
    write_events(4)
    verifier = AppendingAfterTheLastRow(batch_size=2)
    assert list(verifier.problems()) == []
    assert verifier.checked == 4  # the new rows are for the next run
    assert list(verify_chain()) == []
