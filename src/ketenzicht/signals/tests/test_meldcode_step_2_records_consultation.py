"""Step 2 records the consultation: the aandachtsfunctionaris and/or advice from Veilig Thuis,
its outcome, who does what, and who coordinates."""

import pytest

from ketenzicht.refusals import Refused
from ketenzicht.signals import meldcode

from .conftest import OFFICE_HOURS, acting, signal_as

COMPLETE = {"safeguarding_lead": True, "veilig_thuis": False, "outcome": "Zorgen herkend.",
            "agreements": "Juf praat met moeder; IB'er belt de JGZ.", "coordinator": "Marieke Zwiers"}


@pytest.mark.parametrize(("change", "code", "field"), [
    pytest.param({"safeguarding_lead": False, "veilig_thuis": False}, "geen-consultatie",
                 "geraadpleegd", id="niemand-geraadpleegd"),
    pytest.param({"outcome": " "}, "uitkomst-ontbreekt", "uitkomst", id="uitkomst-ontbreekt"),
    pytest.param({"agreements": ""}, "afspraken-ontbreken", "afspraken", id="wie-doet-wat-ontbreekt"),
    pytest.param({"coordinator": ""}, "coordinator-ontbreekt", "coordinator",
                 id="wie-coordineert-ontbreekt"),
])
def test_consultation_without_its_parts_is_refused(emmen, change, code, field):
    signal = signal_as("leerkracht")
    with pytest.raises(Refused) as refused:
        meldcode.record_consultation(*acting("leerkracht"), signal, **{**COMPLETE, **change})
    assert (refused.value.code, refused.value.field) == (code, field)
    assert not signal.dossier.filter(step=2).exists()


@pytest.mark.parametrize(("lead", "veilig_thuis"), [(True, False), (False, True), (True, True)],
                         ids=["aandachtsfunctionaris", "advies-veilig-thuis", "beide"])
def test_consultation_is_recorded_with_outcome_agreements_and_coordinator(emmen, lead, veilig_thuis):
    signal = signal_as("leerkracht")
    entry = meldcode.record_consultation(
        *acting("leerkracht"), signal,
        **{**COMPLETE, "safeguarding_lead": lead, "veilig_thuis": veilig_thuis}, now=OFFICE_HOURS)
    entry.refresh_from_db()
    assert (entry.consulted_safeguarding_lead, entry.consulted_veilig_thuis) == (lead, veilig_thuis)
    assert entry.consultation_outcome == "Zorgen herkend."
    assert entry.agreements == "Juf praat met moeder; IB'er belt de JGZ."
    assert entry.coordinator == "Marieke Zwiers"
