"""The signal page and Mijn signalen of a signal without a proposed desk (the child lives outside
the chain's districts) say where to turn instead of failing."""

from ketenzicht.signals.tests.conftest import emmen  # noqa: F401 (the fixture)
from ketenzicht.signals.tests.test_a_child_living_elsewhere_is_still_signalled import (  # noqa: F401
    elsewhere,
)

from .vir_login import logged_in


def test_signal_page_of_a_child_living_elsewhere_says_where_to_turn(elsewhere):  # noqa: F811
    client = logged_in("leerkracht")
    page = client.get(f"/signalen/{elsewhere.uuid}/").content.decode()
    assert "Geen loket in deze gemeente" in page
    overview = client.get("/signalen/").content.decode()
    assert "Nog niet gedeeld (geen loket voorgesteld)" in overview
