"""Step 3 (the conversation with those involved) may be skipped only where it endangers someone,
and then only with the reason recorded: in the service and in the database."""

import pytest
from django.db import IntegrityError, transaction

from ketenzicht.refusals import Refused
from ketenzicht.signals import meldcode
from ketenzicht.signals.models import DossierEntry, MeldcodeStep

from .conftest import OFFICE_HOURS, acting, signal_as
from .support import consult, fresh


def _at_step_3(emmen_signal=None):
    signal = emmen_signal or signal_as("leerkracht")
    consult(signal)
    return signal, *acting("leerkracht")


@pytest.mark.parametrize("reason", ["", "   "], ids=["leeg", "spaties"])
def test_skipping_without_a_reason_is_refused(emmen, reason):
    signal, who, actor = _at_step_3()
    with pytest.raises(Refused) as refused:
        meldcode.record_conversation(who, actor, signal, skipped=True, skip_reason=reason)
    assert refused.value.code == "reden-overslaan-ontbreekt"
    assert refused.value.field == "redenOverslaan"
    assert not signal.dossier.filter(step=MeldcodeStep.CONVERSATION).exists()


def test_skipping_with_a_reason_is_recorded(emmen):
    signal, who, actor = _at_step_3()
    entry = meldcode.record_conversation(who, actor, signal, skipped=True,
                                         skip_reason="Vader dreigt moeder als zij praat.",
                                         now=OFFICE_HOURS)
    assert entry.skipped and entry.skip_reason == "Vader dreigt moeder als zij praat."
    assert meldcode.next_step(fresh(signal)).step == MeldcodeStep.WEIGHING


def test_the_conversation_itself_is_recorded(emmen):
    signal, who, actor = _at_step_3()
    with pytest.raises(Refused) as refused:
        meldcode.record_conversation(who, actor, signal, notes=" ")
    assert refused.value.code == "gesprek-ontbreekt"
    entry = meldcode.record_conversation(who, actor, signal, notes="Moeder herkent de zorgen.",
                                         skip_reason="genegeerd zonder overslaan")
    assert (entry.skipped, entry.skip_reason) == (False, "")


@pytest.mark.parametrize(("step", "reason"), [
    pytest.param(MeldcodeStep.CONVERSATION, "", id="stap-3-zonder-reden"),
    pytest.param(MeldcodeStep.WEIGHING, "Te gevaarlijk", id="stap-4-nooit-overslaan"),
    pytest.param(MeldcodeStep.CONSULTATION, "Geen tijd", id="stap-2-nooit-overslaan"),
])
def test_database_refuses_a_skip_without_reason_or_of_another_step(emmen, step, reason):
    signal = signal_as("leerkracht")
    who, _actor = acting("leerkracht")
    with pytest.raises(IntegrityError), transaction.atomic():
        DossierEntry.objects.create(signal=signal, step=step, author=who, recorded_at=OFFICE_HOURS,
                                    skipped=True, skip_reason=reason)
