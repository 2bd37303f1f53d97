"""The case page's list of consultations and MDOs (``web/plans/includes/case_meetings.html``):
the case's meetings with their participants' organisations, in two queries whatever their number."""

from django import template

from ketenzicht.plans import meetings
from ketenzicht.plans.models import Case

register = template.Library()


@register.simple_tag
def case_meetings(case: Case) -> list[dict]:
    return [{"meeting": meeting, "organisations": meetings.organisations_of(meeting)}
            for meeting in meetings.meetings_of_case(case)]
