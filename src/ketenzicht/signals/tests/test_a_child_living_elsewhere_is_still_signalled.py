"""A signal about a child who lives outside the chain's districts is still recorded and its
Meldcode starts (hesitating is the leak the report found): no desk is proposed, the signaller is
told to contact the home municipality, may report to Veilig Thuis, and must choose a desk to share."""

import pytest

from ketenzicht.access.models import AccessBasis
from ketenzicht.organisations.models import Organisation
from ketenzicht.people.tests.factories import PersonFactory
from ketenzicht.refusals import Refused
from ketenzicht.signals import meldcode
from ketenzicht.signals.models import Decision, RouteKind
from ketenzicht.signals.services import SignalRequest, record_signal, share_signal

from .conftest import OFFICE_HOURS, PARENTS_CONSENT, acting
from .support import consult


@pytest.fixture
def elsewhere(emmen):
    """A pupil of Kristalla who lives in another municipality (no household in its districts)."""
    child = PersonFactory(given_names="Finn", surname="Bos")
    AccessBasis.objects.create(organisation=Organisation.objects.get(slug="kristalla"),
                               person=child, kind="client")
    return record_signal(*acting("leerkracht"), SignalRequest(
        categories=("lichamelijke-verwaarlozing",), urgency="regulier",
        facts="Finn heeft al dagen honger.", person=child), OFFICE_HOURS)


def test_a_child_living_elsewhere_is_still_signalled(elsewhere):
    assert elsewhere.proposed_desk is None and elsewhere.proposed_rule == "geen-loket"
    assert "Neem contact op met het CJG-Jeugdteam of Veilig Thuis van de woonplaats" \
        in elsewhere.proposed_reason
    assert elsewhere.next_step == 2  # the Meldcode goes on


def test_sharing_without_a_proposal_asks_to_choose_a_desk(elsewhere):
    with pytest.raises(Refused) as refused:
        share_signal(*acting("leerkracht"), elsewhere, PARENTS_CONSENT, OFFICE_HOURS)
    assert refused.value.code == "geen-loket"


def test_the_meldcode_can_still_report_to_veilig_thuis(elsewhere):
    who, actor = acting("leerkracht")
    consult(elsewhere)
    meldcode.record_conversation(who, actor, elsewhere, notes="Gesprek met vader.", now=OFFICE_HOURS)
    meldcode.record_weighing(who, actor, elsewhere, (True, True), now=OFFICE_HOURS)
    result = meldcode.record_decision(who, actor, elsewhere, Decision.REPORT,
                                      share=PARENTS_CONSENT, now=OFFICE_HOURS)
    assert (result.report.desk.slug, result.report.kind) == ("veilig-thuis-drenthe", RouteKind.REPORT)
