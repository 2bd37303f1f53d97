"""The Emmen demo (a few generated households) as the stage for the regisseur's tests.

The De Vries household (Daan, Emma, Anja, Marco) is made known to three organisations with an
explicit basis, so the tests do not lean on how the demo happens to involve them: the CJG-Jeugdteam
De Monden (a case), the school Kristalla (Daan is its pupil) and the JGZ (a verwijsindex
registration on Emma). The GGZ and the police have none.
"""

from datetime import datetime

import pytest

from ketenzicht.access.models import BasisKind
from ketenzicht.access.services import grant_basis
from ketenzicht.audit.services import SYSTEM
from ketenzicht.demo.tests.stage import (
    AMSTERDAM,
    DAAN,
    EMMA,
    WEDNESDAY,
    acting,
    de_vries,
    load_emmen,
    professional,
)
from ketenzicht.leads.services import LeadChoice, Source, appoint
from ketenzicht.people.services import find_person_by_bsn

THURSDAY = datetime(2026, 11, 26, 9, 0, tzinfo=AMSTERDAM)


def involve_de_vries() -> None:
    daan, emma = find_person_by_bsn(DAAN), find_person_by_bsn(EMMA)
    grant_basis(professional("cjg-demonden").organisation, daan, BasisKind.CASE, "casus-test", actor=SYSTEM)
    grant_basis(professional("leerkracht").organisation, daan, BasisKind.CLIENT, "leerling", actor=SYSTEM)
    grant_basis(professional("jgz").organisation, emma, BasisKind.REGISTRATION, "vi-test", actor=SYSTEM)


@pytest.fixture
def emmen(db, settings):
    load_emmen(settings)
    involve_de_vries()


def appoint_cjg(now: datetime = WEDNESDAY, **choice):
    """The CJG-Jeugdteam's professional becomes the De Vries household's regisseur."""
    by, actor = acting("cjg-demonden")
    choice.setdefault("family_preference", "Moeder wil één vast aanspreekpunt bij het CJG.")
    return appoint(by, actor, de_vries(), LeadChoice(professional=by, **choice),
                   Source("gezinsplan"), now=now)


__all__ = ["DAAN", "EMMA", "THURSDAY", "WEDNESDAY", "acting", "appoint_cjg", "de_vries", "emmen",
           "involve_de_vries", "professional"]
