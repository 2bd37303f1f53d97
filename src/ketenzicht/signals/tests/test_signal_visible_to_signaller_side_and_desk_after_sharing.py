"""Need-to-know on a signal, proven from every side: the signaller, their aandachtsfunctionaris
and the desk it was shared with see it; another teacher of the same school, a stranger
organisation and the desk before sharing do not — and every attempt, allowed or denied, is in
the audit trail. Signalling gives the signaller the person only, never the household."""

import uuid

import pytest

from ketenzicht.access.services import visible_person
from ketenzicht.audit.models import AuditEvent, EventType, Outcome
from ketenzicht.signals.access import open_signal, visible_signals

from .conftest import ANJA, DAAN, EMMA, SANNE, acting, signal_as
from .support import colleague, person, share

ENTITLED = ["leerkracht", "aandacht-kristalla"]
NOT_ENTITLED = ["juf-groep-5", "wijkagent", "cjg-emmenzuid", "veiligthuis", "cjg-demonden"]


@pytest.fixture
def signal(emmen):
    colleague("kristalla", "juf-groep-5")
    return signal_as("leerkracht")


def _events(signal, username):
    who, _actor = acting(username)
    return list(AuditEvent.objects.filter(object_id=str(signal.uuid), user_id=str(who.uuid),
                                          event_type=EventType.READ))


@pytest.mark.parametrize("username", ENTITLED)
def test_signaller_side_opens_the_signal_and_it_is_audited(signal, username):
    who, actor = acting(username)
    assert open_signal(who, actor, signal.uuid) == signal
    assert visible_signals(who).filter(pk=signal.pk).exists()
    (event,) = _events(signal, username)
    assert (event.outcome, event.client_pseudonym, event.purpose) == (
        Outcome.SUCCESS, str(person(DAAN).uuid), "melder")


@pytest.mark.parametrize("username", NOT_ENTITLED)
def test_others_get_nothing_and_the_attempt_is_audited(signal, username):
    who, actor = acting(username)
    assert open_signal(who, actor, signal.uuid) is None
    assert not visible_signals(who).filter(pk=signal.pk).exists()
    (event,) = _events(signal, username)
    assert (event.outcome, event.client_pseudonym, event.purpose) == (
        Outcome.DENIED, str(person(DAAN).uuid), "geen grondslag")


def test_the_desk_sees_the_signal_from_the_moment_it_was_shared(signal):
    cjg, actor = acting("cjg-demonden")
    assert open_signal(cjg, actor, signal.uuid) is None
    share(signal)
    assert open_signal(cjg, actor, signal.uuid) == signal
    outcomes = [e.outcome for e in sorted(_events(signal, "cjg-demonden"), key=lambda e: e.pk)]
    assert outcomes == [Outcome.DENIED, Outcome.SUCCESS]
    assert _events(signal, "cjg-demonden")[-1].purpose == "loket"
    # Another team of the same kind is still a stranger.
    assert open_signal(*acting("cjg-emmenzuid"), signal.uuid) is None


def test_the_desk_does_not_get_the_signallers_own_view(signal):
    share(signal)
    cjg, actor = acting("cjg-demonden")
    assert open_signal(cjg, actor, signal.uuid, signaller_side_only=True) is None
    assert open_signal(*acting("leerkracht"), signal.uuid, signaller_side_only=True) == signal


def test_a_signal_that_does_not_exist_gets_the_same_answer(emmen):
    who, actor = acting("leerkracht")
    missing = uuid.uuid4()
    assert open_signal(who, actor, missing) is None
    event = AuditEvent.objects.get(object_id=str(missing))
    assert (event.outcome, event.client_pseudonym) == (Outcome.DENIED, "")


def test_visible_signals_is_one_query(signal, django_assert_num_queries):
    share(signal)
    who, _actor = acting("cjg-demonden")
    with django_assert_num_queries(1):
        assert list(visible_signals(who)) == [signal]


def test_signalling_opens_the_person_not_the_household(emmen):
    """A police officer and a teacher with no other involvement: the signal's basis opens the
    youth's own page only, not the parents' or the siblings'."""
    police, _actor = acting("wijkagent")
    teacher, _actor = acting("leerkracht")
    assert visible_person(police, person(DAAN).uuid) is None
    assert visible_person(teacher, person(SANNE).uuid) is None
    signal_as("wijkagent", DAAN)
    signal_as("leerkracht", SANNE, categories=("schoolverzuim",))
    assert visible_person(police, person(DAAN).uuid) is not None
    assert visible_person(police, person(ANJA).uuid) is None
    assert visible_person(police, person(EMMA).uuid) is None
    assert visible_person(teacher, person(SANNE).uuid) is not None
    assert visible_person(teacher, person("999990111").uuid) is None  # Peter, Sanne's father
    assert visible_person(teacher, person("999990093").uuid) is None  # Lucas, her brother
