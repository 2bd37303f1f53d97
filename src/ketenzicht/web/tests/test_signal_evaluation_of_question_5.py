"""The Meldcode guide asks when question 5 is evaluated when help is organised, and then offers the
evaluation: yes closes with monitoring agreements, no reports to Veilig Thuis."""

import pytest

from ketenzicht.signals import meldcode
from ketenzicht.signals.models import Decision, Evaluation, SignalStatus
from ketenzicht.signals.tests.conftest import OFFICE_HOURS, acting, emmen, signal_as  # noqa: F401
from ketenzicht.signals.tests.support import consult, fresh

from .vir_login import logged_in

pytestmark = pytest.mark.usefixtures("emmen")


def weighed_to_organise_help():
    signal = signal_as("leerkracht")
    who, actor = acting("leerkracht")
    consult(signal)
    meldcode.record_conversation(who, actor, signal, notes="Moeder wil hulp.", now=OFFICE_HOURS)
    meldcode.record_weighing(who, actor, signal, (True, False, True, True, None), now=OFFICE_HOURS)
    return signal


def test_step_5_asks_when_question_5_is_evaluated_and_then_offers_the_evaluation():
    signal = weighed_to_organise_help()
    client = logged_in("leerkracht")
    url = f"/signalen/{signal.uuid}/"
    assert "Evalueren op" in client.get(url).content.decode()

    refused = client.post(f"{url}stap/5/", {"besluit": Decision.ORGANISE_HELP})
    assert "Leg vast wanneer u evalueert" in refused.content.decode()

    client.post(f"{url}stap/5/", {"besluit": Decision.ORGANISE_HELP, "evalueren_op": "2027-01-15"})
    page = client.get(url).content.decode()
    assert "Evalueer uiterlijk 15-01-2027" in page and "Evaluatie vastleggen" in page
    assert "Meldcode: evalueren of de hulp tot veiligheid leidt (vraag 5)" in client.get(
        "/").content.decode()  # on the worklist, due on the agreed date

    response = client.post(f"{url}evaluatie/", {"vraag5": "ja"}, follow=True)
    assert "afgesloten met afspraken over monitoring" in response.content.decode()
    assert Evaluation.objects.get(signal=signal).help_achieves_safety
    assert fresh(signal).status == SignalStatus.CLOSED


def test_evaluation_no_reports_to_veilig_thuis_on_a_recorded_basis():
    signal = weighed_to_organise_help()
    meldcode.record_decision(*acting("leerkracht"), signal, Decision.ORGANISE_HELP,
                             evaluate_on=fresh(signal).created_at.date().replace(year=2027))
    client = logged_in("leerkracht")
    response = client.post(f"/signalen/{signal.uuid}/evaluatie/", {
        "vraag5": "nee", "toestemming": "veiligheid",
        "veiligheidsreden": "Vader dreigt als de hulp doorgaat."}, follow=True)
    assert "u heeft gemeld bij Veilig Thuis Drenthe" in response.content.decode()
    assert fresh(signal).routes.get().desk.slug == "veilig-thuis-drenthe"
