"""``{% load vir_figures %}``: whether the navigation offers "Verwijsindex in cijfers"."""

from django import template

from ketenzicht.organisations.models import Professional

from ..views.figures import may_see_figures as _may_see_figures

register = template.Library()


@register.filter
def may_see_figures(professional: Professional | None) -> bool:
    return professional is not None and _may_see_figures(professional)
