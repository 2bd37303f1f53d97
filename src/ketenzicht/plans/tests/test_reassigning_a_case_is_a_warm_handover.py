"""Assigning or reassigning a case is a warm handover: whoever holds it stays responsible until
the receiver accepts; a declined handover leaves it where it was; one handover waits at a time,
and only the receiver answers it."""

import pytest

from ketenzicht.notify.models import Notice
from ketenzicht.organisations.models import Organisation, Role
from ketenzicht.organisations.tests.factories import ProfessionalFactory
from ketenzicht.plans import cases
from ketenzicht.refusals import Refused

from .conftest import acting, professional
from .support import application


@pytest.fixture
def colleague(emmen):
    return ProfessionalFactory(organisation=Organisation.objects.get(slug="cjg-de-monden"),
                               role=Role.PROFESSIONAL, user__username="cjg-collega")


def test_the_holder_stays_responsible_until_the_receiver_accepts(emmen):
    case = application()
    handover = cases.hand_over(*acting("teamleider-demonden"), case, professional("cjg-demonden"))
    case.refresh_from_db()
    assert case.responsible == professional("teamleider-demonden") and not case.assigned

    case = cases.accept_handover(*acting("cjg-demonden"), handover)
    assert case.responsible == professional("cjg-demonden") and case.assigned


def test_a_declined_handover_leaves_the_case_with_its_holder(emmen):
    case = application()
    handover = cases.hand_over(*acting("teamleider-demonden"), case, professional("cjg-demonden"))
    cases.decline_handover(*acting("cjg-demonden"), handover, "Ik ben drie weken met verlof.")
    case.refresh_from_db()
    handover.refresh_from_db()
    assert case.responsible == professional("teamleider-demonden")
    assert handover.decline_reason == "Ik ben drie weken met verlof."


def test_case_notices_name_no_family_for_they_are_mailed_as_subjects(emmen):
    """A notice's title becomes an e-mail's subject: it names no household and no free text."""
    case = application()
    handover = cases.hand_over(*acting("teamleider-demonden"), case, professional("cjg-demonden"))
    cases.decline_handover(*acting("cjg-demonden"), handover, "De Vries ken ik privé.")
    for notice in Notice.objects.all():
        assert "Vries" not in notice.title + notice.body, notice.title


def test_only_the_receiver_answers_a_handover(emmen, colleague):
    case = application()
    handover = cases.hand_over(*acting("teamleider-demonden"), case, professional("cjg-demonden"))
    with pytest.raises(Refused) as refused:
        cases.accept_handover(colleague, acting("cjg-demonden")[1], handover)
    assert refused.value.code == "niet-ontvanger"


def test_one_handover_waits_at_a_time(emmen, colleague):
    case = application()
    cases.hand_over(*acting("teamleider-demonden"), case, professional("cjg-demonden"))
    with pytest.raises(Refused) as refused:
        cases.hand_over(*acting("teamleider-demonden"), case, colleague)
    assert refused.value.code == "overdracht-loopt"


def test_a_case_goes_only_to_a_professional_of_the_team(emmen):
    case = application()
    with pytest.raises(Refused) as refused:
        cases.hand_over(*acting("teamleider-demonden"), case, professional("cjg-emmenzuid"))
    assert refused.value.code == "ontvanger-onbekend"


def test_only_the_holder_or_the_teamleider_hands_a_case_over(emmen, colleague):
    case = application()
    with pytest.raises(Refused) as refused:
        cases.hand_over(colleague, acting("cjg-demonden")[1], case, professional("cjg-demonden"))
    assert refused.value.code == "niet-toegestaan"
