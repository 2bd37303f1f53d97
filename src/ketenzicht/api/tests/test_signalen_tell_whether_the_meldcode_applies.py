"""The signals API tells the signaller's system whether the Meldcode applies (``meldcode``): not
to a signal only about an adult's own circumstances without a concern about a child — there are
no steps to drive and no deadlines — but to a concern about a child."""

import pytest
import time_machine

from ketenzicht.signals.tests.conftest import ANJA, DAAN, OFFICE_HOURS

from .signalen_support import (
    SIGNALS,
    api_fixture,  # noqa: F401 (fixture)
    emmen,  # noqa: F401 (fixture)
    post_signal,
    signal_body,
)

pytestmark = pytest.mark.usefixtures("emmen")


@pytest.mark.parametrize(("username", "bsn", "categories", "meldcode", "desk"), [
    pytest.param("ggz", ANJA, ("schulden",), False, "sgt-de-monden", id="schulden-volwassene"),
    pytest.param("leerkracht", DAAN, ("emotionele-verwaarlozing",), True, "cjg-de-monden",
                 id="zorg-over-een-kind"),
])
def test_the_answer_says_whether_the_meldcode_applies(api, username, bsn, categories, meldcode,
                                                      desk):
    client = api(username)
    with time_machine.travel(OFFICE_HOURS, tick=False):
        created = post_signal(client, signal_body(bsn, *categories))
        assert created.status_code == 201, created.content
        read = client.get(f"{SIGNALS}/{created.json()['uuid']}").json()
    assert (created.json()["meldcode"], read["meldcode"]) == (meldcode, meldcode)
    assert created.json()["route"]["organisatie"] == desk
