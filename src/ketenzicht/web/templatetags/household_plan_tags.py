"""The case page's view of the household plan (``web/plans/includes/case_plan.html``): whether
there is a plan, its status and next review, and the regisseur — never the plan's content."""

from django import template

from ketenzicht.organisations.models import Professional
from ketenzicht.people.models import Household
from ketenzicht.plans.household_plan import plan_for_case_page

register = template.Library()


@register.simple_tag
def household_plan_summary(household: Household, professional: Professional) -> dict:
    return plan_for_case_page(household, professional)
