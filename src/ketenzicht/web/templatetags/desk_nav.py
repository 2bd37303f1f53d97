"""``{% load desk_nav %}``: whether the navigation offers the Postvak (loket)."""

from django import template

from ketenzicht.organisations.models import Professional
from ketenzicht.signals.desks import has_inbox

register = template.Library()


@register.filter
def has_desk_inbox(professional: Professional | None) -> bool:
    return professional is not None and has_inbox(professional)
