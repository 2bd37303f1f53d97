"""Inviting another organisation records the basis for sharing (domain.md §5): the consent of
everyone whose consent counts by the age bands of ``people.ages`` — under 12 a parent, 12–15 the
youth and a parent, from 16 (and an adult) the person themselves — or the reason why safety
requires sharing without consent. The basis is audited for every member of the household."""

import pytest

from ketenzicht.audit.models import AuditEvent
from ketenzicht.people.services import find_person_by_bsn
from ketenzicht.plans import meetings
from ketenzicht.plans.models import SharingBasis
from ketenzicht.plans.refusals import all_of
from ketenzicht.refusals import Refused

from .conftest import DAAN, WEDNESDAY, acting, de_vries
from .meeting_support import ANJA, EMMA, MARCO, TODAY, mdo, recorded_mdo, teacher
from .support import application

pytestmark = pytest.mark.usefixtures("emmen")


def _refusal(participant) -> Refused:
    with pytest.raises(Refused) as refused:
        meetings.record_meeting(*acting("cjg-demonden"), application(), mdo(participants=(participant,)),
                                WEDNESDAY)
    [problem] = all_of(refused.value)
    return problem


def test_whose_consent_counts_follows_the_age_bands():
    needs = {need.person.given_names: need.consent_of for need in meetings.consent_needed(de_vries(), TODAY)}
    assert needs == {"Daan": "ouders", "Emma": "jeugdige en ouders", "Anja": "de persoon zelf",
                     "Marco": "de persoon zelf"}
    # Daan (9) cannot consent himself: only members from 12 are asked.
    givers = [p.given_names for p in meetings.consent_givers(de_vries(), TODAY)]
    assert givers == ["Emma", "Marco", "Anja"]  # by date of birth


def test_consent_of_everyone_whose_consent_counts_shares_with_the_school():
    meeting = recorded_mdo()
    [participant] = meeting.participants.all()
    assert participant.sharing_basis == SharingBasis.CONSENT
    assert {p.given_names for p in participant.consent_given_by.all()} == {"Emma", "Anja", "Marco"}


def test_the_parents_alone_do_not_consent_for_a_youth_of_14():
    parents = (find_person_by_bsn(ANJA), find_person_by_bsn(MARCO))
    problem = _refusal(teacher(consent_given_by=parents))
    assert problem.code == "toestemming-onvolledig" and problem.field == "deelnemers.0.toestemming"
    assert "Emma (14) de toestemming van Emma zelf" in problem.message


def test_a_youth_of_14_alone_does_not_consent_without_a_parent():
    problem = _refusal(teacher(consent_given_by=(find_person_by_bsn(EMMA),)))
    assert "voor Daan (9) de toestemming van een ouder" in problem.message
    assert "voor Emma (14) de toestemming van een ouder" in problem.message
    assert "Anja (41) de toestemming van Anja zelf" in problem.message


def test_a_child_under_12_cannot_give_consent():
    everyone = (*meetings.consent_givers(de_vries(), TODAY), find_person_by_bsn(DAAN))
    # Daan's tick does not count for anything, but is not refused either: it is simply not needed.
    assert not meetings.missing_consent(de_vries(), {p.pk for p in everyone}, TODAY)


def test_sharing_without_consent_needs_the_safety_reason():
    problem = _refusal(teacher(sharing_basis=SharingBasis.SAFETY, consent_given_by=()))
    assert problem.code == "veiligheidsreden-ontbreekt" and problem.field == "deelnemers.0.veiligheidsreden"
    reason = "Acuut gevaar voor Daan; de ouders weigeren."
    meeting = recorded_mdo(participants=(teacher(sharing_basis=SharingBasis.SAFETY, consent_given_by=(),
                                                 safety_reason=reason),))
    [participant] = meeting.participants.all()
    assert participant.safety_reason.startswith("Acuut gevaar")
    assert not participant.consent_given_by.exists()


def test_an_invited_organisation_without_a_basis_is_refused():
    problem = _refusal(teacher(sharing_basis=""))
    assert problem.code == "grondslag-ontbreekt"


def test_the_basis_for_sharing_is_audited_for_every_household_member():
    meeting = recorded_mdo()
    shared = AuditEvent.objects.filter(object_type="overleg", object_id=str(meeting.uuid),
                                       purpose="overleg: gedeeld met een andere organisatie")
    by_member = {event.client_pseudonym: event.detail for event in shared}
    members = {str(m.person.uuid): m.person.given_names
               for m in de_vries().memberships.filter(until__isnull=True)}
    assert set(by_member) == set(members)
    assert {members[uuid]: detail["toestemming van"] for uuid, detail in by_member.items()} == {
        "Daan": "ouders", "Emma": "jeugdige en ouders", "Anja": "de persoon zelf", "Marco": "de persoon zelf"}
    assert {detail["organisatie"] for detail in by_member.values()} == {"kristalla"}
