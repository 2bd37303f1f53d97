"""An advice request to Veilig Thuis (Meldcode step 2) is asked without the person's name: it
needs no consent, lands in Veilig Thuis's inbox (without the 5-day clock of a report: there is
no one to assess), and gives Veilig Thuis no basis on the person nor the signal."""

from ketenzicht.access.services import visible_person
from ketenzicht.signals import desks
from ketenzicht.signals.access import open_signal, visible_signals
from ketenzicht.signals.models import ConsentBasis, RouteKind, SignalStatus
from ketenzicht.signals.services import request_advice

from .conftest import DAAN, OFFICE_HOURS, acting, signal_as
from .support import fresh, person


def test_advice_request_needs_no_consent_and_gives_veilig_thuis_no_access(emmen):
    signal = signal_as("leerkracht")
    route = request_advice(*acting("leerkracht"), signal, "Melden of eerst hulp?", OFFICE_HOURS)
    assert (route.kind, route.consent_basis, route.consent_given_by) == (
        RouteKind.ADVICE, ConsentBasis.NOT_NEEDED, "")
    vt, vt_actor = acting("veiligthuis")
    assert route in desks.inbox(vt)
    assert route.due_at is None
    assert visible_person(vt, person(DAAN).uuid) is None
    assert not visible_signals(vt).filter(pk=signal.pk).exists()
    assert open_signal(vt, vt_actor, signal.uuid) is None
    # Asking advice is part of the Meldcode: the signal stays with the signaller.
    assert fresh(signal).status == SignalStatus.OPEN
