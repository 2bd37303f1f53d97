"""A team records a family's own application only for a household it may take on: the district
team for a household living in its districts, a team linked to no district (the CJG 12+ team,
Veilig Thuis) for a household in its municipality, and any team already involved with the
household through a basis of its own. Any other team hears word for word what it hears of a BSN
nobody has — before anything else about the person (their age, their household) — gets no case
and no basis, and the attempt is in the person's access report as denied.

The De Vries household (Daan) lives in De Monden, Emmen."""

import datetime

import pytest

from ketenzicht.access.models import AccessBasis, BasisKind
from ketenzicht.access.services import grant_basis, visible_household
from ketenzicht.audit.models import AuditEvent, Outcome
from ketenzicht.audit.services import SYSTEM
from ketenzicht.demo.bsns import synthetic_bsns
from ketenzicht.organisations.models import Organisation, Role
from ketenzicht.organisations.tests.factories import DistrictFactory, MunicipalityFactory, ProfessionalFactory
from ketenzicht.people.models import Person
from ketenzicht.people.services import find_person_by_bsn
from ketenzicht.people.tests.factories import HouseholdFactory, MembershipFactory, PersonFactory
from ketenzicht.plans.applications import ApplicationRequest, record_application
from ketenzicht.plans.models import Applicant, Case, Channel
from ketenzicht.refusals import Refused
from ketenzicht.signals.tests.test_routing_advice_answers_from_the_brp_without_storing import (
    youth_only_in_the_brp,
)

from .conftest import DAAN, WEDNESDAY, acting, de_vries
from .intake_support import EMMA

#: Valid by the elfproef and nobody's: not in Ketenzicht, not in the (demo) BRP.
NOBODY = "123456782"


def apply(username: str, bsn: str = DAAN, applicant: str = Applicant.PARENT) -> Case:
    return record_application(*acting(username), ApplicationRequest(
        bsn=bsn, applicant=applicant, channel=Channel.PHONE, question="Daan slaapt slecht."), WEDNESDAY)


def refusal_of(username: str, bsn: str = DAAN, applicant: str = Applicant.PARENT) -> tuple:
    with pytest.raises(Refused) as refused:
        apply(username, bsn, applicant)
    return refused.value.kind, refused.value.code, refused.value.message, refused.value.field


@pytest.fixture
def cjg_12plus():
    """A professional of the CJG 12+ team: linked to no district, so its area is the municipality."""
    team = Organisation.objects.get(slug="cjg-12plus")
    assert not team.districts.exists()
    ProfessionalFactory(organisation=team, role=Role.PROFESSIONAL, user__username="cjg-12plus")


def outside_emmen() -> str:
    """A family Ketenzicht knows that lives in a district of another municipality; its child's BSN."""
    bsn = next(synthetic_bsns(first_serial=80_000))
    assen = MunicipalityFactory(slug="assen", name="Assen", cbs_code="0106")
    household = HouseholdFactory(district=DistrictFactory(municipality=assen), postcode="9401AA",
                                 city="Assen")
    MembershipFactory(household=household,
                      person=PersonFactory(bsn=bsn, date_of_birth=datetime.date(2014, 3, 1)))
    return bsn


def denials(person: Person) -> list[str]:
    events = AuditEvent.objects.filter(client_pseudonym=str(person.uuid), object_type="aanmelding",
                                       outcome=Outcome.DENIED).order_by("id")
    return list(events.values_list("purpose", flat=True))


def test_the_district_team_of_the_households_district_may(emmen):
    case = apply("cjg-demonden")
    assert case.household == de_vries() and case.team.slug == "cjg-de-monden"


def test_a_team_of_another_district_hears_what_it_hears_of_an_unknown_bsn(emmen):
    unknown = refusal_of("cjg-emmenzuid", NOBODY)
    assert unknown[1] == "persoon-onbekend"
    assert refusal_of("cjg-emmenzuid") == unknown
    assert not Case.objects.exists()
    assert visible_household(acting("cjg-emmenzuid")[0], de_vries().uuid) is None
    assert not AccessBasis.objects.filter(organisation__slug="cjg-emmen-zuid").exists()


def test_the_refused_attempt_is_in_the_persons_access_report_as_denied(emmen):
    refusal_of("cjg-emmenzuid")
    event = AuditEvent.objects.get(client_pseudonym=str(find_person_by_bsn(DAAN).uuid),
                                   object_type="aanmelding")
    assert (event.outcome, event.purpose, event.user_name) == (
        Outcome.DENIED, "aanmelding vastleggen geweigerd: buiten-werkgebied", "Samira El Amrani")


