"""A change of regisseur is a warm handover: the current regisseur stays until the proposed one
accepts; a decline keeps the current one; one change waits at a time; only the current
regisseur's organisation proposes and only the proposed professional (or their teamleider)
answers."""

import pytest

from ketenzicht.leads.models import HouseholdLead, LeadHandover
from ketenzicht.leads.services import (
    LeadChoice,
    Source,
    accept_change,
    current_lead,
    decline_change,
    pending_change,
    propose_change,
)
from ketenzicht.notify.models import Notice
from ketenzicht.refusals import RefusalKind, Refused

from .conftest import THURSDAY, WEDNESDAY, acting, appoint_cjg, de_vries, professional


def _propose_sgt(username: str = "cjg-demonden") -> LeadHandover:
    by, actor = acting(username)
    return propose_change(by, actor, de_vries(), LeadChoice(
        professional=professional("sgt-demonden"), family_preference="Moeder wil Egbert als regisseur."),
        Source("gezinsplan"), reason="Het gezin heeft het meeste contact met het sociaal gebiedsteam.",
        now=WEDNESDAY)


def test_the_current_regisseur_stays_until_the_new_one_accepts(emmen):
    old = appoint_cjg()
    handover = _propose_sgt()
    assert current_lead(de_vries()) == old and pending_change(de_vries()) == handover
    assert Notice.objects.filter(recipient=professional("sgt-demonden"), kind="regisseur-gevraagd").exists()
    new = accept_change(*acting("sgt-demonden"), handover, now=THURSDAY)
    old.refresh_from_db()
    assert old.ended_at == THURSDAY and "Warm overgedragen" in old.end_reason
    assert current_lead(de_vries()) == new
    assert (new.professional.user.username, new.started_at) == ("sgt-demonden", THURSDAY)
    assert new.family_preference == "Moeder wil Egbert als regisseur."
    assert pending_change(de_vries()) is None
    assert HouseholdLead.objects.filter(household=de_vries()).count() == 2


def test_a_declined_change_keeps_the_current_regisseur(emmen):
    old = appoint_cjg()
    handover = _propose_sgt()
    with pytest.raises(Refused) as refused:
        decline_change(*acting("sgt-demonden"), handover, reason="")
    assert refused.value.field == "reason"
    decline_change(*acting("sgt-demonden"), handover, reason="Ik zie het gezin te weinig.", now=THURSDAY)
    assert current_lead(de_vries()) == old and pending_change(de_vries()) is None
    told = Notice.objects.get(recipient=professional("cjg-demonden"), kind="regisseur-afgewezen")
    assert "Egbert Drenth neemt de regie niet over" in told.body and "De Vries" not in told.title
    assert LeadHandover.objects.get().decline_reason == "Ik zie het gezin te weinig."  # on the record


def test_one_change_waits_at_a_time(emmen):
    appoint_cjg()
    _propose_sgt()
    by, actor = acting("teamleider-demonden")
    with pytest.raises(Refused) as refused:
        propose_change(by, actor, de_vries(), LeadChoice(professional=professional("jgz"),
                                                         family_preference="De JGZ."),
                       Source("gezinsplan"))
    assert (refused.value.kind, refused.value.code) == (RefusalKind.CONFLICT, "wissel-loopt")


def test_only_the_current_regisseurs_organisation_proposes_a_change(emmen):
    appoint_cjg()
    with pytest.raises(Refused) as refused:
        _propose_sgt("jgz")
    assert (refused.value.kind, refused.value.code) == (RefusalKind.FORBIDDEN, "geen-wissel-toegestaan")
    assert pending_change(de_vries()) is None


def test_only_the_proposed_professional_or_their_teamleider_answers(emmen):
    old = appoint_cjg()
    handover = _propose_sgt()
    for username in ("jgz", "cjg-demonden"):
        with pytest.raises(Refused) as refused:
            accept_change(*acting(username), handover)
        assert refused.value.code == "geen-ontvanger"
    assert current_lead(de_vries()) == old


def test_proposing_oneself_completes_the_handover_at_once(emmen):
    appoint_cjg()
    by, actor = acting("teamleider-demonden")
    handover = propose_change(by, actor, de_vries(), LeadChoice(
        professional=by, family_preference="Vader wil de teamleider spreken."), Source("casus"), now=THURSDAY)
    assert handover.accepted_at == THURSDAY
    assert current_lead(de_vries()).professional.user.username == "teamleider-demonden"
