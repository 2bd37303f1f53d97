"""A declined change of regisseur and an ended regie keep their free-text reason on the record, not
in the notice (notices are e-mailed; a reason may name the family), as a declined case handover."""

import pytest

from ketenzicht.leads.models import HouseholdLead, LeadHandover
from ketenzicht.leads.services import LeadChoice, Source, decline_change, end, propose_change
from ketenzicht.notify.models import Notice

from .conftest import THURSDAY, acting, appoint_cjg, de_vries, professional

pytestmark = pytest.mark.usefixtures("emmen")
REASON = "Anja de Vries wil niet met school praten."


def test_a_declined_change_keeps_its_reason_on_the_handover():
    appoint_cjg()
    handover = propose_change(*acting("cjg-demonden"), de_vries(), LeadChoice(
        professional=professional("sgt-demonden"), family_preference="Moeder wil Egbert."), Source("test"),
        now=THURSDAY)
    decline_change(*acting("sgt-demonden"), handover, reason=REASON, now=THURSDAY)
    told = Notice.objects.get(kind="regisseur-afgewezen", recipient=professional("cjg-demonden"))
    assert "Anja" not in told.body and told.link == f"/regisseur/wissels/{handover.uuid}/"
    assert LeadHandover.objects.get().decline_reason == REASON


def test_an_ended_regie_keeps_its_reason_on_the_lead():
    appoint_cjg()
    end(*acting("cjg-demonden"), de_vries(), reason=REASON, now=THURSDAY)
    notices = Notice.objects.filter(kind="regisseur-beeindigd")
    assert notices.exists() and not any("Anja" in n.body for n in notices)
    assert HouseholdLead.objects.get().end_reason == REASON
