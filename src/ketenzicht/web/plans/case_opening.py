"""Opening the case a form page of the case works on (the intake, the risk assessment)."""

from uuid import UUID

from django.http import HttpRequest

from ketenzicht.audit.models import EventType
from ketenzicht.audit.services import Actor
from ketenzicht.organisations.models import Professional
from ketenzicht.plans.access import open_case
from ketenzicht.plans.models import Case

from ..guards import web_actor


def open_case_for_form(request: HttpRequest, case_uuid: UUID) -> tuple[Professional, Actor, Case | None]:
    """The professional, their actor and the case as ``plans.access.open_case`` opens it (None →
    the page answers 404); audited as a change when the form is sent, as reading when it is shown."""
    professional = request.professional
    actor = web_actor(request, professional)
    event_type = EventType.UPDATE if request.method == "POST" else EventType.READ
    return professional, actor, open_case(professional, actor, case_uuid, event_type)
