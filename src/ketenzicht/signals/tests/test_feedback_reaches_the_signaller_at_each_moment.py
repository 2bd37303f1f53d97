"""Terugkoppeling: the signaller is told when the desk accepts, after triage or the safety
assessment, when help has started and when the route ends — whether a route started and with
whom, and the agreed safety conditions only if they keep a role. Each signaller sees all their
signals and where each stands."""

from datetime import timedelta

import pytest

from ketenzicht.refusals import Refused
from ketenzicht.signals import desks
from ketenzicht.signals.feedback import feedback_for
from ketenzicht.signals.listings import signals_of
from ketenzicht.signals.models import FeedbackMoment, RouteStatus, SignalStatus

from .conftest import DAAN, OFFICE_HOURS, SANNE, acting, signal_as
from .support import fresh, notices_of, report_through_meldcode, route_at, share

LATER = [OFFICE_HOURS + timedelta(hours=hours) for hours in range(1, 6)]


def _told(signal) -> list[tuple[str, bool | None, str | None, str]]:
    return [(f.moment, f.route_started, f.with_organisation.slug if f.with_organisation else None,
             f.safety_conditions) for f in feedback_for(signal)]


def test_feedback_at_accept_triage_help_started_and_end(emmen):
    signal = signal_as("leerkracht")
    route = share(signal)
    cjg, actor = acting("cjg-demonden")
    assert _told(signal) == [] and fresh(signal).status == SignalStatus.SHARED

    desks.accept(cjg, actor, route, now=LATER[0])
    assert _told(signal) == [(FeedbackMoment.ACCEPTED, None, "cjg-de-monden", "")]
    assert fresh(signal).status == SignalStatus.ACCEPTED

    desks.record_assessment(cjg, actor, route, "eigen-hulp", now=LATER[1])
    assert _told(signal)[-1] == (FeedbackMoment.ASSESSED, True, "cjg-de-monden", "")
    assert fresh(signal).status == SignalStatus.ASSESSED

    desks.record_help_started(cjg, actor, route, with_slug="mee-drenthe", now=LATER[2])
    assert _told(signal)[-1] == (FeedbackMoment.HELP_STARTED, True, "mee-drenthe", "")
    assert fresh(signal).status == SignalStatus.HELP_STARTED

    desks.end_route(cjg, actor, route, now=LATER[3])
    assert _told(signal)[-1] == (FeedbackMoment.ENDED, True, "mee-drenthe", "")
    # Shared at step 1: the route ended, the Meldcode did not, so the signal is the teacher's again.
    assert (fresh(signal).status, fresh(signal).closed_at) == (SignalStatus.OPEN, None)

    notices = notices_of("leerkracht", "terugkoppeling")
    assert [n.title for n in notices] == [str(m.label) for m in (
        FeedbackMoment.ACCEPTED, FeedbackMoment.ASSESSED, FeedbackMoment.HELP_STARTED,
        FeedbackMoment.ENDED)]
    assert {n.link for n in notices} == {f"/signalen/{signal.uuid}/"}
    assert notices_of("aandacht-kristalla", "terugkoppeling") == []


def test_route_ended_without_help_says_no_route_started(emmen):
    signal = signal_as("leerkracht")
    route = share(signal)
    cjg, actor = acting("cjg-demonden")
    desks.accept(cjg, actor, route, now=LATER[0])
    desks.record_assessment(cjg, actor, route, "alleen-advies", now=LATER[1])
    assert _told(signal)[1:] == [(FeedbackMoment.ASSESSED, False, None, ""),
                                 (FeedbackMoment.ENDED, False, None, "")]
    assert (fresh(signal).status, fresh(signal).closed_at) == (SignalStatus.OPEN, None)


