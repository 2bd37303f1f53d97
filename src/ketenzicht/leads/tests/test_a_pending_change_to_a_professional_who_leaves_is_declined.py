"""A change of regisseur proposed to a professional whose account is deactivated is declined in
the deactivation's transaction, the reason on the change; the proposer and the current regisseur
hear of it and the current regisseur simply stays. Someone who left cannot be proposed again."""

from datetime import timedelta

import pytest
import time_machine

from ketenzicht.audit.models import AuditEvent
from ketenzicht.leads.models import LeadHandover
from ketenzicht.leads.services import LeadChoice, Source, current_lead, pending_change, propose_change
from ketenzicht.notify.models import Notice
from ketenzicht.organisations.accounts import deactivate
from ketenzicht.refusals import Refused

from .conftest import WEDNESDAY, acting, appoint_cjg, de_vries, professional

FRIDAY = WEDNESDAY + timedelta(days=2)


def _propose(username: str) -> LeadHandover:
    return propose_change(*acting("teamleider-demonden"), de_vries(), LeadChoice(
        professional=professional(username), family_preference="Moeder wil Egbert."),
        Source("gezinsplan"), reason="Meeste contact met het sociaal gebiedsteam.", now=WEDNESDAY)


def test_the_change_to_them_is_declined_with_the_reason_and_the_regisseur_stays(emmen):
    lead = appoint_cjg()
    handover = _propose("sgt-demonden")

    with time_machine.travel(FRIDAY, tick=False):
        deactivate(professional("sgt-demonden"), by=professional("beheer"))

    handover.refresh_from_db()
    assert handover.declined_at == FRIDAY and handover.accepted_at is None
    assert handover.decline_reason.startswith("Het account van Egbert Drenth is gedeactiveerd")
    assert current_lead(de_vries()) == lead and pending_change(de_vries()) is None
    declined = AuditEvent.objects.filter(object_id=str(handover.uuid),
                                         purpose="wissel van regisseur afgewezen (account gedeactiveerd)")
    assert declined.count() == 4  # one per member of the household


def test_the_proposer_and_the_current_regisseur_hear_it_without_the_familys_name(emmen):
    appoint_cjg()
    handover = _propose("sgt-demonden")

    with time_machine.travel(FRIDAY, tick=False):
        deactivate(professional("sgt-demonden"), by=professional("beheer"))

    told = Notice.objects.filter(kind="regisseur-afgewezen", subject_key=f"{handover.uuid}:afgewezen")
    assert {n.recipient.user.username for n in told} == {"teamleider-demonden", "cjg-demonden"}
    for notice in told:
        assert "Egbert Drenth is niet meer actief" in notice.body
        assert "Vries" not in notice.title + notice.body


def test_someone_who_left_cannot_be_proposed_again(emmen):
    appoint_cjg()
    _propose("sgt-demonden")
    with time_machine.travel(FRIDAY, tick=False):
        deactivate(professional("sgt-demonden"), by=professional("beheer"))

    with pytest.raises(Refused) as refused:
        _propose("sgt-demonden")
    assert refused.value.code == "regisseur-ongeldig" and pending_change(de_vries()) is None
