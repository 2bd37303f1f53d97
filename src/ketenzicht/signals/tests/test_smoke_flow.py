from ketenzicht.signals import desks, meldcode
from ketenzicht.signals.models import Decision, FeedbackMoment, SignalStatus
from ketenzicht.signals.services import share_signal

from .conftest import OFFICE_HOURS, PARENTS_CONSENT, acting, signal_as


def test_teacher_signal_through_meldcode_to_veilig_thuis(emmen):
    signal = signal_as("leerkracht")
    assert signal.proposed_desk.slug == "cjg-de-monden"
    who, actor = acting("leerkracht")
    meldcode.record_consultation(who, actor, signal, safeguarding_lead=True, veilig_thuis=False,
                                 outcome="Zorgen gedeeld", agreements="Juf praat met moeder",
                                 coordinator="Marieke Zwiers", now=OFFICE_HOURS)
    meldcode.record_conversation(who, actor, signal, skipped=True, skip_reason="Vader dreigt",
                                 now=OFFICE_HOURS)
    meldcode.record_weighing(who, actor, signal, (True, True), now=OFFICE_HOURS)
    result = meldcode.record_decision(who, actor, signal, Decision.REPORT, share=PARENTS_CONSENT,
                                      now=OFFICE_HOURS)
    assert result.report.desk.slug == "veilig-thuis-drenthe"
    vt, vt_actor = acting("veiligthuis")
    route = desks.accept(vt, vt_actor, result.report, now=OFFICE_HOURS)
    desks.record_assessment(vt, vt_actor, route, "lokaal-team", handed_to_slug="cjg-de-monden",
                            signaller_keeps_role=True, safety_conditions="School meldt verzuim",
                            now=OFFICE_HOURS)
    signal.refresh_from_db()
    moments = list(signal.feedback.values_list("moment", flat=True))
    assert moments == [FeedbackMoment.ACCEPTED, FeedbackMoment.ASSESSED]
    assert signal.status == SignalStatus.SHARED
    cjg_route = signal.routes.get(desk__slug="cjg-de-monden")
    cjg, cjg_actor = acting("cjg-demonden")
    desks.accept(cjg, cjg_actor, cjg_route, now=OFFICE_HOURS)
    desks.record_help_started(cjg, cjg_actor, cjg_route, now=OFFICE_HOURS)
    signal.refresh_from_db()
    assert signal.status == SignalStatus.HELP_STARTED
    _ = share_signal
