"""Meldcode step 1 (domain.md §3): what the professional observed (the facts) is kept apart from
what others said, and every statement names its source — in the service and in the database."""

import pytest
from django.db import IntegrityError, transaction

from ketenzicht.refusals import Refused
from ketenzicht.signals.models import Signal, Statement
from ketenzicht.signals.services import StatementData

from .conftest import OFFICE_HOURS, signal_as

OBSERVED = "Daan komt al een week zonder jas en ontbijt op school."


def test_facts_and_statements_are_stored_apart_each_with_its_source(emmen):
    signal = signal_as("leerkracht", facts=f"  {OBSERVED}  ", statements=(
        StatementData(" Emma, zus van Daan ", " Mama slaapt overdag. "),
        StatementData("Klasgenoot", "Daan zegt dat hij 's avonds alleen is."),
    ))

    assert signal.facts == OBSERVED  # only the signaller's own observation
    assert list(signal.statements.order_by("id").values_list("source", "content")) == [
        ("Emma, zus van Daan", "Mama slaapt overdag."),
        ("Klasgenoot", "Daan zegt dat hij 's avonds alleen is."),
    ]
    assert "Mama slaapt" not in signal.facts


@pytest.mark.parametrize("source", ["", "   "], ids=["leeg", "spaties"])
def test_a_statement_without_its_source_is_refused_and_nothing_is_recorded(emmen, source):
    with pytest.raises(Refused) as refused:
        signal_as("leerkracht", statements=(StatementData("Emma", "Mama slaapt overdag."),
                                            StatementData(source, "Papa schreeuwt.")))
    assert refused.value.code == "bron-ontbreekt"
    assert refused.value.field == "uitspraken.1.bron"  # the second statement, by its place
    assert refused.value.message == "Noem bij wat een ander zei altijd de bron (wie zei het)."
    assert not Signal.objects.exists() and not Statement.objects.exists()


def test_a_statement_without_what_was_said_is_refused(emmen):
    with pytest.raises(Refused) as refused:
        signal_as("leerkracht", statements=(StatementData("Emma", "  "),))
    assert (refused.value.code, refused.value.field) == ("uitspraak-leeg", "uitspraken.0.inhoud")
    assert not Signal.objects.exists()


def test_no_signal_without_the_signallers_own_observation(emmen):
    """Only what others said is no signal: the professional's own facts come first."""
    with pytest.raises(Refused) as refused:
        signal_as("leerkracht", facts=" ", statements=(StatementData("Emma", "Mama slaapt."),))
    assert (refused.value.code, refused.value.field) == ("waarneming-ontbreekt", "waarneming")
    assert not Signal.objects.exists()


def test_database_refuses_a_statement_without_source(emmen):
    signal = signal_as("leerkracht")
    with pytest.raises(IntegrityError), transaction.atomic():
        Statement.objects.create(signal=signal, source="", content="Papa schreeuwt.",
                                 recorded_at=OFFICE_HOURS)
    assert not signal.statements.exists()
