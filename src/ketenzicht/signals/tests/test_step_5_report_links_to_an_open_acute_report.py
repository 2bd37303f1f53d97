"""Acute abuse is reported to Veilig Thuis at once, before the Meldcode is done. When the
signaller later decides in step 5 to report, that decision is the report already open: it links
to it, and Veilig Thuis does not get the same signal twice. Only when no report is open any more
does step 5 make a new one (with its basis)."""

from datetime import timedelta

import pytest

from ketenzicht.refusals import Refused
from ketenzicht.signals import desks, meldcode
from ketenzicht.signals.models import Decision, MeldcodeStep, RouteKind, RouteStatus

from .conftest import OFFICE_HOURS, PARENTS_CONSENT, acting, signal_as
from .support import consult, fresh, notices_of, share

LATER = [OFFICE_HOURS + timedelta(hours=hours) for hours in range(1, 8)]


def _acute_report():
    """Step 1 only: the teacher saw injuries and reported at once."""
    signal = signal_as("leerkracht", categories=("lichamelijke-mishandeling",), urgency="acuut",
                       facts="Daan heeft blauwe plekken in zijn nek.")
    report = share(signal)
    assert (report.kind, report.desk.slug) == (RouteKind.REPORT, "veilig-thuis-drenthe")
    return signal, report


def _up_to_step_5(signal) -> None:
    who, actor = acting("leerkracht")
    consult(signal, now=LATER[2])
    meldcode.record_conversation(who, actor, signal, skipped=True,
                                 skip_reason="Een gesprek brengt Daan in gevaar.", now=LATER[3])
    meldcode.record_weighing(who, actor, signal, (True, True), now=LATER[4])


def _reports(signal) -> list:
    return list(signal.routes.filter(kind=RouteKind.REPORT).order_by("shared_at", "id"))


@pytest.mark.parametrize("with_basis", [False, True], ids=["zonder-grondslag", "met-grondslag"])
def test_step_5_report_is_the_open_acute_report(emmen, with_basis):
    signal, report = _acute_report()
    desks.accept(*acting("veiligthuis"), report, now=LATER[0])
    told_desk = len(notices_of("veiligthuis", "signaal-loket"))
    _up_to_step_5(signal)

    result = meldcode.record_decision(*acting("leerkracht"), signal, Decision.REPORT,
                                      share=PARENTS_CONSENT if with_basis else None,
                                      now=LATER[5])

    assert result.report == report
    assert result.entry.decision == Decision.REPORT
    assert _reports(signal) == [report]
    report.refresh_from_db()
    assert report.status == RouteStatus.ACCEPTED  # Veilig Thuis goes on with what it has
    assert len(notices_of("veiligthuis", "signaal-loket")) == told_desk
    assert fresh(signal).next_step is None  # the Meldcode is done


def test_step_5_reports_anew_when_the_acute_report_was_ended(emmen):
    signal, report = _acute_report()
    vt, vt_actor = acting("veiligthuis")
    desks.accept(vt, vt_actor, report, now=LATER[0])
    desks.record_assessment(vt, vt_actor, report, "alleen-advies", now=LATER[1])
    assert meldcode.next_step(fresh(signal)).step == MeldcodeStep.CONSULTATION
    _up_to_step_5(signal)
    teacher, actor = acting("leerkracht")

    with pytest.raises(Refused) as refused:
        meldcode.record_decision(teacher, actor, signal, Decision.REPORT, now=LATER[5])
    assert refused.value.code == "melding-ontbreekt"
    result = meldcode.record_decision(teacher, actor, signal, Decision.REPORT,
                                      share=PARENTS_CONSENT, now=LATER[5])

    assert result.report != report
    assert _reports(signal) == [report, result.report]
    assert result.report.status == RouteStatus.SHARED
