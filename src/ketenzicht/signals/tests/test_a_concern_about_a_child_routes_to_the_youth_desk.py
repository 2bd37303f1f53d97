"""A concern about a child goes to the CJG-Jeugdteam, also when the signal names an adult's
circumstances (a kindcheck at debt counselling); an adult's own situation without any concern
about a child (debts, care avoidance, other) goes to the sociaal gebiedsteam, never to the crisis
service at night."""

from datetime import datetime

import pytest

from ketenzicht.access.models import AccessBasis
from ketenzicht.organisations.models import Organisation
from ketenzicht.organisations.tests.factories import ProfessionalFactory
from ketenzicht.signals.childcheck import ChildCheckAnswers, Concern, record_child_check
from ketenzicht.signals.models import SignalSettings
from ketenzicht.signals.routing import Desk, Facts, Rule, decide

from .conftest import AMSTERDAM, LINDA, NOAH, acting
from .support import person

SATURDAY_NIGHT = datetime(2026, 11, 28, 3, 0, tzinfo=AMSTERDAM)
WEDNESDAY = datetime(2026, 11, 25, 10, 0, tzinfo=AMSTERDAM)


@pytest.mark.parametrize(("categories", "urgency", "moment", "child_concern", "rule", "desk"), [
    pytest.param({"schulden"}, "regulier", WEDNESDAY, True, Rule.YOUTH_RESIDENCE, Desk.YOUTH,
                 id="schulden-met-zorg-over-kind"),
    pytest.param({"schulden"}, "regulier", WEDNESDAY, False, Rule.ADULT_CIRCUMSTANCES, Desk.ADULT,
                 id="schulden-zonder-zorg-over-kind"),
    pytest.param({"zorgmijding"}, "regulier", WEDNESDAY, False, Rule.ADULT_CIRCUMSTANCES,
                 Desk.ADULT, id="zorgmijding-volwassene"),
    pytest.param({"overig"}, "acuut", SATURDAY_NIGHT, False, Rule.ADULT_CIRCUMSTANCES, Desk.ADULT,
                 id="acuut-overig-volwassene-niet-naar-crisisdienst"),
    pytest.param({"overig"}, "acuut", SATURDAY_NIGHT, True, Rule.CRISIS_OUT_OF_HOURS, Desk.CRISIS,
                 id="acuut-met-zorg-over-kind-naar-crisisdienst"),
    pytest.param({"verslaving-ouder"}, "regulier", WEDNESDAY, False, Rule.YOUTH_RESIDENCE,
                 Desk.YOUTH, id="ouder-categorie-betreft-een-kind"),
])
def test_a_concern_about_a_child_routes_to_the_youth_desk(categories, urgency, moment,
                                                         child_concern, rule, desk):
    outcome = decide(Facts(categories=frozenset(categories), urgency=urgency, moment=moment,
                           age=40, child_concern=child_concern), SignalSettings())
    assert (outcome.rule, outcome.desk) == (rule, desk)


def test_kindcheck_with_concerns_at_debt_counselling_routes_to_the_cjg(emmen):
    debt_counsellor = ProfessionalFactory(
        organisation=Organisation.objects.get(slug="schuldhulp-emmen"), user__username="schuldhulp")
    linda = person(LINDA)
    AccessBasis.objects.create(organisation=debt_counsellor.organisation, person=linda, kind="client")
    check = record_child_check(*acting("schuldhulp"), linda, ChildCheckAnswers(
        children_in_home=True, cares_for_children=False, partner_has_children=False,
        pregnant=False, concerns=True), Concern(facts="Er is geen eten in huis voor Noah.",
                                                children=(person(NOAH),)))
    signal = check.signals.get()
    assert [c.category for c in signal.categories.all()] == ["schulden"]
    assert signal.child_concern
    assert signal.proposed_desk.slug == "cjg-emmen-oost"  # where Noah lives, not the adults' desk
