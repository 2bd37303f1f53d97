"""Veilig Thuis hands to the local team that the signaller had already shared the signal with:
that team's open route is the one — no second route, no server error — and since the team
already works on it, the handover completes at once and the signaller hears it."""

from ketenzicht.signals import desks
from ketenzicht.signals.models import FeedbackMoment, Route, RouteStatus
from ketenzicht.signals.services import share_signal

from .conftest import OFFICE_HOURS, PARENTS_CONSENT, acting, signal_as
from .support import fresh, report_through_meldcode


def test_handover_to_a_team_that_already_has_the_signal(emmen):
    signal = signal_as("leerkracht")
    cjg_route = share_signal(*acting("leerkracht"), signal, PARENTS_CONSENT, OFFICE_HOURS)
    desks.accept(*acting("cjg-demonden"), cjg_route, now=OFFICE_HOURS)
    report = report_through_meldcode(fresh(signal))
    vt = acting("veiligthuis")
    desks.accept(*vt, report, now=OFFICE_HOURS)

    assessed = desks.record_assessment(*vt, report, "lokaal-team", handed_to_slug="cjg-de-monden",
                                       now=OFFICE_HOURS)

    assert Route.objects.filter(signal=signal, desk__slug="cjg-de-monden").count() == 1
    assert fresh(assessed.signal).routes.get(pk=report.pk).status == RouteStatus.HANDED_OVER
    assert report.feedback.filter(moment=FeedbackMoment.HANDED_OVER,
                                  with_organisation__slug="cjg-de-monden").exists()
