"""The BSN never reaches the audit trail: not in any column, not in the detail, not in search."""

import pytest

from ketenzicht.access.audited import actor_for, open_person, search_by_bsn
from ketenzicht.audit.models import AuditEvent
from ketenzicht.audit.reports import access_report
from ketenzicht.audit.services import SYSTEM
from ketenzicht.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

KNOWN_BSN = "999090008"  # synthetic (999 range), valid by the elfproef
UNKNOWN_BSN = "999090021"  # valid, but nobody in Ketenzicht has it


def every_value_in_the_trail() -> str:
    """Every column of every event as text, the JSON detail included."""
    rows = AuditEvent.objects.values_list(*[f.attname for f in AuditEvent._meta.fields])
    return "\n".join(repr(value) for row in rows for value in row)


@pytest.mark.urls("ketenzicht.audit.tests.admin_urls")
def test_no_bsn_in_audit_trail(parties, admin_client):
    from ketenzicht.access.services import grant_basis

    person = PersonFactory(bsn=KNOWN_BSN, given_names="Sem")
    grant_basis(parties.involved_organisation, person, "client", actor=SYSTEM)
    involved = actor_for(parties.involved, access_point="10.0.0.1")
    stranger = actor_for(parties.stranger, access_point="10.0.0.2")

    assert search_by_bsn(parties.involved, involved, KNOWN_BSN).person == person
    assert search_by_bsn(parties.stranger, stranger, KNOWN_BSN).person is None
    assert search_by_bsn(parties.involved, involved, UNKNOWN_BSN).person is None
    assert search_by_bsn(parties.involved, involved, KNOWN_BSN[:-1] + "0").error is not None
    open_person(parties.involved, involved, person.uuid)
    open_person(parties.stranger, stranger, person.uuid)
    access_report(involved, str(person.uuid), person.created_at.replace(year=2000),
                  person.created_at.replace(year=2100), export=True)
    # An administrator typing a BSN into the audit trail's search box is sent back to the list
    # without it (and the list is audited as a list without a search):
    response = admin_client.get("/beheer/audit/auditevent/", {"q": KNOWN_BSN}, follow=True)
    assert response.status_code == 200
    assert KNOWN_BSN not in response.content.decode()

    trail = every_value_in_the_trail()
    assert AuditEvent.objects.count() == 8  # the grant of the basis is audited too
    assert str(person.uuid) in trail  # the pseudonym is there ...
    for bsn in (KNOWN_BSN, UNKNOWN_BSN, KNOWN_BSN[:-1] + "0"):
        assert bsn not in trail  # ... the BSN is not
