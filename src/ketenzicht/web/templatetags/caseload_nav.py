"""``{% load caseload_nav %}``: whether the navigation offers the team's Werkvoorraad (a client
professional of a team that holds cases)."""

from django import template

from ketenzicht.plans.cases import has_caseload

register = template.Library()
register.filter("has_caseload", has_caseload)
