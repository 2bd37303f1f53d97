"""The person a form starts from, passed from the person page as ``?persoon=<uuid>``.

A form that starts from a person page carries only the uuid, never a BSN, so nothing identifying
ends up in a URL; opening it again checks access and writes the audit event.
"""

from uuid import UUID

from django.http import HttpRequest

from ketenzicht.access.audited import open_person
from ketenzicht.people.models import Person

from .guards import web_actor


def person_from_uuid(request: HttpRequest, value: str | UUID | None) -> Person | None | bool:
    """The person, opened with its audit event; None without a value; False for a uuid that is
    malformed, unknown or not visible to the professional (all answered alike: 404)."""
    if not value:
        return None
    try:
        person_uuid = UUID(str(value))
    except ValueError:
        return False
    found = open_person(request.professional, web_actor(request, request.professional), person_uuid)
    return found if found is not None else False
