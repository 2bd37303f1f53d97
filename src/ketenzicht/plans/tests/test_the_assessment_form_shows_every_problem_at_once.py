"""The risk assessment form (``/casussen/<uuid>/risicotaxatie/``): one block per child in the same
format; every problem is shown at once next to its field, and nothing is recorded until all are
solved; then the assessment's page names each child with their score."""

import pytest
import time_machine

from ketenzicht.plans.models import RiskAssessment
from ketenzicht.web.tests.vir_login import logged_in

from .conftest import WEDNESDAY
from .intake_support import YES, apply
from .pages_support import assessment_form

pytestmark = pytest.mark.usefixtures("emmen", "on_wednesday")


@pytest.fixture
def on_wednesday():
    with time_machine.travel(WEDNESDAY, tick=False):
        yield


def test_every_problem_at_once_then_recorded():
    case = apply((YES, "nee", "nee"))
    client = logged_in("cjg-demonden")
    url = f"/casussen/{case.uuid}/risicotaxatie/"
    page = client.get(url).content.decode()
    assert "Emma de Vries (14 jaar)" in page and "Daan de Vries (9 jaar)" in page
    assert "niet de LIRIK" in page
    assert 'name="kind0_score_kind"' in page and 'name="kind1_score_kind"' not in page  # 12+ only
    broken = assessment_form(kind0_score="", huidige_veiligheid="", vervolg="geen", kind1_score="3",
                             kind1_doel1="")
    response = client.post(url, broken)
    page = response.content.decode()
    assert response.status_code == 200
    for message in ("Geef voor Emma de Vries uw oordeel", "huidige veiligheid is verplicht",
                    "leg uit waarom dat verantwoord is", "zet bij gevaarsomschrijving 1 een veiligheidsdoel"):
        assert message in page, message
    assert not RiskAssessment.objects.exists()
    response = client.post(url, assessment_form())
    made = RiskAssessment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/casussen/{case.uuid}/risicotaxaties/{made.uuid}/"
    page = client.get(response["Location"]).content.decode()
    assert "Emma de Vries (14 jaar): veiligheidsschaal 5 van 10" in page
    assert "Plotselinge verandering in gedrag" in page  # the format's label, not the code
