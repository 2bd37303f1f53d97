"""A wijkagent's concern about a child is proposed as a report to Veilig Thuis (report §3.2: the
police report concerns about children to Veilig Thuis), not as a signal to the CJG that the
officer can only send to Veilig Thuis with a deviation reason. Which signallers do so is
configuration on the organisation type (``reports_child_concerns_to_veilig_thuis``), never a
slug in code. Adults' own circumstances from the police follow the normal rules.

Every moment is the fixed ``OFFICE_HOURS`` (a Wednesday morning): no clock is read.
"""

from ketenzicht.organisations.models import Organisation, OrganisationType
from ketenzicht.signals.models import ConsentBasis, RouteKind
from ketenzicht.signals.routing import Rule
from ketenzicht.signals.services import Consent, ShareRequest, propose_route

from .conftest import ANJA, DAAN, OFFICE_HOURS, signal_as
from .support import colleague, person, share

SAFETY = ShareRequest(Consent(ConsentBasis.SAFETY, safety_reason="Zorgen over de veiligheid thuis."))


def test_wijkagents_concern_about_a_child_is_proposed_as_a_report_to_veilig_thuis(emmen):
    signal = signal_as("wijkagent", DAAN, categories=("emotionele-verwaarlozing",))
    assert (signal.proposed_desk.slug, signal.proposed_kind, signal.proposed_rule) == (
        "veilig-thuis-drenthe", RouteKind.REPORT, Rule.CHILD_CONCERN_TO_REPORTS)
    assert "Veilig Thuis" in signal.proposed_reason

    route = share(signal, "wijkagent", SAFETY)

    assert (route.desk.slug, route.kind, route.deviation_reason) == (
        "veilig-thuis-drenthe", RouteKind.REPORT, "")
    assert route.due_at is not None  # Veilig Thuis's safety assessment clock runs


def test_police_about_an_adults_own_circumstances_follow_the_normal_rules(emmen):
    signal = signal_as("wijkagent", ANJA, categories=("schulden", "huisvesting"))
    assert (signal.proposed_desk.slug, signal.proposed_kind, signal.proposed_rule) == (
        "sgt-de-monden", RouteKind.SIGNAL, Rule.ADULT_CIRCUMSTANCES)


def test_police_about_an_adult_whose_children_are_involved_report_to_veilig_thuis(emmen):
    signal = signal_as("wijkagent", ANJA, categories=("schulden", "verslaving-ouder"))
    assert (signal.proposed_desk.slug, signal.proposed_rule) == (
        "veilig-thuis-drenthe", Rule.CHILD_CONCERN_TO_REPORTS)


def test_who_reports_to_veilig_thuis_is_configuration_of_the_organisation_type(emmen):
    OrganisationType.objects.filter(slug="politie").update(reports_child_concerns_to_veilig_thuis=False)
    OrganisationType.objects.filter(slug="welzijn").update(reports_child_concerns_to_veilig_thuis=True)
    colleague("sedna", "welzijnswerker")

    def desk(slug: str) -> str:
        return propose_route(person(DAAN), ("emotionele-verwaarlozing",), "regulier", OFFICE_HOURS,
                             Organisation.objects.get(slug=slug)).desk.slug

    assert desk("politie-drenthe") == "cjg-de-monden"
    assert desk("sedna") == "veilig-thuis-drenthe"
    assert signal_as("welzijnswerker", DAAN).proposed_desk.slug == "veilig-thuis-drenthe"
