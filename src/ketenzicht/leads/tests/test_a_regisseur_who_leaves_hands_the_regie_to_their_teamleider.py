"""A regisseur (or the parents' named back-up) whose account is deactivated hands the regie to the
longest-serving other active teamleider of their organisation, in the deactivation's transaction:
the change is recorded on the regisseur's history (the old row ends with the reason, a new one
starts with the same kind, preference and agreements), the teamleider is told, and every involved
professional hears of the new regisseur as on any other. A change the leaver proposed still waits
for its answer: the teamleider carries the regie until the proposed one accepts."""

from datetime import timedelta

import time_machine
from django.contrib.auth import get_user_model

from ketenzicht.audit.models import AuditEvent
from ketenzicht.leads.models import AgreedVia, HouseholdLead, LeadKind
from ketenzicht.leads.services import (
    LeadChoice,
    Source,
    accept_change,
    current_lead,
    pending_change,
    propose_change,
)
from ketenzicht.notify.models import Notice
from ketenzicht.organisations.accounts import deactivate
from ketenzicht.organisations.models import Organisation, Role
from ketenzicht.organisations.tests.factories import ProfessionalFactory

from .conftest import THURSDAY, WEDNESDAY, acting, appoint_cjg, de_vries, professional

#: Friday of the same week: the moment the account is deactivated.
FRIDAY = WEDNESDAY + timedelta(days=2)


def _deactivate(username: str, by: str | None = "beheer") -> None:
    with time_machine.travel(FRIDAY, tick=False):
        deactivate(professional(username), by=professional(by) if by else None)


def test_the_regie_goes_to_the_teamleider_as_a_change_on_the_record(emmen):
    old = appoint_cjg()

    _deactivate("cjg-demonden")

    assert not get_user_model().objects.get(username="cjg-demonden").is_active
    old.refresh_from_db()
    assert old.ended_at == FRIDAY
    assert "Bart Lubbers is niet meer actief" in old.end_reason and "Hilde Boelens" in old.end_reason
    new = current_lead(de_vries())
    assert new.professional == professional("teamleider-demonden") and new.started_at == FRIDAY
    assert (new.kind, new.family_preference) == (old.kind, old.family_preference)
    assert (new.agreed_via, new.agreed_via_uuid) == (AgreedVia.DEACTIVATED, professional("cjg-demonden").uuid)
    assert new.appointed_by == professional("beheer")
    assert HouseholdLead.objects.filter(household=de_vries()).count() == 2
    changed = AuditEvent.objects.filter(object_type="regisseur", object_id=str(new.uuid),
                                        purpose__startswith="regie naar de teamleider")
    assert changed.count() == 4 and {e.user_name for e in changed} == {"Ronald Schepers"}  # per member


def test_the_teamleider_and_everyone_involved_are_told_without_the_familys_name(emmen):
    appoint_cjg()

    _deactivate("cjg-demonden")

    [mine] = Notice.objects.filter(recipient=professional("teamleider-demonden"), kind="regisseur-nieuw",
                                  created_at=FRIDAY)
    assert mine.title == "U bent nu regisseur van een huishouden"
    assert "Bart Lubbers is niet meer actief" in mine.body and mine.link == f"/huishoudens/{de_vries().uuid}/"
    told = Notice.objects.filter(kind="regisseur-nieuw", created_at=FRIDAY).exclude(pk=mine.pk)
    recipients = {n.recipient.user.username for n in told}
    assert {"aandacht-kristalla", "jgz"} <= recipients  # the school (no teamleider) and the JGZ
    assert "cjg-demonden" not in recipients  # the one who left
    for notice in told:
        assert "Regisseur: Hilde Boelens, CJG" in notice.body and "Vries" not in notice.title + notice.body


def test_parents_who_keep_regie_get_the_teamleider_as_their_back_up_with_the_same_agreements(emmen):
    appoint_cjg(parents_keep_regie=True, agreements="Moeder belt het CJG bij nieuwe zorgen.",
                family_preference="")

    _deactivate("cjg-demonden")

    new = current_lead(de_vries())
    assert (new.kind, new.professional.user.username) == (LeadKind.PARENTS, "teamleider-demonden")
    assert new.agreements == "Moeder belt het CJG bij nieuwe zorgen."
    [mine] = Notice.objects.filter(recipient=professional("teamleider-demonden"), kind="regisseur-nieuw",
                                  created_at=FRIDAY)
    assert "achtervang" in mine.body


