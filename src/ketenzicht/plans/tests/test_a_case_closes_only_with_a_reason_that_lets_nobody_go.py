"""A case closes only with a reason that says the family is not let go (help started, no concerns
after contact, warmly handed over after a move) and its explanation, never while a handover
waits; the team's basis on the household ends with it."""

import pytest

from ketenzicht.access.models import AccessBasis, BasisKind
from ketenzicht.plans import cases
from ketenzicht.plans.models import CaseStatus, CloseReason
from ketenzicht.refusals import Refused

from .conftest import acting, professional
from .support import application


def test_a_case_closes_with_a_reason_and_the_teams_basis_ends(emmen):
    case = application()
    case = cases.close_case(*acting("teamleider-demonden"), case, CloseReason.HELP_STARTED,
                            "Opvoedondersteuning gestart bij Yorneo.")
    assert case.status == CaseStatus.CLOSED and case.closed_at is not None
    assert not AccessBasis.objects.filter(kind=BasisKind.CASE, reference=str(case.uuid),
                                          ended_at__isnull=True).exists()


@pytest.mark.parametrize(("reason", "explanation", "code"), [
    ("klaar", "Afgerond.", "reden-onbekend"),
    (CloseReason.NO_CONCERNS, "  ", "toelichting-ontbreekt"),
])
def test_a_case_does_not_close_without_a_reason_and_its_explanation(emmen, reason, explanation, code):
    case = application()
    with pytest.raises(Refused) as refused:
        cases.close_case(*acting("teamleider-demonden"), case, reason, explanation)
    assert refused.value.code == code
    case.refresh_from_db()
    assert case.status == CaseStatus.OPEN


def test_a_case_does_not_close_while_a_handover_waits(emmen):
    case = application()
    cases.hand_over(*acting("teamleider-demonden"), case, professional("cjg-demonden"))
    with pytest.raises(Refused) as refused:
        cases.close_case(*acting("teamleider-demonden"), case, CloseReason.NO_CONCERNS, "Geen zorgen.")
    assert refused.value.code == "overdracht-loopt"


def test_after_closing_a_new_arrival_opens_a_new_case(emmen):
    first = cases.close_case(*acting("teamleider-demonden"), application(), CloseReason.NO_CONCERNS,
                             "Gesprek gevoerd; geen zorgen.")
    second = application()
    assert second != first and second.status == CaseStatus.OPEN