def test_report_to_veilig_thuis_handed_to_the_local_team(emmen):
    """The teacher's report about Daan: Veilig Thuis accepts and hands to CJG De Monden; the
    teacher hears each step, with whom — also that Veilig Thuis handed over once the CJG accepted
    — and keeps the signal open until help has started."""
    signal = signal_as("leerkracht")
    report = report_through_meldcode(signal)
    vt, vt_actor = acting("veiligthuis")
    desks.accept(vt, vt_actor, report, now=LATER[0])
    desks.record_assessment(vt, vt_actor, report, "lokaal-team", handed_to_slug="cjg-de-monden",
                            now=LATER[1])
    assert _told(signal) == [(FeedbackMoment.ACCEPTED, None, "veilig-thuis-drenthe", ""),
                             (FeedbackMoment.ASSESSED, True, "cjg-de-monden", "")]
    # The CJG has not accepted yet: Veilig Thuis, which assessed, is still responsible.
    assert fresh(signal).status == SignalStatus.ASSESSED
    handover = route_at(signal, "cjg-de-monden")
    cjg, cjg_actor = acting("cjg-demonden")
    desks.accept(cjg, cjg_actor, handover, now=LATER[2])
    desks.record_help_started(cjg, cjg_actor, handover, now=LATER[3])
    assert _told(signal)[2:] == [(FeedbackMoment.ACCEPTED, None, "cjg-de-monden", ""),
                                 (FeedbackMoment.HANDED_OVER, True, "cjg-de-monden", ""),
                                 (FeedbackMoment.HELP_STARTED, True, "cjg-de-monden", "")]
    assert fresh(signal).status == SignalStatus.HELP_STARTED
    assert len(notices_of("leerkracht", "terugkoppeling")) == 5


@pytest.mark.parametrize("keeps_role", [True, False], ids=["melder-houdt-rol", "melder-geen-rol"])
def test_safety_conditions_only_when_the_signaller_keeps_a_role(emmen, keeps_role):
    signal = signal_as("leerkracht")
    route = share(signal)
    cjg, actor = acting("cjg-demonden")
    desks.accept(cjg, actor, route, now=LATER[0])
    conditions = "School meldt elke ochtend of Daan er is."
    desks.record_assessment(cjg, actor, route, "eigen-hulp", signaller_keeps_role=keeps_role,
                            safety_conditions=conditions, now=LATER[1])
    desks.record_help_started(cjg, actor, route, now=LATER[2])
    desks.end_route(cjg, actor, route, now=LATER[3])
    told = [f.safety_conditions for f in feedback_for(signal)]
    expected = conditions if keeps_role else ""
    assert told == ["", expected, expected, expected]


def test_keeping_a_role_needs_the_conditions(emmen):
    route = share(signal_as("leerkracht"))
    cjg, actor = acting("cjg-demonden")
    desks.accept(cjg, actor, route, now=LATER[0])
    with pytest.raises(Refused) as refused:
        desks.record_assessment(cjg, actor, route, "eigen-hulp", signaller_keeps_role=True,
                                now=LATER[1])
    assert refused.value.code == "veiligheidsvoorwaarden-ontbreken"


def test_each_moment_is_told_once(emmen):
    route = share(signal_as("leerkracht"))
    cjg, actor = acting("cjg-demonden")
    desks.accept(cjg, actor, route, now=LATER[0])
    route.refresh_from_db()
    assert route.status == RouteStatus.ACCEPTED
    with pytest.raises(Refused):
        desks.accept(cjg, actor, route, now=LATER[1])
    assert len(notices_of("leerkracht", "terugkoppeling")) == 1


def test_the_signaller_sees_all_their_signals_and_where_each_stands(emmen,
                                                                    django_assert_max_num_queries):
    waiting = signal_as("leerkracht", SANNE, categories=("schoolverzuim",))
    accepted = signal_as("leerkracht", DAAN, now=OFFICE_HOURS + timedelta(minutes=1))
    desks.accept(*acting("cjg-demonden"), share(accepted), now=LATER[0])
    signal_as("jgz", DAAN)  # someone else's signal about the same child
    with django_assert_max_num_queries(5):
        overview = [(s.uuid, s.status, [f.moment for f in s.feedback.all()],
                     [r.desk.slug for r in s.routes.all()], [c.category for c in s.categories.all()])
                    for s in signals_of(acting("leerkracht")[0])]
    assert overview == [
        (accepted.uuid, SignalStatus.ACCEPTED, [FeedbackMoment.ACCEPTED], ["cjg-de-monden"],
         ["emotionele-verwaarlozing"]),
        (waiting.uuid, SignalStatus.OPEN, [], [], ["schoolverzuim"]),
    ]
