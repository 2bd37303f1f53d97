"""The team's earlier assessments of the household side by side, with the safety scale per child
over time as a chart: an inline SVG rendered on the server (no script), with a title and a
description, and the same numbers in a table. The page's queries do not grow with the history."""

from datetime import timedelta

import pytest
import time_machine

from ketenzicht.plans import assessment
from ketenzicht.web.tests.vir_login import logged_in

from .conftest import WEDNESDAY, acting
from .intake_support import YES, apply, assessment_request

pytestmark = pytest.mark.usefixtures("emmen", "on_wednesday")


@pytest.fixture
def on_wednesday():
    with time_machine.travel(WEDNESDAY + timedelta(days=70), tick=False):
        yield


def _assess(case, days: int, emma: int, daan: int):
    on = WEDNESDAY.date() + timedelta(days=days)
    assessment.record_assessment(*acting("cjg-demonden"), case, assessment_request(
        case, scores={"Emma": emma, "Daan": daan}, on=on))


def test_the_chart_and_its_table_show_each_childs_scores_in_order():
    case = apply((YES, "nee", "nee"), now=WEDNESDAY)
    _assess(case, 0, 3, 5)
    _assess(case, 28, 5, 6)
    _assess(case, 56, 7, 8)
    page = logged_in("cjg-demonden").get(f"/casussen/{case.uuid}/risicotaxaties/").content.decode()
    svg = page[page.index("<svg"):page.index("</svg>")]
    assert 'role="img"' in svg and "<title" in svg and "<desc" in svg and "<script" not in page.lower()
    assert "Emma de Vries: 3 5 7." in svg and "Daan de Vries: 5 6 8." in svg
    assert svg.count("<polyline") == 2 and svg.count("<circle") == 6
    assert "style=" not in svg  # CSP: presentation attributes only
    table = page[page.index("Veiligheidsschaal per kind (oordeel"):]
    assert table.index("Emma de Vries") < table.index(">3<") < table.index(">5<") < table.index(">7<")


def test_the_history_page_queries_do_not_grow_with_the_number_of_assessments(django_assert_max_num_queries):
    case = apply((YES, "nee", "nee"), now=WEDNESDAY)
    _assess(case, 0, 3, 5)
    client = logged_in("cjg-demonden")
    url = f"/casussen/{case.uuid}/risicotaxaties/"
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    with CaptureQueriesContext(connection) as one:
        assert client.get(url).status_code == 200
    for days in (7, 14, 21, 28):
        _assess(case, days, 4, 6)
    with django_assert_max_num_queries(len(one.captured_queries)):
        assert client.get(url).status_code == 200
