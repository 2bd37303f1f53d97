"""``{% load caseload_nav %}``: whether the navigation offers the team's Werkvoorraad (a client
professional of a team that holds cases)."""

from django import template

from ketenzicht.organisations.models import Professional
from ketenzicht.plans.cases import holds_cases

register = template.Library()


@register.filter
def has_caseload(professional: Professional | None) -> bool:
    return (professional is not None and professional.works_with_clients
            and holds_cases(professional.organisation))
