"""The case page shows the household and its members, what brought the family to the team (the
source named: the signalling organisation, or the family's own application with its question),
the responsible professional and since when, every handover (a declined one with its reason),
the next step and its deadline, then the intake, assessments, meetings and plan in that order."""

from datetime import timedelta

import pytest
import time_machine

from ketenzicht.plans import cases
from ketenzicht.plans.tests.conftest import WEDNESDAY, acting, emmen  # noqa: F401 (the fixture)

from .case_support import application_case, route_case
from .vir_login import logged_in

pytestmark = pytest.mark.usefixtures("emmen")


def _case_page(username: str, case, at=WEDNESDAY) -> str:
    with time_machine.travel(at, tick=False):
        response = logged_in(username).get(f"/casussen/{case.uuid}/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_household_and_what_brought_it_with_the_source_named():
    case = route_case()
    application_case()  # joins the same case

    page = _case_page("cjg-demonden", case)

    assert "Huishouden De Vries" in page
    for name in ("Daan de Vries", "Emma de Vries", "Anja de Vries", "Marco de Vries"):
        assert name in page
    route = case.arrivals.get(kind="route")
    assert f'href="/loket/{route.source_uuid}/">Signaal van RK/PC Jenaplan BO Kristalla</a>' in page
    assert "Ouder of verzorger, via telefoon" in page
    assert "We maken ons zorgen over Daan." in page


def test_the_holder_since_when_the_next_step_and_its_deadline():
    case = route_case()

    page = _case_page("cjg-demonden", case, at=WEDNESDAY + timedelta(days=9))

    assert "Hilde Boelens (teamleider), nog toe te wijzen" in page
    assert "25 november 2026 10:00" in page  # responsible since
    assert "Eerste contact met het gezin" in page
    assert "Termijn verstreken" in page and "2 december 2026" in page


def test_the_handover_history_keeps_a_declined_ones_reason():
    case = application_case()
    declined = cases.hand_over(*acting("teamleider-demonden"), case, acting("cjg-demonden")[0], WEDNESDAY)
    cases.decline_handover(*acting("cjg-demonden"), declined, "Ik ben drie weken met verlof.",
                           WEDNESDAY + timedelta(hours=1))
    cases.hand_over(*acting("teamleider-demonden"), case, acting("cjg-demonden")[0],
                    WEDNESDAY + timedelta(hours=2))

    page = _case_page("teamleider-demonden", case)

    assert "geweigerd op 25 november 2026 11:00: Ik ben drie weken met verlof." in page
    assert "wacht op antwoord" in page
    assert "Tot Bart Lubbers de casus aanneemt, blijft Hilde Boelens verantwoordelijk." in page


def test_the_parts_follow_in_order_intake_assessments_meetings_plan():
    from django.template.loader import get_template

    source = get_template("web/plans/case.html").template.source
    positions = [source.index(f"web/plans/includes/case_{part}.html")
                 for part in ("intake", "assessments", "meetings", "plan")]
    assert positions == sorted(positions)
    assert source.index('id="overdrachten-titel"') < positions[0]


def test_the_households_regisseur_is_shown_with_how_to_reach_them():
    from ketenzicht.leads.models import AgreedVia
    from ketenzicht.leads.services import LeadChoice, Source, appoint

    case = application_case()
    assert "Er is nog geen regisseur vastgelegd" in _case_page("cjg-demonden", case)
    bart, actor = acting("cjg-demonden")
    appoint(bart, actor, case.household, LeadChoice(bart, family_preference="Vader wil Bart."),
            Source(AgreedVia.CASE, case.uuid), now=WEDNESDAY)

    page = _case_page("cjg-demonden", case)

    assert "Regisseur van huishouden De Vries" in page and "Bart Lubbers" in page
