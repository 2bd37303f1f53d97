"""Families may come to a team without a professional: a parent applies for the household (by
phone, at the walk-in or by e-mail), a youth of 16 or older may apply alone, a younger one with a
parent. The application opens the household's case at the team, or joins the open one."""

from datetime import datetime

import pytest

from ketenzicht.access.audited import actor_for
from ketenzicht.organisations.models import Organisation, Role
from ketenzicht.organisations.tests.factories import ProfessionalFactory
from ketenzicht.plans.applications import ApplicationRequest, record_application
from ketenzicht.plans.models import Applicant, Arrival, ArrivalKind, Case, Channel
from ketenzicht.refusals import Refused

from .conftest import AMSTERDAM, DAAN, WEDNESDAY, acting

SANNE = "999990081"  # Jansen, De Velden, born 18 June 2010


def apply(bsn: str = DAAN, applicant: str = Applicant.PARENT, channel: str = Channel.PHONE,
          question: str = "Daan slaapt slecht en is vaak boos.", acting_as: tuple | None = None,
          now: datetime = WEDNESDAY) -> Case:
    return record_application(*(acting_as or acting("cjg-demonden")), ApplicationRequest(
        bsn=bsn, applicant=applicant, channel=channel, question=question), now)


def test_a_parents_application_opens_the_households_case(emmen):
    case = apply()
    arrival = Arrival.objects.get(case=case)
    assert (arrival.kind, arrival.applicant, arrival.channel) == (
        ArrivalKind.APPLICATION, "ouder", "telefoon")
    assert arrival.question == "Daan slaapt slecht en is vaak boos."
    assert case.team.slug == "cjg-de-monden"


def test_a_youth_of_16_may_apply_alone(emmen):
    # A professional of the Jansens' district team, whatever accounts the demo has there.
    colleague = ProfessionalFactory(organisation=Organisation.objects.get(slug="cjg-de-velden"),
                                    role=Role.PROFESSIONAL)
    case = apply(SANNE, Applicant.YOUTH, Channel.WALK_IN, "Ik wil praten over thuis.",
                 (colleague, actor_for(colleague, access_point="127.0.0.1")),
                 datetime(2026, 6, 18, 10, tzinfo=AMSTERDAM))  # her 16th birthday
    assert case.household.name == "Jansen"


def test_a_youth_under_16_applies_with_a_parent(emmen):
    with pytest.raises(Refused) as refused:
        apply(DAAN, Applicant.YOUTH)
    assert (refused.value.code, refused.value.field) == ("jeugdige-te-jong", "aanmelder")
    assert not Case.objects.exists()


@pytest.mark.parametrize(("changes", "code"), [
    ({"question": "   "}, "vraag-ontbreekt"),
    ({"question": "x" * 4001}, "vraag-te-lang"),
    ({"channel": "brief"}, "kanaal-onbekend"),
    ({"applicant": "buurvrouw"}, "aanmelder-onbekend"),
    ({"bsn": "123456789"}, "bsn-ongeldig"),
])
def test_an_incomplete_application_is_refused_with_a_specific_message(emmen, changes, code):
    with pytest.raises(Refused) as refused:
        apply(**changes)
    assert refused.value.code == code
    assert not Case.objects.exists()