def test_a_youth_under_16_is_only_told_so_by_a_team_that_may_take_the_household_on(emmen):
    assert refusal_of("cjg-demonden", applicant=Applicant.YOUTH)[1] == "jeugdige-te-jong"
    assert refusal_of("cjg-emmenzuid", applicant=Applicant.YOUTH) == refusal_of("cjg-emmenzuid", NOBODY)


def test_a_sociaal_gebiedsteam_is_no_district_team_and_needs_a_basis_of_its_own(emmen):
    # The sociaal gebiedsteam De Monden serves the district, but sees a resident only per case.
    assert refusal_of("sgt-demonden") == refusal_of("sgt-demonden", NOBODY)
    daan = find_person_by_bsn(DAAN)
    assert denials(daan) == ["aanmelding vastleggen geweigerd: buiten-werkgebied"]
    # A signal about Emma routed to it: now it is involved with the household.
    grant_basis(Organisation.objects.get(slug="sgt-de-monden"), find_person_by_bsn(EMMA), BasisKind.SIGNAL,
                "signaal-1", actor=SYSTEM)
    assert apply("sgt-demonden").team.slug == "sgt-de-monden"


def test_a_team_of_another_district_already_involved_with_the_household_may(emmen):
    grant_basis(Organisation.objects.get(slug="cjg-emmen-zuid"), find_person_by_bsn(EMMA), BasisKind.SIGNAL,
                "signaal-1", actor=SYSTEM)
    assert apply("cjg-emmenzuid").team.slug == "cjg-emmen-zuid"


def test_a_verwijsindex_registration_is_no_involvement_with_the_household(emmen):
    # A registration shows the person only (no consent needed): it opens no household, and no case.
    grant_basis(Organisation.objects.get(slug="cjg-emmen-zuid"), find_person_by_bsn(DAAN),
                BasisKind.REGISTRATION, "registratie-1", actor=SYSTEM)
    assert refusal_of("cjg-emmenzuid") == refusal_of("cjg-emmenzuid", NOBODY)


def test_veilig_thuis_serves_its_municipality_and_no_other(emmen):
    assert apply("veiligthuis").team.slug == "veilig-thuis-drenthe"
    elsewhere = outside_emmen()
    assert refusal_of("veiligthuis", elsewhere) == refusal_of("veiligthuis", NOBODY)
    assert denials(find_person_by_bsn(elsewhere)) == ["aanmelding vastleggen geweigerd: buiten-werkgebied"]


def test_the_cjg_12plus_team_serves_its_municipality_and_no_other(emmen, cjg_12plus):
    assert apply("cjg-12plus").team.slug == "cjg-12plus"
    elsewhere = outside_emmen()
    assert refusal_of("cjg-12plus", elsewhere) == refusal_of("cjg-12plus", NOBODY)
    assert Case.objects.filter(household__district__municipality__slug="emmen").count() == 1


def test_someone_only_in_the_brp_of_another_district_is_not_brought_in(emmen):
    bsn, district = youth_only_in_the_brp()
    assert district != "de-monden", "pick a youth outside De Monden"
    persons = Person.objects.count()
    assert refusal_of("cjg-demonden", bsn) == refusal_of("cjg-demonden", NOBODY)
    assert find_person_by_bsn(bsn) is None and Person.objects.count() == persons
    event = AuditEvent.objects.get(object_type="aanmelding", purpose__endswith="buiten-werkgebied")
    assert (event.outcome, event.client_pseudonym) == (Outcome.DENIED, "")


def test_living_in_no_known_household_is_only_told_to_a_team_involved_with_the_person(emmen):
    bsn = next(synthetic_bsns(first_serial=80_100))
    alone = PersonFactory(bsn=bsn, date_of_birth=datetime.date(2012, 5, 1))  # in no household
    assert refusal_of("cjg-demonden", bsn) == refusal_of("cjg-demonden", NOBODY)
    grant_basis(Organisation.objects.get(slug="cjg-de-monden"), alone, BasisKind.SIGNAL, "signaal-1",
                actor=SYSTEM)
    assert refusal_of("cjg-demonden", bsn)[1] == "geen-huishouden"
    assert denials(alone) == ["aanmelding vastleggen geweigerd: buiten-werkgebied",
                              "aanmelding vastleggen geweigerd: geen-huishouden"]
