"""``{% household_lead household %}`` (or a person): the household's regisseur on any page that shows a person
or household, through the one include ``web/includes/household_lead.html``.

Shown only to professionals whose organisation is involved with the household (a basis on any
member, or a signal it recorded about one: ``leads.hooks.knows_the_regisseur``), or when the page
passes ``involved=True`` because its own basis counts (a verwijsindex match for its participants
and matchregisseur); see ``web.leads.context``.
"""

from django import template

from ketenzicht.people.models import Person
from ketenzicht.people.services import current_household

from ..leads.context import household_lead_view

register = template.Library()


@register.inclusion_tag("web/includes/household_lead.html", takes_context=True)
def household_lead(context, household_or_person, involved=None) -> dict:
    """``household_or_person``: a household, or a person (their current household)."""
    household = household_or_person
    if isinstance(household_or_person, Person):
        household = current_household(household_or_person)
    request = context.get("request")
    professional = getattr(request, "professional", None)
    view = household_lead_view(professional, household, involved=involved) if professional else None
    return {"household_lead": view, "request": request}
