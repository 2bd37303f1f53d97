"""Nobody lets go of a family until help has started (domain.md §4): a desk hands a signal over
only to an organisation that can take responsibility for help — a local team, or a care
organisation already involved with the person (``desks.CARE``). A school or the police may be
involved (Kristalla knows Daan as its pupil), but they signal; they do not take a family's case
over. Before this rule, a CJG-Jeugdteam or Veilig Thuis could hand a report to the school: the
route became "Overgedragen", left the desk's Postvak, never reached the school's, and the
teacher was told "Er is een route gestart met RK/PC Jenaplan BO Kristalla" — nobody held the
family. Handing back to the signaller's own organisation is allowed only when it is itself a
care organisation (the youth doctor's GGD)."""

from datetime import timedelta

import pytest

from ketenzicht.access.models import AccessBasis
from ketenzicht.audit.models import AuditEvent
from ketenzicht.notify.models import Notice
from ketenzicht.refusals import Refused
from ketenzicht.signals import desks
from ketenzicht.signals.models import ConsentBasis, Feedback, Route, RouteStatus
from ketenzicht.signals.services import Consent, ShareRequest

from .conftest import DAAN, OFFICE_HOURS, SANNE, acting, signal_as
from .support import involve, report_through_meldcode, route_at, share

LATER = [OFFICE_HOURS + timedelta(hours=hours) for hours in range(1, 6)]
FOR_SAFETY = ShareRequest(Consent(ConsentBasis.SAFETY, safety_reason="Vader dreigt met geweld."))


def _at_veilig_thuis(username: str = "leerkracht", bsn: str = DAAN,
                     request: ShareRequest | None = None):
    """A report through the Meldcode, accepted by Veilig Thuis."""
    signal = signal_as(username, bsn)
    report = report_through_meldcode(signal, username, *([request] if request else []))
    vt, actor = acting("veiligthuis")
    desks.accept(vt, actor, report, now=LATER[0])
    report.refresh_from_db()
    return signal, report, vt, actor


def _at_the_cjg():
    """The teacher's signal shared with CJG-Jeugdteam De Monden and accepted there."""
    signal = signal_as("leerkracht")
    route = share(signal)
    cjg, actor = acting("cjg-demonden")
    desks.accept(cjg, actor, route, now=LATER[0])
    route.refresh_from_db()
    return signal, route, cjg, actor


def _desk(side: str):
    return _at_veilig_thuis() if side == "veilig-thuis" else _at_the_cjg()


# --- A local team: allowed ------------------------------------------------------------------------

@pytest.mark.parametrize(("side", "team"), [("veilig-thuis", "cjg-de-monden"),
                                            ("cjg", "sgt-de-monden")])
def test_a_local_team_takes_the_family_over_warmly(emmen, side, team):
    signal, route, who, actor = _desk(side)
    desks.record_assessment(who, actor, route, "lokaal-team", handed_to_slug=team, now=LATER[1])
    route.refresh_from_db()
    handover = route_at(signal, team)
    # The desk holds the family until the team accepts.
    assert (route.status, route.handed_over_to) == (RouteStatus.ASSESSED, handover)
    assert handover.status == RouteStatus.SHARED


# --- An involved care organisation: allowed ------------------------------------------------------

@pytest.mark.parametrize(("side", "helper"), [("veilig-thuis", "ggd-drenthe"),
                                              ("cjg", "mee-drenthe")])
def test_an_involved_care_organisation_takes_the_family_over_warmly(emmen, side, helper):
    involve(helper, DAAN)
    signal, route, who, actor = _desk(side)
    assert helper in {o.slug for o in desks.handover_receivers(route, "betrokken-professional")}
    desks.record_assessment(who, actor, route, "betrokken-professional", handed_to_slug=helper,
                            now=LATER[1])
    route.refresh_from_db()
    assert (route.status, route.handed_over_to) == (RouteStatus.ASSESSED,
                                                   route_at(signal, helper))


def test_the_signallers_own_care_organisation_may_take_it_back(emmen):
    """The youth doctor reported about Sanne: the GGD helps, so it may take the case back."""
    _signal, report, vt, actor = _at_veilig_thuis("jgz", SANNE, FOR_SAFETY)
    assert "ggd-drenthe" in {o.slug for o in desks.handover_receivers(report)}
    desks.record_assessment(vt, actor, report, "betrokken-professional",
                            handed_to_slug="ggd-drenthe", now=LATER[1])
    report.refresh_from_db()
    assert report.handed_to.slug == "ggd-drenthe"


# --- The involved school or police: refused ------------------------------------------------------

def _state(signal, route):
    """Everything a half-written handover would leave behind."""
    return (
        sorted(Route.objects.filter(signal=signal).values_list("pk", "status", "outcome",
                                                               "handed_to", "ended_at")),
        Feedback.objects.filter(signal=signal).count(),
        Notice.objects.count(),
        AccessBasis.objects.filter(ended_at__isnull=True).count(),
        AuditEvent.objects.filter(purpose__startswith="beoordeling").count(),
    )


@pytest.mark.parametrize(("side", "receiver", "name"), [
    pytest.param("veilig-thuis", "kristalla", "RK/PC Jenaplan BO Kristalla",
                 id="veilig-thuis-aan-de-school"),
    pytest.param("cjg", "kristalla", "RK/PC Jenaplan BO Kristalla", id="cjg-aan-de-school"),
    pytest.param("veilig-thuis", "politie-drenthe", "Politie Noord-Nederland, wijkagenten Drenthe",
                 id="veilig-thuis-aan-politie"),
    pytest.param("cjg", "politie-drenthe", "Politie Noord-Nederland, wijkagenten Drenthe",
                 id="cjg-aan-politie"),
])
def test_an_involved_school_or_police_cannot_take_the_family_over(emmen, side, receiver, name):
    involve("politie-drenthe", DAAN)  # the wijkagent knows Daan; Kristalla is his school
    signal, route, who, actor = _desk(side)
    assert receiver not in {o.slug for o in desks.handover_receivers(route)}
    before = _state(signal, route)
    with pytest.raises(Refused) as refused:
        desks.record_assessment(who, actor, route, "betrokken-professional",
                                handed_to_slug=receiver, signaller_keeps_role=True,
                                safety_conditions="De school let op blauwe plekken.", now=LATER[1])
    assert (refused.value.code, refused.value.field) == ("geen-hulporganisatie", "overdragenAan")
    assert refused.value.message == (
        f"{name} kan de verantwoordelijkheid voor hulp aan het gezin niet overnemen. Draag over "
        "aan het lokale team of aan een betrokken organisatie die hulp biedt.")
    route.refresh_from_db()
    assert (route.status, route.outcome, route.handed_to) == (RouteStatus.ACCEPTED, "", None)
    assert route in desks.inbox(who)  # the desk still holds the family
    assert _state(signal, route) == before  # nothing half-written
