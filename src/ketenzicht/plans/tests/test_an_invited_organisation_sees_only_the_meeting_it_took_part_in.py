"""An invited organisation (here the JGZ, without any basis on the De Vries household) sees only the
record of the meeting it took part in: taking part gives no basis on the household (the person and
household pages stay 404), nor on another meeting of the same household. The case's team sees every
meeting of its case; an uninvolved organisation gets the 404 of a missing page. Every read and
every refusal is audited for each household member."""

import uuid

import pytest

from ketenzicht.access.models import AccessBasis
from ketenzicht.audit.models import AuditEvent, Outcome
from ketenzicht.plans import meetings
from ketenzicht.plans.models import ConsultantRole, MeetingKind
from ketenzicht.web.tests.conftest import events_since, last_event_id, without_csrf
from ketenzicht.web.tests.vir_login import logged_in

from .conftest import de_vries, professional
from .meeting_support import partner, recorded_mdo
from .support import application

pytestmark = pytest.mark.usefixtures("emmen")


def _members() -> set[str]:
    return {str(m.person.uuid) for m in de_vries().memberships.filter(until__isnull=True)}


def _two_meetings():
    """An MDO with the school, and a consultation of the team alone about the same household."""
    case = application()
    mdo = recorded_mdo(case, participants=(partner("jgz"),))
    colleague = meetings.ParticipantData(role=ConsultantRole.BEHAVIOURAL_SCIENTIST, name="Drs. A. Mulder",
                                         organisation=professional("cjg-demonden").organisation)
    consultation = recorded_mdo(case, kind=MeetingKind.CONSULTATION, participants=(colleague,),
                                actions=(), facts="Zorg om de hechting van Daan.",
                                decisions="Video-hometraining overwegen.")
    return mdo, consultation


def test_the_team_sees_every_meeting_of_its_case():
    mdo, consultation = _two_meetings()
    client = logged_in("cjg-demonden")
    for meeting in (mdo, consultation):
        response = client.get(f"/overleggen/{meeting.uuid}/")
        assert response.status_code == 200
    page = client.get(f"/overleggen/{mdo.uuid}/").content.decode()
    assert "MDO over huishouden De Vries" in page and "Naar de casus van huishouden De Vries" in page
    assert "Emma de Vries" in page  # the team sees who consented


def test_the_invited_jgz_sees_the_mdo_but_not_the_case_nor_the_household():
    mdo, consultation = _two_meetings()
    client = logged_in("jgz")
    mark = last_event_id()
    page = client.get(f"/overleggen/{mdo.uuid}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "MDO over huishouden De Vries" in html and "Opvoedondersteuning met de ouders starten." in html
    assert "/casussen/" not in html and "/huishoudens/" not in html and "/personen/" not in html
    assert "Emma de Vries" not in html  # consent details stay with the team
    read = [e for e in events_since(mark) if e.object_type == "overleg"]
    assert {e.client_pseudonym for e in read} == _members()
    assert {e.purpose for e in read} == {"deelnemer aan het overleg"}
    # Taking part is no basis on the household: its pages and the other meeting are 404.
    jgz = professional("jgz").organisation
    household = de_vries()
    assert not AccessBasis.objects.filter(organisation=jgz, person__memberships__household=household).exists()
    people = [f"/personen/{m.person.uuid}/" for m in de_vries().memberships.filter(until__isnull=True)]
    for url in (f"/huishoudens/{de_vries().uuid}/", f"/overleggen/{consultation.uuid}/",
                f"/casussen/{mdo.case.uuid}/", *people):
        assert client.get(url).status_code == 404, url


def test_an_uninvolved_organisation_gets_the_404_of_a_missing_meeting_and_is_audited():
    mdo, _consultation = _two_meetings()
    client = logged_in("wijkagent")
    mark = last_event_id()
    existing = client.get(f"/overleggen/{mdo.uuid}/")
    missing = client.get(f"/overleggen/{uuid.uuid4()}/")
    assert existing.status_code == missing.status_code == 404
    assert without_csrf(existing.content) == without_csrf(missing.content)
    denied = [e for e in events_since(mark) if e.object_type == "overleg" and e.outcome == Outcome.DENIED]
    assert {e.client_pseudonym for e in denied if e.object_id == str(mdo.uuid)} == _members()
    assert AuditEvent.objects.filter(id__gt=mark, object_type="overleg", outcome=Outcome.SUCCESS).count() == 0
