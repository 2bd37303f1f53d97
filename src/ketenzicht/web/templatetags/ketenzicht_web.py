"""Template helpers that make form fields accessible without inline scripts or styles."""

from django import template
from django.forms import BoundField

register = template.Library()


@register.simple_tag
def accessible_widget(field: BoundField, extra_class: str = "") -> str:
    """The field's input, linked to its description and error message for screen readers."""
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}_hulp")
    if field.errors:
        described_by.append(f"{field.auto_id}_fout")
    classes = ["utrecht-textbox", "utrecht-textbox--html-input", extra_class]
    attrs = {"class": " ".join(c for c in classes if c)}
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    if field.errors:
        attrs["aria-invalid"] = "true"
        attrs["class"] += " utrecht-textbox--invalid"
    return field.as_widget(attrs=attrs)


@register.filter
def internal_link(link: str) -> str:
    """A notice's link only when it is a path inside Ketenzicht (never another site or scheme)."""
    link = link or ""
    return link if link.startswith("/") and not link.startswith("//") and "\\" not in link else ""
