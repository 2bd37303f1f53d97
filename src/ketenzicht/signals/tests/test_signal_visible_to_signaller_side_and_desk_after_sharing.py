"""Need-to-know on a signal, proven from every side: the signaller, their aandachtsfunctionaris
and the desk it was shared with see it; another teacher of the same school, a stranger
organisation and the desk before sharing do not — and every attempt, allowed or denied, is in
the audit trail. Signalling gives the signalling organisation no access to the person at all:
the signaller reaches the signal through its own page."""

import uuid

import pytest

from ketenzicht.access.models import AccessBasis
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


def test_signalling_gives_the_signallers_organisation_no_access_to_the_person(emmen):
    """A police officer and a teacher with no other involvement: recording a signal grants their
    organisation no basis, or every colleague could open the child's and the family's pages. The
    signaller (and the aandachtsfunctionaris) still open the signal itself; colleagues do not."""
    colleague("kristalla", "juf-groep-5")
    colleague("politie-drenthe", "tweede-wijkagent")
    bases_before = set(AccessBasis.objects.values_list("pk", flat=True))
    police_signal = signal_as("wijkagent", DAAN)
    teacher_signal = signal_as("leerkracht", SANNE, categories=("schoolverzuim",))
    assert set(AccessBasis.objects.values_list("pk", flat=True)) == bases_before
    for username in ("wijkagent", "tweede-wijkagent"):
        for bsn in (DAAN, ANJA, EMMA):
            assert visible_person(acting(username)[0], person(bsn).uuid) is None, (username, bsn)
    # Sanne, her father Peter and her brother Lucas.
    for username in ("leerkracht", "juf-groep-5", "aandacht-kristalla"):
        for bsn in (SANNE, "999990111", "999990093"):
            assert visible_person(acting(username)[0], person(bsn).uuid) is None, (username, bsn)
    assert open_signal(*acting("wijkagent"), police_signal.uuid) == police_signal
    assert open_signal(*acting("leerkracht"), teacher_signal.uuid) == teacher_signal
    assert open_signal(*acting("aandacht-kristalla"), teacher_signal.uuid) == teacher_signal
    assert open_signal(*acting("tweede-wijkagent"), police_signal.uuid) is None
    assert open_signal(*acting("juf-groep-5"), teacher_signal.uuid) is None
