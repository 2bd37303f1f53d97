"""A district team finds a resident without a basis only to record an application or a signal:
the search asks the purpose and the reason, audits both in the resident's access report, shows
only the name and the date of birth, and opens nothing by itself."""

import pytest

from ketenzicht.access.audited import actor_for
from ketenzicht.access.resident_search import Resident, SearchPurpose, find_resident
from ketenzicht.access.services import visible_person
from ketenzicht.audit.models import AuditEvent, EventType, Outcome
from ketenzicht.people.services import reveal_bsn
from ketenzicht.people.tests.factories import HouseholdFactory, MembershipFactory, PersonFactory
from ketenzicht.refusals import RefusalKind, Refused

REASON = "Moeder belt: Daan slaapt slecht en is vaak boos."


def _find(professional, bsn, purpose=SearchPurpose.APPLICATION, reason=REASON):
    return find_resident(professional, actor_for(professional), bsn, purpose, reason)


def test_the_search_for_an_application_finds_the_name_and_birth_date_and_is_audited(parties):
    team = parties.district_team
    found = _find(team, reveal_bsn(parties.child))

    assert found == Resident(bsn=reveal_bsn(parties.child), name="Daan de Vries",
                             date_of_birth=parties.child.date_of_birth,
                             purpose=SearchPurpose.APPLICATION)
    event = AuditEvent.objects.get()
    assert (event.event_type, event.outcome, event.client_pseudonym) == (
        EventType.SEARCH, Outcome.SUCCESS, str(parties.child.uuid))
    assert event.purpose == f"zoeken voor aanmelding: {REASON}"
    assert event.detail == {"doel": "aanmelding", "reden": REASON}
    # Finding opens nothing: the application (or signal) that follows gives the basis.
    assert visible_person(team, parties.child.uuid) is None


def test_a_resident_of_another_district_is_not_found_and_the_attempt_is_audited(parties):
    elsewhere = PersonFactory(given_names="Kevin", surname="Smit")
    MembershipFactory(household=HouseholdFactory(name="Smit"), person=elsewhere)

    assert _find(parties.district_team, reveal_bsn(elsewhere), SearchPurpose.SIGNAL) is None
    event = AuditEvent.objects.get()
    assert (event.outcome, event.client_pseudonym) == (Outcome.DENIED, str(elsewhere.uuid))
    assert event.purpose == f"zoeken voor signaal: {REASON}"


def test_only_a_district_team_may_search_this_way_and_a_refusal_is_audited(parties):
    with pytest.raises(Refused) as refused:
        _find(parties.involved, reveal_bsn(parties.child))  # the school
    assert (refused.value.code, refused.value.kind) == ("geen-gebiedsteam", RefusalKind.FORBIDDEN)
    assert AuditEvent.objects.get().outcome == Outcome.DENIED


@pytest.mark.parametrize(("purpose", "reason", "code"), [
    ("nieuwsgierig", REASON, "doel-onbekend"),
    (SearchPurpose.APPLICATION, "   ", "reden-ontbreekt"),
    (SearchPurpose.APPLICATION, "x" * 501, "reden-te-lang"),
])
def test_the_purpose_and_a_reason_are_required(parties, purpose, reason, code):
    with pytest.raises(Refused) as refused:
        _find(parties.district_team, reveal_bsn(parties.child), purpose, reason)
    assert refused.value.code == code
    assert not AuditEvent.objects.filter(outcome=Outcome.SUCCESS).exists()


def test_an_invalid_bsn_is_an_input_error(parties):
    with pytest.raises(Refused) as refused:
        _find(parties.district_team, "123456789")
    assert (refused.value.code, refused.value.field) == ("bsn-ongeldig", "bsn")
