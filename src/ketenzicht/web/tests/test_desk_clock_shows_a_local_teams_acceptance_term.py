"""A signal shared with a CJG-Jeugdteam is to be accepted within the municipality's term (2
working days by default, to the end of that office day): the Postvak and the route page show the
clock as Veilig Thuis's, and "Termijn verstreken" once it has passed unaccepted."""

from datetime import datetime

import pytest
import time_machine

from ketenzicht.signals.tests.conftest import AMSTERDAM, emmen  # noqa: F401 (the fixture)

from .desk_support import shared_signal
from .vir_login import logged_in

pytestmark = pytest.mark.usefixtures("emmen")

#: Shared on Wednesday 25 November 2026: due Friday 27 November at the end of office hours.
DUE = "uiterlijk 27 november 2026 17:00"


def at(*moment: int) -> time_machine.travel:
    return time_machine.travel(datetime(*moment, tzinfo=AMSTERDAM), tick=False)


def test_the_postvak_and_the_route_page_show_the_acceptance_term():
    route = shared_signal()
    with at(2026, 11, 26, 10, 0):
        team = logged_in("cjg-demonden")
        inbox = team.get("/loket/").content.decode()
        page = team.get(f"/loket/{route.uuid}/").content.decode()
    assert f"{DUE} (nog 1 werkdag)" in inbox
    assert f"Aannemen: {DUE} (nog 1 werkdag)" in page
    assert "Termijn verstreken" not in inbox + page


def test_a_signal_lying_unaccepted_shows_termijn_verstreken_until_it_is_accepted():
    route = shared_signal()
    with at(2026, 11, 27, 17, 1):
        team = logged_in("cjg-demonden")
        assert '<strong class="kz-warning">Termijn verstreken</strong>' in team.get(
            "/loket/").content.decode()
        team.post(f"/loket/{route.uuid}/aannemen/")
        assert "Termijn verstreken" not in team.get("/loket/").content.decode()
