"""A family is handed only to an organisation that can take responsibility for help
(``organisations.services.CARES_FOR_FAMILIES``: a team that receives signals, or an organisation
whose core task is helping youth). So the household's regisseur — and the back-up when the
parents keep regie — is a professional of such an organisation: the school and the police, even
involved with the family, are refused with a Dutch reason, and are never offered."""

import pytest

from ketenzicht.access.models import BasisKind
from ketenzicht.access.services import grant_basis
from ketenzicht.audit.services import SYSTEM
from ketenzicht.leads.models import HouseholdLead
from ketenzicht.leads.services import LeadChoice, Source, appoint, candidates, current_lead, propose_change
from ketenzicht.people.services import find_person_by_bsn
from ketenzicht.refusals import Refused

from .conftest import DAAN, acting, appoint_cjg, de_vries, professional


@pytest.fixture
def police_involved(emmen):
    """The police know Daan too (a basis of their own), as the school does (his teacher)."""
    grant_basis(professional("wijkagent").organisation, find_person_by_bsn(DAAN), BasisKind.CLIENT,
                "wijkagent", actor=SYSTEM)


@pytest.mark.parametrize(("username", "organisation"), [
    ("leerkracht", "RK/PC Jenaplan BO Kristalla"),
    ("wijkagent", "Politie Noord-Nederland, wijkagenten Drenthe"),
])
def test_the_school_and_the_police_are_refused_as_regisseur(police_involved, username, organisation):
    by, actor = acting("cjg-demonden")
    with pytest.raises(Refused) as refused:
        appoint(by, actor, de_vries(), LeadChoice(professional=professional(username),
                                                  family_preference="Moeder vertrouwt hen."),
                Source("gezinsplan"))
    assert refused.value.code == "regisseur-geen-hulporganisatie"
    assert refused.value.field == "professional"
    assert refused.value.message == (
        f"{organisation} kan geen verantwoordelijkheid voor hulp aan het gezin nemen: kies als regisseur "
        "een professional van een organisatie die hulp biedt (zoals het CJG-Jeugdteam, het sociaal "
        "gebiedsteam of de jeugdgezondheidszorg).")
    assert not HouseholdLead.objects.exists()


def test_the_school_is_refused_as_the_parents_back_up_and_cannot_appoint_itself(police_involved):
    by, actor = acting("leerkracht")
    with pytest.raises(Refused) as refused:
        appoint(by, actor, de_vries(), LeadChoice(professional=by, parents_keep_regie=True,
                                                  agreements="Vader belt de juf bij zorgen."),
                Source("gezinsplan"))
    assert refused.value.code == "regisseur-geen-hulporganisatie"
    assert "als achtervang" in refused.value.message
    assert current_lead(de_vries()) is None


def test_a_change_to_the_police_is_refused_and_the_regisseur_stays(police_involved):
    lead = appoint_cjg()
    with pytest.raises(Refused) as refused:
        propose_change(*acting("cjg-demonden"), de_vries(), LeadChoice(
            professional=professional("wijkagent"), family_preference="De wijkagent kent het gezin."),
            Source("gezinsplan"))
    assert refused.value.code == "regisseur-geen-hulporganisatie"
    assert current_lead(de_vries()) == lead


def test_only_care_professionals_are_offered(police_involved):
    offered = {p.user.username for p in candidates(de_vries(), professional("leerkracht"))}
    assert "leerkracht" not in offered and "aandacht-kristalla" not in offered
    assert "wijkagent" not in offered
    assert {"cjg-demonden", "teamleider-demonden"} <= offered
