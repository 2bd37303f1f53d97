"""A volunteer organisation's signal about acute abuse or a child crisis is routed as
everyone's — acute abuse to Veilig Thuis, a crisis after hours to the crisis service with the
handover to the CJG where the child lives — and never to an office-hours sociaal gebiedsteam;
the volunteers' other signals still go to the sociaal gebiedsteam of the district (report §3.2).
The rule's boundaries are rows of ``test_routing_rules``; this walks it for the demo's
volunteer and Daan."""

from ketenzicht.organisations.models import Organisation
from ketenzicht.signals.services import propose_route

from .conftest import DAAN
from .support import person
from .test_routing_rules import SUNDAY, WEDNESDAY, WEDNESDAY_NIGHT


def _proposal(categories: tuple[str, ...], urgency: str, moment):
    volunteers = Organisation.objects.get(slug="dorpenzorg")
    return propose_route(person(DAAN), categories, urgency, moment, volunteers)


def test_a_volunteers_acute_abuse_goes_to_veilig_thuis_day_and_night(emmen):
    for moment in (WEDNESDAY, WEDNESDAY_NIGHT):
        proposal = _proposal(("lichamelijke-mishandeling",), "acuut", moment)
        assert proposal.desk.slug == "veilig-thuis-drenthe"


def test_a_volunteers_child_crisis_after_hours_goes_to_the_crisis_service_and_then_the_cjg(emmen):
    proposal = _proposal(("crisis-jeugdige",), "acuut", SUNDAY)
    assert proposal.desk.slug == "spoed4jeugd"
    assert proposal.handover_to.slug == "cjg-de-monden"


def test_a_volunteers_other_signals_still_go_to_the_sociaal_gebiedsteam(emmen):
    proposal = _proposal(("emotionele-verwaarlozing",), "regulier", WEDNESDAY)
    assert proposal.desk.slug == "sgt-de-monden"
