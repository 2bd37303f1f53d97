"""The Meldcode is a guided, resumable workflow: steps in order only, each a dated dossier entry
with its author; the aandachtsfunctionaris of the same organisation may continue it, a colleague
teacher or another organisation may not."""

from datetime import date, datetime

import pytest
import time_machine

from ketenzicht.audit.models import AuditEvent, EventType
from ketenzicht.organisations.models import Role
from ketenzicht.refusals import RefusalKind, Refused
from ketenzicht.signals import meldcode
from ketenzicht.signals.models import Decision, MeldcodeStep

from .conftest import AMSTERDAM, OFFICE_HOURS, PARENTS_CONSENT, acting, signal_as
from .support import colleague, consult, fresh

#: The agreed date on which question 5 is evaluated, after help is organised.
EVALUATE_ON = date(2027, 1, 15)


def _refusal(call) -> Refused:
    with pytest.raises(Refused) as refused:
        call()
    return refused.value


def test_step_1_is_recorded_with_the_signal_by_its_signaller(emmen):
    signal = signal_as("leerkracht")
    (entry,) = meldcode.dossier(signal)
    assert entry.step == MeldcodeStep.SIGNALS
    assert entry.author.user.username == "leerkracht"
    assert entry.recorded_at == OFFICE_HOURS
    assert meldcode.next_step(fresh(signal)).step == MeldcodeStep.CONSULTATION


@pytest.mark.parametrize("step", [3, 4, 5], ids=["stap-3", "stap-4", "stap-5"])
def test_a_later_step_before_step_2_is_refused(emmen, step):
    signal = signal_as("leerkracht")
    who, actor = acting("leerkracht")
    record = {
        3: lambda: meldcode.record_conversation(who, actor, signal, notes="Gesprek."),
        4: lambda: meldcode.record_weighing(who, actor, signal, (True, True)),
        5: lambda: meldcode.record_decision(who, actor, signal, Decision.REPORT,
                                            share=PARENTS_CONSENT),
    }[step]
    refusal = _refusal(record)
    assert (refusal.code, refusal.kind) == ("stap-niet-aan-de-beurt", RefusalKind.CONFLICT)
    assert "stap 2" in refusal.message.lower()
    assert list(signal.dossier.values_list("step", flat=True)) == [1]


def test_a_step_is_recorded_once(emmen):
    signal = signal_as("leerkracht")
    consult(signal)
    refusal = _refusal(lambda: consult(signal))
    assert (refusal.code, refusal.kind) == ("stap-al-vastgelegd", RefusalKind.CONFLICT)
    assert signal.dossier.filter(step=MeldcodeStep.CONSULTATION).count() == 1


def test_nothing_after_step_5(emmen):
    signal = signal_as("leerkracht")
    who, actor = acting("leerkracht")
    consult(signal)
    meldcode.record_conversation(who, actor, signal, notes="Gesprek.", now=OFFICE_HOURS)
    meldcode.record_weighing(who, actor, signal, (True, False, True, True), now=OFFICE_HOURS)
    meldcode.record_decision(who, actor, signal, Decision.ORGANISE_HELP, now=OFFICE_HOURS,
                             evaluate_on=EVALUATE_ON)
    assert meldcode.next_step(fresh(signal)) is None
    refusal = _refusal(lambda: meldcode.record_conversation(who, actor, signal, notes="Nog eens."))
    assert refusal.code == "meldcode-afgerond"


def test_each_step_is_a_dated_entry_with_its_author_and_audited(emmen):
    signal = signal_as("leerkracht")
    who, actor = acting("leerkracht")
    lead, lead_actor = acting("aandacht-kristalla")
    days = [datetime(2026, 11, day, 11, tzinfo=AMSTERDAM) for day in (26, 27, 30, 30)]
    consult(signal, "aandacht-kristalla", days[0])
    meldcode.record_conversation(who, actor, signal, notes="Gesprek met moeder.", now=days[1])
    meldcode.record_weighing(lead, lead_actor, signal, (True, False, True, True), now=days[2])
    meldcode.record_decision(who, actor, signal, Decision.ORGANISE_HELP, now=days[3],
                             evaluate_on=EVALUATE_ON)
    entries = list(meldcode.dossier(signal))
    assert [(e.step, e.author.user.username, e.recorded_at) for e in entries] == [
        (1, "leerkracht", OFFICE_HOURS),
        (2, "aandacht-kristalla", days[0]),
        (3, "leerkracht", days[1]),
        (4, "aandacht-kristalla", days[2]),
        (5, "leerkracht", days[3]),
    ]
    steps = AuditEvent.objects.filter(event_type=EventType.UPDATE, object_id=str(signal.uuid),
                                      purpose__startswith="meldcode stap")
    assert sorted(e.detail["stap"] for e in steps) == [2, 3, 4, 5]


def test_the_guide_resumes_where_it_was_left(emmen):
    """Step 2 today, step 3 a week later: the dossier is the state, nothing else is needed."""
    who, actor = acting("leerkracht")
    with time_machine.travel(datetime(2026, 11, 23, 9, tzinfo=AMSTERDAM), tick=False):
        signal = signal_as("leerkracht", now=datetime(2026, 11, 23, 9, tzinfo=AMSTERDAM))
    with time_machine.travel(datetime(2026, 11, 24, 14, tzinfo=AMSTERDAM), tick=False):
        meldcode.record_consultation(who, actor, signal, safeguarding_lead=True, veilig_thuis=True,
                                     outcome="Advies: gesprek aangaan.", agreements="Juf belt moeder.",
                                     coordinator="Juf Ingrid")
        assert meldcode.next_step(fresh(signal)).step == MeldcodeStep.CONVERSATION
    with time_machine.travel(datetime(2026, 12, 1, 15, tzinfo=AMSTERDAM), tick=False):
        entry = meldcode.record_conversation(who, actor, signal, notes="Moeder herkent de zorgen.")
        assert entry.recorded_at == datetime(2026, 12, 1, 15, tzinfo=AMSTERDAM)
        step = meldcode.next_step(fresh(signal))
    assert step.step == MeldcodeStep.WEIGHING
    assert step.due.isoformat() == "2026-12-08"


def test_aandachtsfunctionaris_and_teamleider_of_the_same_organisation_may_continue(emmen):
    signal = signal_as("leerkracht")
    entry = consult(signal, "aandacht-kristalla")
    assert entry.author.user.username == "aandacht-kristalla"
    colleague("kristalla", "teamleider-kristalla", Role.TEAM_LEAD)
    lead, lead_actor = acting("teamleider-kristalla")
    entry = meldcode.record_conversation(lead, lead_actor, signal, notes="Gesprek met vader.")
    assert entry.author == lead


@pytest.mark.parametrize(("organisation", "username", "role"), [
    pytest.param("kristalla", "juf-groep-5", Role.PROFESSIONAL, id="collega-leerkracht"),
    pytest.param("ggd-drenthe", "aandacht-ggd", Role.SAFEGUARDING_LEAD,
                 id="aandachtsfunctionaris-andere-organisatie"),
    pytest.param("cjg-de-monden", "teamleider-cjg", Role.TEAM_LEAD, id="teamleider-van-het-loket"),
])
def test_others_may_not_continue_the_meldcode(emmen, organisation, username, role):
    signal = signal_as("leerkracht")
    colleague(organisation, username, role)
    refusal = _refusal(lambda: consult(signal, username))
    assert (refusal.code, refusal.kind) == ("geen-melder", RefusalKind.FORBIDDEN)
    assert list(signal.dossier.values_list("step", flat=True)) == [1]
