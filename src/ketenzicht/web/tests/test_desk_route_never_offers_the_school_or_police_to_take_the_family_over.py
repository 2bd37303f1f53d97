"""The route page offers as receivers only organisations that can take responsibility for help:
the local teams and the care organisations involved with the person. Daan's school (involved as
his school) and the wijkagent (involved too) are never offered — not at Veilig Thuis, not at the
CJG-Jeugdteam — and a forged choice is refused next to the field, changing nothing (the
service's own Dutch refusal is proven in the signals tests)."""

import re

import pytest

from ketenzicht.signals import desks
from ketenzicht.signals.models import RouteStatus
from ketenzicht.signals.tests.conftest import emmen  # noqa: F401 (the fixture)
from ketenzicht.signals.tests.support import involve

from .desk_support import report_to_veilig_thuis, shared_signal
from .vir_login import acting, logged_in

pytestmark = pytest.mark.usefixtures("emmen")

DAAN = "999990019"
SIGNALLERS_ONLY = {"kristalla", "politie-drenthe"}


def _options(page: str, name: str) -> set[str]:
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', page, re.S)
    assert select is not None, name
    return set(re.findall(r'<option value="([^"]*)"', select.group(1))) - {""}


def _accepted(desk: str):
    """The teacher's concern about Daan, accepted by Veilig Thuis (a report) or by the CJG."""
    involve("politie-drenthe", DAAN)
    involve("mee-drenthe", DAAN)
    route = report_to_veilig_thuis() if desk == "veiligthuis" else shared_signal()
    client = logged_in(desk)
    client.post(f"/loket/{route.uuid}/aannemen/")
    return route, client


@pytest.mark.parametrize("desk", ["veiligthuis", "cjg-demonden"])
def test_the_school_and_the_police_are_never_offered(desk):
    route, client = _accepted(desk)
    receivers = _options(client.get(f"/loket/{route.uuid}/").content.decode(), "overdragen_aan")
    assert "mee-drenthe" in receivers and "sgt-de-monden" in receivers
    assert not receivers & SIGNALLERS_ONLY


@pytest.mark.parametrize("desk", ["veiligthuis", "cjg-demonden"])
def test_a_forged_handover_to_the_school_is_refused_and_changes_nothing(desk):
    route, client = _accepted(desk)
    page = client.post(f"/loket/{route.uuid}/beoordelen/", {
        "uitkomst": "betrokken-professional", "overdragen_aan": "kristalla"}).content.decode()
    assert 'id="id_overdragen_aan_fout"' in page
    route.refresh_from_db()
    assert (route.status, route.handed_to) == (RouteStatus.ACCEPTED, None)
    assert list(route.signal.routes.all()) == [route]
    assert route in desks.inbox(acting(desk)[0])
    teacher = logged_in("leerkracht").get(f"/signalen/{route.signal.uuid}/").content.decode()
    assert "Er is een route gestart met RK/PC Jenaplan BO Kristalla" not in teacher
