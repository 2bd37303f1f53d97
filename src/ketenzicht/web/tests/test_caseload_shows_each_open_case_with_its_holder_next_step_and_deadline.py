"""The werkvoorraad (``/casussen/``) shows the team's open cases: the household and who it is
about, the responsible professional (or "teamleider, nog toe te wijzen" with the case's age), the
next step and its deadline (passed ones flagged), a handover that waits. The teamleider's cases
still to assign come first; filters show one's own, the unassigned and the overdue. Every person
named is an audited read; the page is a fixed number of queries; only case-holding teams have it
in the navigation."""

from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ketenzicht.plans import cases
from ketenzicht.plans.tests.conftest import WEDNESDAY, acting, emmen  # noqa: F401 (the fixture)

from .case_support import application_case, assign, other_household_cases
from .conftest import events_since, last_event_id
from .vir_login import logged_in

pytestmark = pytest.mark.usefixtures("emmen")

#: Nine days later: the first-contact deadline (5 working days, 2 December) has passed.
NEXT_FRIDAY = WEDNESDAY + timedelta(days=9)


def _page(username: str, query: str = "", at=WEDNESDAY) -> str:
    with time_machine.travel(at, tick=False):
        response = logged_in(username).get(f"/casussen/{query}")
    assert response.status_code == 200
    return response.content.decode()


def _section(page: str, heading_id: str) -> str:
    """The rows of the table under the heading (the empty message when there are none)."""
    start = page.index(f'id="{heading_id}"')
    section = page[start:page.find("</section>", start)]
    return section[section.index("</nav>"):] if "</nav>" in section else section


def test_a_row_names_the_household_the_child_the_holder_the_next_step_and_its_deadline():
    case = assign(application_case())

    page = _page("cjg-demonden")

    row = _section(page, "werkvoorraad-titel")
    assert f'href="/casussen/{case.uuid}/"' in row
    assert "Huishouden De Vries" in row and "Daan de Vries" in row
    assert "Bart Lubbers" in row and "nog toe te wijzen" not in row
    assert "Eerste contact met het gezin" in row and "2 december 2026" in row
    assert "Termijn verstreken" not in row


def test_the_teamleiders_cases_to_assign_come_first_with_their_age():
    application_case()

    page = _page("teamleider-demonden", at=WEDNESDAY + timedelta(days=3))

    to_assign = _section(page, "toewijzen-titel")
    assert page.index('id="toewijzen-titel"') < page.index('id="werkvoorraad-titel"')
    assert "Hilde Boelens (teamleider), nog toe te wijzen" in to_assign
    assert "3 dagen open" in to_assign
    # A professional has no such list.
    assert 'id="toewijzen-titel"' not in _page("cjg-demonden")


def test_a_passed_deadline_is_flagged():
    assign(application_case())

    row = _section(_page("cjg-demonden", at=NEXT_FRIDAY), "werkvoorraad-titel")

    assert "Termijn verstreken" in row and "2 december 2026" in row


def test_a_handover_that_waits_is_shown():
    case = application_case()
    cases.hand_over(*acting("teamleider-demonden"), case, acting("cjg-demonden")[0], WEDNESDAY)

    row = _section(_page("teamleider-demonden"), "werkvoorraad-titel")

    assert "Overdracht aan Bart Lubbers wacht op antwoord" in row


def test_filters_show_ones_own_the_unassigned_and_the_overdue():
    mine = assign(application_case())
    unassigned = other_household_cases(1)[0]
    link = 'href="/casussen/{}/"'.format

    own = _section(_page("cjg-demonden", "?toon=mijn"), "werkvoorraad-titel")
    assert link(mine.uuid) in own and link(unassigned.uuid) not in own
    open_to_assign = _section(_page("cjg-demonden", "?toon=toe-te-wijzen"), "werkvoorraad-titel")
    assert link(unassigned.uuid) in open_to_assign and link(mine.uuid) not in open_to_assign
    cases.record_first_contact(*acting("cjg-demonden"), mine, WEDNESDAY)  # now waits for the intake
    late = _section(_page("cjg-demonden", "?toon=te-laat", at=NEXT_FRIDAY), "werkvoorraad-titel")
    assert link(unassigned.uuid) in late and link(mine.uuid) not in late
    every = _section(_page("cjg-demonden", "?toon=onzin"), "werkvoorraad-titel")  # an unknown one: all
    assert link(mine.uuid) in every and link(unassigned.uuid) in every


def test_another_team_sees_none_of_these_cases():
    case = application_case()
    assert f"/casussen/{case.uuid}/" not in _page("cjg-emmenzuid")
    assert f"/casussen/{case.uuid}/" not in _page("sgt-demonden")


def test_a_school_has_no_caseload():
    with time_machine.travel(WEDNESDAY, tick=False):
        assert logged_in("leerkracht").get("/casussen/").status_code == 403


def test_every_person_named_is_an_audited_read():
    case = application_case()
    client = logged_in("cjg-demonden")
    mark = last_event_id()

    client.get("/casussen/")

    listed = [e for e in events_since(mark) if e.object_type == "casus-werkvoorraad"]
    daan = case.arrivals.get().person
    assert [e.client_pseudonym for e in listed] == [str(daan.uuid)]


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/casussen/").status_code == 200
    return len(captured.captured_queries)


def test_the_page_is_a_fixed_number_of_queries(django_assert_max_num_queries):
    with time_machine.travel(WEDNESDAY, tick=False):
        cases.hand_over(*acting("teamleider-demonden"), application_case(), acting("cjg-demonden")[0])
        client = logged_in("teamleider-demonden")
        few = _queries(client)
        for case in other_household_cases(2):
            cases.hand_over(*acting("teamleider-demonden"), case, acting("cjg-demonden")[0])
        many = _queries(client)
        assert many == few, f"{few} queries for one case, {many} for three"
        with django_assert_max_num_queries(30):
            client.get("/casussen/")


def test_werkvoorraad_in_the_navigation_of_case_holding_teams_only():
    for username in ("cjg-demonden", "teamleider-demonden", "sgt-demonden", "veiligthuis"):
        assert 'href="/casussen/"' in _page_nav(username), username
    for username in ("leerkracht", "ggz", "beleid", "jgz"):
        assert 'href="/casussen/"' not in _page_nav(username), username


def _page_nav(username: str) -> str:
    with time_machine.travel(WEDNESDAY, tick=False):
        return logged_in(username).get("/").content.decode()
