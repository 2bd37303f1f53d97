"""Veilig Thuis and the GGD's JGZ use the same instrument. The JGZ holds no case: an organisation
whose type assesses risk (``OrganisationType.assesses_risk``) records an assessment of a household
its basis opens, on a page under the household, and keeps its own history. From three sides: the
JGZ with a basis (a client relation) records and reads; the JGZ without one, or with only a
verwijsindex registration (which opens only the youth's own page), gets the 404 a missing household
gets, audited for each member; a school, which may see the household, may not assess (403)."""

import uuid

import pytest
import time_machine

from ketenzicht.access.models import BasisKind
from ketenzicht.access.services import grant_basis
from ketenzicht.audit.models import AuditEvent, EventType, Outcome
from ketenzicht.audit.services import SYSTEM
from ketenzicht.organisations.models import Organisation
from ketenzicht.people.services import find_person_by_bsn
from ketenzicht.plans import assessment
from ketenzicht.plans.assessment_format import CURRENT_VERSION
from ketenzicht.plans.models import RiskAssessment
from ketenzicht.refusals import Refused
from ketenzicht.web.tests.vir_login import logged_in

from .conftest import DAAN, WEDNESDAY, acting, de_vries
from .intake_support import apply, household_assessment_request
from .pages_support import assessment_form

pytestmark = pytest.mark.usefixtures("emmen", "on_wednesday")

MEMBERS = 4  # Anja, Marco, Emma and Daan de Vries


@pytest.fixture
def on_wednesday():
    with time_machine.travel(WEDNESDAY, tick=False):
        yield


def _basis(kind: str = BasisKind.CLIENT) -> None:
    """The GGD's JGZ nurse sees Daan at school: he is the JGZ's client."""
    grant_basis(Organisation.objects.get(slug="ggd-drenthe"), find_person_by_bsn(DAAN), kind, actor=SYSTEM)


def _pages(household) -> list[str]:
    base = f"/huishoudens/{household.uuid}"
    return [f"{base}/risicotaxatie/", f"{base}/risicotaxaties/"]


def test_the_jgz_with_a_basis_records_an_assessment_without_a_case_and_reads_its_own_history():
    _basis()
    household = de_vries()
    client = logged_in("jgz")
    assert "Risicotaxatie vastleggen" in client.get(f"/huishoudens/{household.uuid}/").content.decode()
    form = client.get(f"/huishoudens/{household.uuid}/risicotaxatie/").content.decode()
    assert f"Risicotaxatie van het huishouden {household.name}" in form
    assert "Emma de Vries (14 jaar)" in form and "Daan de Vries (9 jaar)" in form

    response = client.post(f"/huishoudens/{household.uuid}/risicotaxatie/", assessment_form())

    made = RiskAssessment.objects.get()
    assert (made.case, made.organisation.slug, made.assessed_by.user.username) == (None, "ggd-drenthe", "jgz")
    assert made.format_version == CURRENT_VERSION and made.children.count() == 2
    assert response["Location"] == f"/huishoudens/{household.uuid}/risicotaxaties/{made.uuid}/"
    detail = client.get(response["Location"]).content.decode()
    assert "Emma de Vries (14 jaar): veiligheidsschaal 5 van 10" in detail
    history = client.get(f"/huishoudens/{household.uuid}/risicotaxaties/").content.decode()
    assert f"/huishoudens/{household.uuid}/risicotaxaties/{made.uuid}/" in history
    assert "GGD Drenthe" in history
    created = AuditEvent.objects.filter(event_type=EventType.CREATE, object_type="risicotaxatie",
                                        object_id=str(made.uuid))
    assert created.count() == MEMBERS


@pytest.mark.parametrize("basis", [None, BasisKind.REGISTRATION])
def test_the_jgz_without_a_basis_that_opens_the_household_gets_404_audited_for_each_member(basis):
    if basis:
        _basis(basis)
    household = de_vries()
    client = logged_in("jgz")
    for url in _pages(household):
        before = AuditEvent.objects.filter(outcome=Outcome.DENIED).count()
        assert client.get(url).status_code == 404, url
        assert AuditEvent.objects.filter(outcome=Outcome.DENIED).count() - before == MEMBERS
    assert client.post(_pages(household)[0], assessment_form()).status_code == 404
    assert client.get(f"/huishoudens/{uuid.uuid4()}/risicotaxaties/").status_code == 404
    assert not RiskAssessment.objects.exists()
    with pytest.raises(Refused) as refused:
        assessment.record_household_assessment(*acting("jgz"), household,
                                               household_assessment_request(household))
    assert refused.value.code == "geen-grondslag"


@pytest.mark.parametrize("username", ["leerkracht", "cjg-demonden"])
def test_an_organisation_whose_type_does_not_assess_without_a_case_gets_403(username):
    """The school has a basis on Daan and sees the household; the team has the household's case
    and assesses under it."""
    if username == "cjg-demonden":
        apply()
    household = de_vries()
    client = logged_in(username)
    page = client.get(f"/huishoudens/{household.uuid}/")
    assert page.status_code == 200
    assert "Risicotaxatie vastleggen" not in page.content.decode()
    for url in _pages(household):
        assert client.get(url).status_code == 403, url
    assert client.post(_pages(household)[0], assessment_form()).status_code == 403
    with pytest.raises(Refused) as refused:
        assessment.record_household_assessment(*acting(username), household,
                                               household_assessment_request(household))
    assert refused.value.code == "geen-taxateur"
    assert not RiskAssessment.objects.exists()

