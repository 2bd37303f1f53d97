"""Steps the signaller's page tests share, on the Emmen demo (``emmen`` from the signal tests) and
logged in through the real form (``vir_login``)."""

import re

from django.test import Client

from ketenzicht.demo.accounts import DEMO_PASSWORD
from ketenzicht.organisations.models import Organisation, Professional, Role
from ketenzicht.organisations.tests.factories import ProfessionalFactory
from ketenzicht.people.models import Person
from ketenzicht.people.services import find_person_by_bsn
from ketenzicht.signals.models import Signal

#: The smallest files each accepted type starts with (their "magic numbers").
PDF = b"%PDF-1.4\n% Ketenzicht test\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


def person(bsn: str) -> Person:
    found = find_person_by_bsn(bsn)
    assert found is not None, bsn
    return found


def colleague(organisation_slug: str, username: str, role: str = Role.PROFESSIONAL) -> Professional:
    """Another account at a demo organisation (the demo has one per role), with the demo password."""
    who = ProfessionalFactory(organisation=Organisation.objects.get(slug=organisation_slug),
                              user__username=username, role=role)
    who.user.set_password(DEMO_PASSWORD)
    who.user.save()
    return who


def signal_data(**overrides) -> dict:
    """What a professional fills in: one category, the facts, the default urgency."""
    data = {"categorieen": ["emotionele-verwaarlozing"], "urgentie": "regulier",
            "waarneming": "Daan komt al een week zonder jas en zonder ontbijt op school."}
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def error_of(html: str, field_id: str) -> str:
    """The error message shown next to a field (``<id>_fout``), or ''."""
    found = re.search(rf'id="{re.escape(field_id)}_fout">(.*?)</div>', html, re.S)
    return found.group(1).strip() if found else ""


def squash(html: str) -> str:
    """The page with every run of whitespace made one space, to assert on sentences."""
    return " ".join(html.split())


def latest_signal() -> Signal:
    return Signal.objects.order_by("-id").first()


def page(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()
