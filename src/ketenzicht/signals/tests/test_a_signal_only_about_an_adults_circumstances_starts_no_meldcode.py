"""The Meldcode is about domestic violence and child abuse (domain.md §3). A signal only about an
adult's own circumstances — armoede, schulden, huisvesting (also zorgmijding or overig,
``categories.NOT_ABOUT_A_CHILD``) — without a concern about a child starts no Meldcode dossier
and no Meldcode reminders: it goes to the sociaal gebiedsteam of the residence district (routing
rule ``omstandigheden-volwassene``), and sharing it works as for any signal. A concern about a
child, or a category that names one, keeps the Meldcode."""

from datetime import datetime, timedelta

import pytest
import time_machine

from ketenzicht.notify.models import Notice
from ketenzicht.refusals import RefusalKind, Refused
from ketenzicht.signals import desks, meldcode
from ketenzicht.signals.deadlines import run_deadline_jobs
from ketenzicht.signals.models import (
    ConsentBasis,
    ConsentGiver,
    DossierEntry,
    MeldcodeStep,
    SignalStatus,
)
from ketenzicht.signals.routing import Rule
from ketenzicht.signals.services import Consent, ShareRequest

from .conftest import AMSTERDAM, ANJA, OFFICE_HOURS, acting, signal_as
from .support import fresh, share

CLIENTS_CONSENT = ShareRequest(Consent(ConsentBasis.CONSENT, given_by=ConsentGiver.CLIENT))
MONTHS_LATER = datetime(2027, 3, 1, 9, tzinfo=AMSTERDAM)
NOT_THE_MELDCODE = ("Dit signaal gaat alleen over de omstandigheden van een volwassene, zonder "
                    "zorg over een kind: de meldcode huiselijk geweld en kindermishandeling is "
                    "hier niet van toepassing.")


def _about_anjas_debts(categories=("schulden",), **extra):
    return signal_as("ggz", ANJA, categories=categories, facts="Mevrouw heeft grote schulden.",
                     **extra)


@pytest.mark.parametrize("categories", [("schulden",), ("armoede", "huisvesting"),
                                        ("zorgmijding",)])
def test_no_meldcode_dossier_for_an_adults_circumstances(emmen, categories):
    signal = _about_anjas_debts(categories)
    assert signal.proposed_rule == Rule.ADULT_CIRCUMSTANCES
    assert signal.proposed_desk.slug == "sgt-de-monden"
    assert signal.meldcode_applies is False
    assert (signal.next_step, signal.step_due) == (None, None)
    assert not DossierEntry.objects.filter(signal=signal).exists()
    assert meldcode.next_step(signal) is None


def test_no_meldcode_reminders_ever(emmen):
    _about_anjas_debts()
    with time_machine.travel(MONTHS_LATER, tick=False):
        counts = run_deadline_jobs()
    assert (counts["meldcode_reminded"], counts["evaluations_reminded"]) == (0, 0)
    assert not Notice.objects.filter(kind="meldcode-herinnering").exists()


def test_no_meldcode_step_can_be_recorded(emmen):
    signal = _about_anjas_debts()
    with pytest.raises(Refused) as refused:
        meldcode.record_consultation(
            *acting("ggz"), signal, safeguarding_lead=True, veilig_thuis=False,
            outcome="Besproken.", agreements="Doorverwijzen.", coordinator="Ggz", now=OFFICE_HOURS)
    assert (refused.value.code, refused.value.kind) == ("geen-meldcode", RefusalKind.CONFLICT)
    assert refused.value.message == NOT_THE_MELDCODE
    assert not DossierEntry.objects.filter(signal=signal).exists()


def test_sharing_with_the_sociaal_gebiedsteam_keeps_working_and_ends_closed(emmen):
    signal = _about_anjas_debts()
    route = share(signal, "ggz", CLIENTS_CONSENT)
    assert route.desk.slug == "sgt-de-monden"
    assert fresh(signal).status == SignalStatus.SHARED
    sgt, actor = acting("sgt-demonden")
    later = [OFFICE_HOURS + timedelta(hours=hours) for hours in range(1, 5)]
    desks.accept(sgt, actor, route, now=later[0])
    desks.record_assessment(sgt, actor, route, "eigen-hulp", now=later[1])
    desks.record_help_started(sgt, actor, route, now=later[2])
    desks.end_route(sgt, actor, route, now=later[3])
    # No Meldcode is left open, so the signal closes rather than going back to the signaller.
    assert fresh(signal).status == SignalStatus.CLOSED


@pytest.mark.parametrize(("categories", "child_concern"), [
    pytest.param(("schulden",), True, id="schulden-met-zorg-over-kind"),
    pytest.param(("schulden", "huiselijk-geweld-partners"), False, id="huiselijk-geweld"),
])
def test_a_concern_about_a_child_or_domestic_violence_keeps_the_meldcode(emmen, categories,
                                                                          child_concern):
    signal = _about_anjas_debts(categories, child_concern=child_concern)
    assert signal.meldcode_applies is True
    assert signal.next_step == MeldcodeStep.CONSULTATION
    assert DossierEntry.objects.filter(signal=signal, step=MeldcodeStep.SIGNALS).exists()
