"""The system proposes the desk; the professional may choose another, but only with a reason."""

import pytest

from ketenzicht.refusals import Refused
from ketenzicht.signals.models import ConsentBasis, ConsentGiver, RouteKind
from ketenzicht.signals.services import Consent, ShareRequest

from .conftest import DAAN, EMMA, PARENTS_CONSENT, SANNE, signal_as
from .support import share


def _choose(slug: str, reason: str = "") -> ShareRequest:
    return ShareRequest(PARENTS_CONSENT.consent, desk_slug=slug, deviation_reason=reason)


@pytest.mark.parametrize("reason", ["", "   "], ids=["leeg", "spaties"])
def test_another_desk_without_a_reason_is_refused(emmen, reason):
    signal = signal_as("leerkracht")
    with pytest.raises(Refused) as refused:
        share(signal, request=_choose("cjg-emmen-zuid", reason))
    assert refused.value.code == "reden-afwijking-ontbreekt"
    assert "CJG" in refused.value.message  # names the proposed desk
    assert not signal.routes.exists()


def test_another_desk_with_a_reason_is_recorded(emmen):
    signal = signal_as("leerkracht")
    route = share(signal, request=_choose("cjg-emmen-zuid", "Gezin verhuist volgende week."))
    assert route.desk.slug == "cjg-emmen-zuid"
    assert route.deviation_reason == "Gezin verhuist volgende week."
    assert route.kind == RouteKind.SIGNAL


def test_choosing_veilig_thuis_makes_it_a_report(emmen):
    signal = signal_as("leerkracht")
    route = share(signal, request=_choose("veilig-thuis-drenthe", "Ernstige zorgen."))
    assert route.kind == RouteKind.REPORT
    assert route.due_at is not None


def test_the_proposed_desk_needs_no_reason(emmen):
    signal = signal_as("leerkracht")
    route = share(signal, request=_choose("cjg-de-monden"))
    assert (route.desk.slug, route.deviation_reason) == ("cjg-de-monden", "")


@pytest.mark.parametrize("slug", ["kristalla", "bestaat-niet"], ids=["school", "onbekend"])
def test_only_desks_that_receive_signals(emmen, slug):
    signal = signal_as("leerkracht")
    with pytest.raises(Refused) as refused:
        share(signal, request=_choose(slug, "Liever hier."))
    assert refused.value.code == "loket-onbekend"


def test_the_cjg_12plus_offered_for_a_secondary_school_pupil_needs_no_reason(emmen):
    signal = signal_as("leerkracht", EMMA, categories=("schoolverzuim",))  # 14, at Esdal College
    route = share(signal, request=ShareRequest(
        Consent(ConsentBasis.CONSENT, ConsentGiver.YOUTH_AND_PARENTS), desk_slug="cjg-12plus"))
    assert (route.desk.slug, route.kind, route.deviation_reason) == ("cjg-12plus", RouteKind.SIGNAL, "")
    assert "voortgezet onderwijs" in route.reason


@pytest.mark.parametrize("bsn", [DAAN, SANNE], ids=["basisschool-9-jaar", "16-jaar-geen-leerling-vo"])
def test_the_cjg_12plus_for_a_youth_who_is_no_secondary_school_pupil_is_a_deviation(emmen, bsn):
    signal = signal_as("leerkracht", bsn)  # no alternative offered
    with pytest.raises(Refused) as refused:
        share(signal, request=_choose("cjg-12plus"))
    assert refused.value.code == "reden-afwijking-ontbreekt"
