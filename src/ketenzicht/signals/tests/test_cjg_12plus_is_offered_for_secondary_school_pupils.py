"""The CJG 12+ team is offered (as the alternative desk, next to the CJG-Jeugdteam of residence)
for pupils of secondary schools, not for every youth aged 12–17. A youth is such a pupil when an
active school whose level is voortgezet onderwijs (``Organisation.school_level``) has them as its
client, or when that school is the signaller.

In the demo Emma de Vries (14) is a pupil of Esdal College; Sanne Jansen (16) has no secondary
school in the chain; Daan (9) goes to Kristalla, a primary school. Every moment is the fixed
``OFFICE_HOURS``: no clock is read.
"""

from ketenzicht.access.models import AccessBasis, BasisKind
from ketenzicht.access.services import end_basis
from ketenzicht.audit.services import SYSTEM
from ketenzicht.organisations.models import Organisation
from ketenzicht.signals.services import propose_route

from .conftest import DAAN, EMMA, OFFICE_HOURS, SANNE, signal_as
from .support import colleague, involve, person


def alternatives(bsn: str, signaller: str = "ggd-drenthe") -> list[str]:
    proposal = propose_route(person(bsn), ("schoolverzuim",), "regulier", OFFICE_HOURS,
                             Organisation.objects.get(slug=signaller))
    return [desk.slug for desk in proposal.alternatives]


def test_a_pupil_of_a_secondary_school_is_offered_the_cjg_12plus(emmen):
    assert alternatives(EMMA) == ["cjg-12plus"]
    signal = signal_as("leerkracht", EMMA, categories=("schoolverzuim",))
    assert signal.proposed_desk.slug == "cjg-de-monden"  # the CJG of residence stays the proposal


def test_a_youth_of_secondary_school_age_without_a_secondary_school_is_not(emmen):
    assert alternatives(SANNE) == []
    assert alternatives(DAAN) == []


def test_a_secondary_school_that_signals_makes_its_subject_a_pupil(emmen):
    colleague("esdal-college", "mentor")
    assert AccessBasis.objects.filter(person=person(SANNE), organisation__slug="esdal-college") \
        .count() == 0
    assert alternatives(SANNE, signaller="esdal-college") == ["cjg-12plus"]
    signal = signal_as("mentor", SANNE, categories=("schoolverzuim",))
    assert signal.proposed_desk.slug == "cjg-de-velden"


def test_a_primary_schools_pupil_is_not(emmen):
    involve("kristalla", SANNE)
    assert alternatives(SANNE) == []
    assert alternatives(SANNE, signaller="kristalla") == []


def test_a_pupil_who_left_the_secondary_school_is_not(emmen):
    end_basis(Organisation.objects.get(slug="esdal-college"), person(EMMA), BasisKind.CLIENT,
              actor=SYSTEM)
    assert alternatives(EMMA) == []


def test_a_closed_secondary_school_makes_no_pupils(emmen):
    Organisation.objects.filter(slug="esdal-college").update(is_active=False)
    assert alternatives(EMMA) == []


def test_a_secondary_schools_verwijsindex_registration_does_not_show_through_the_proposal(emmen):
    """Only the school's client basis (its pupil) counts: whoever asks for a route must not learn
    that a school registered the youth in the verwijsindex (domain.md §2)."""
    AccessBasis.objects.create(organisation=Organisation.objects.get(slug="esdal-college"),
                               person=person(SANNE), kind=BasisKind.REGISTRATION, reference="1")
    assert alternatives(SANNE) == []
