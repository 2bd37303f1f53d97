"""A consultation or MDO is recorded by a professional of the case's team, after it was held (the
date is never in the future), with the participants, the facts considered and the decisions; every
problem of the request is told at once, and the record is audited for every household member."""

from dataclasses import replace

import pytest
import time_machine

from ketenzicht.audit.models import AuditEvent
from ketenzicht.plans import cases, meetings
from ketenzicht.plans.models import ConsultantRole, Meeting, MeetingKind, SharingBasis
from ketenzicht.plans.refusals import all_of
from ketenzicht.refusals import Refused

from .conftest import WEDNESDAY, acting, de_vries, professional
from .meeting_support import due, mdo, recorded_mdo, teacher
from .support import application

pytestmark = pytest.mark.usefixtures("emmen")


def test_the_team_records_an_mdo_with_participants_facts_and_decisions():
    meeting = recorded_mdo()
    assert meeting.kind == MeetingKind.MDO and meeting.held_on == due(-1)
    assert meeting.parents_took_part and not meeting.youth_took_part
    assert "opvoedondersteuning" in meeting.decisions
    [participant] = meeting.participants.all()
    assert participant.organisation.slug == "kristalla" and participant.role == ConsultantRole.PARTNER
    members = {str(m.person.uuid) for m in de_vries().memberships.filter(until__isnull=True)}
    created = AuditEvent.objects.filter(object_type="overleg", object_id=str(meeting.uuid),
                                        event_type="create")
    assert {event.client_pseudonym for event in created} == members


def test_a_consultation_with_a_behavioural_scientist_without_an_account_is_recorded_by_name():
    consultant = meetings.ParticipantData(role=ConsultantRole.BEHAVIOURAL_SCIENTIST, name="Drs. A. Mulder",
                                          organisation=professional("cjg-demonden").organisation)
    meeting = recorded_mdo(kind=MeetingKind.CONSULTATION, participants=(consultant,), actions=())
    [participant] = meeting.participants.all()
    assert participant.name == "Drs. A. Mulder" and participant.professional is None
    assert participant.sharing_basis == SharingBasis.OWN_TEAM  # the own team needs no basis to share


def test_a_meeting_dated_in_the_future_is_refused():
    with time_machine.travel(WEDNESDAY, tick=False), pytest.raises(Refused) as refused:
        recorded_mdo(held_on=due(1))
    assert refused.value.code == "datum-in-de-toekomst" and refused.value.field == "datum"
    assert not Meeting.objects.exists()


def test_a_meeting_held_today_is_recorded():
    with time_machine.travel(WEDNESDAY, tick=False):
        assert recorded_mdo(held_on=due(0)).held_on == due(0)


def test_decisions_are_required_and_every_problem_is_told_at_once():
    request = mdo(decisions=" ", facts="", participants=(teacher(sharing_basis=""),))
    with pytest.raises(Refused) as refused:
        meetings.record_meeting(*acting("cjg-demonden"), application(), request, WEDNESDAY)
    codes = {problem.code for problem in all_of(refused.value)}
    assert codes == {"besluiten-ontbreken", "feiten-ontbreken", "grondslag-ontbreekt"}
    assert {problem.field for problem in all_of(refused.value)} >= {"besluiten", "deelnemers.0.grondslag"}
    assert not Meeting.objects.exists()


def test_someone_outside_the_team_cannot_record_a_meeting_of_its_case():
    case = application()
    with pytest.raises(Refused) as refused:
        meetings.record_meeting(*acting("sgt-demonden"), case, mdo(), WEDNESDAY)
    assert refused.value.code == "geen-teamlid"
    assert not Meeting.objects.exists()


def test_a_closed_case_takes_no_new_meeting():
    case = application()
    cases.close_case(*acting("teamleider-demonden"), case, "geen-zorgen", "Gesprek gehad, geen zorgen.")
    with pytest.raises(Refused) as refused:
        meetings.record_meeting(*acting("cjg-demonden"), case, mdo(), WEDNESDAY)
    assert refused.value.code == "casus-gesloten"


def test_a_participant_named_twice_or_without_name_and_organisation_is_refused():
    nameless = meetings.ParticipantData(role=ConsultantRole.COLLEAGUE)
    request = mdo(participants=(teacher(), teacher(), nameless))
    with pytest.raises(Refused) as refused:
        meetings.record_meeting(*acting("cjg-demonden"), application(), request, WEDNESDAY)
    codes = [problem.code for problem in all_of(refused.value)]
    assert codes == ["deelnemer-dubbel", "naam-ontbreekt", "organisatie-ontbreekt"]


def test_the_form_token_records_a_double_submit_once():
    case = application()
    request = replace(mdo(), form_token="0b0a6f8e-8f6b-4a63-9d7e-3f0a2b1c4d5e")
    first = meetings.record_meeting(*acting("cjg-demonden"), case, request, WEDNESDAY)
    second = meetings.record_meeting(*acting("cjg-demonden"), case, request, WEDNESDAY)
    assert first == second and Meeting.objects.count() == 1