def test_a_leaving_teamleiders_regie_goes_to_the_longest_serving_other_teamleider(emmen):
    team = Organisation.objects.get(slug="cjg-de-monden")
    second = ProfessionalFactory(organisation=team, role=Role.TEAM_LEAD, user__username="teamleider-twee")
    third = ProfessionalFactory(organisation=team, role=Role.TEAM_LEAD, user__username="teamleider-drie")
    by, actor = acting("teamleider-demonden")
    appoint_cjg()
    # Proposing oneself: accepted at once.
    propose_change(by, actor, de_vries(), LeadChoice(professional=by, family_preference="Wil Hilde."),
                   Source(AgreedVia.PLAN), now=WEDNESDAY)

    _deactivate("teamleider-demonden")

    assert current_lead(de_vries()).professional == second and second.pk < third.pk


def test_a_change_they_proposed_still_waits_and_the_teamleider_carries_the_regie_until_it_is_accepted(emmen):
    appoint_cjg()
    by, actor = acting("cjg-demonden")
    handover = propose_change(by, actor, de_vries(), LeadChoice(
        professional=professional("sgt-demonden"), family_preference="Moeder wil Egbert."),
        Source(AgreedVia.PLAN), reason="Meeste contact met het sociaal gebiedsteam.", now=WEDNESDAY)

    _deactivate("cjg-demonden")

    waiting = pending_change(de_vries())
    assert waiting == handover
    assert waiting.lead == current_lead(de_vries())  # hangs on the teamleider's lead now
    assert waiting.lead.professional.user.username == "teamleider-demonden"
    with time_machine.travel(FRIDAY + timedelta(hours=1), tick=False):
        new = accept_change(*acting("sgt-demonden"), handover)
    assert current_lead(de_vries()) == new and new.professional.user.username == "sgt-demonden"
    ended = HouseholdLead.objects.filter(household=de_vries(), ended_at__isnull=False).order_by("started_at")
    assert [lead.professional.user.username for lead in ended] == ["cjg-demonden", "teamleider-demonden"]
    assert ended[0].ended_at == FRIDAY  # the leaver's row kept its own end


def test_a_change_they_proposed_to_the_teamleider_is_declined_the_regie_is_theirs_already(emmen):
    appoint_cjg()
    by, actor = acting("cjg-demonden")
    handover = propose_change(by, actor, de_vries(), LeadChoice(
        professional=professional("teamleider-demonden"), family_preference="Het gezin wil Hilde."),
        Source(AgreedVia.PLAN), now=WEDNESDAY)

    _deactivate("cjg-demonden")

    handover.refresh_from_db()
    assert handover.declined_at == FRIDAY and "al bij Hilde Boelens" in handover.decline_reason
    assert pending_change(de_vries()) is None


def test_any_save_that_turns_the_account_off_moves_the_regie_as_the_system(emmen):
    """The admin's "actief" box, a command or the shell: each is a save of the user."""
    appoint_cjg(now=THURSDAY - timedelta(days=1))
    user = get_user_model().objects.get(username="cjg-demonden")
    user.is_active = False
    with time_machine.travel(FRIDAY, tick=False):
        user.save()

    new = current_lead(de_vries())
    assert new.professional.user.username == "teamleider-demonden" and new.appointed_by is None
    event = AuditEvent.objects.filter(object_id=str(new.uuid), purpose__startswith="regie naar").first()
    assert (event.user_id, event.user_name) == ("system", "Ketenzicht")


def test_without_any_regie_the_leaver_changes_no_household(emmen):
    appoint_cjg()
    before = list(HouseholdLead.objects.values_list("pk", "professional_id", "ended_at"))

    _deactivate("jgz")

    assert list(HouseholdLead.objects.values_list("pk", "professional_id", "ended_at")) == before
