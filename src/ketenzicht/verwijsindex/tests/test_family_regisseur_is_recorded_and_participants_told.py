"""Who the family's regisseur is, is recorded as the household's one regisseur (``leads``), and
everyone involved is told (domain.md §4)."""

from datetime import date

import pytest

from ketenzicht.leads.services import LeadChoice, accept_change, current_lead, pending_change
from ketenzicht.people.services import current_household
from ketenzicht.refusals import Refused
from ketenzicht.verwijsindex.errors import RefusalKind
from ketenzicht.verwijsindex.match_actions import record_coordinated

from .lifetimes import acting, on, professional
from .match_helpers import client_match_on, notices_to

pytestmark = pytest.mark.usefixtures("emmen")
PREFERENCE = "Moeder wil de jeugdverpleegkundige als vast aanspreekpunt."


def _nurse() -> LeadChoice:
    return LeadChoice(professional=professional("jgz"), family_preference=PREFERENCE)


def _parents(backup: str = "cjg-demonden") -> LeadChoice:
    return LeadChoice(professional=professional(backup), parents_keep_regie=True,
                      agreements="Moeder belt het CJG bij nieuwe zorgen; maandelijks contact.")


def test_family_regisseur_is_recorded_and_participants_told():
    match = client_match_on(date(2025, 9, 1))
    record_coordinated(*acting("cjg-demonden"), match.uuid, choice=_nurse())
    lead = current_lead(current_household(match.person))
    assert (lead.professional.user.username, lead.organisation.slug) == ("jgz", "ggd-drenthe")
    assert (lead.agreed_via, lead.agreed_via_uuid, lead.family_preference) == (
        "verwijsindex-match", match.uuid, PREFERENCE)
    nurse = professional("jgz").display_name
    for username in ("leerkracht", "jgz"):
        (notice,) = notices_to(username, "verwijsindex-regisseur")
        assert f"Regisseur van het gezin: {nurse}, GGD Drenthe, jeugdgezondheidszorg" in notice.body
        assert notice.link == f"/verwijsindex/matches/{match.uuid}/"
        # told once: the match's notice, to a page they open, not also the household's
        assert not notices_to(username, "regisseur-nieuw")


def test_parents_keeping_regie_is_recorded_and_told():
    match = client_match_on(date(2025, 9, 1))
    record_coordinated(*acting("cjg-demonden"), match.uuid, choice=_parents())
    lead = current_lead(current_household(match.person))
    assert lead.parents_keep_regie and lead.professional.user.username == "cjg-demonden"
    (notice,) = notices_to("leerkracht", "verwijsindex-regisseur")
    assert "De ouders voeren zelf regie" in notice.body and "achtervang" in notice.body


@pytest.mark.parametrize("username, parents, agreements", [
    ("wijkagent", False, ""),  # the police is not in this match
    ("cjg-demonden", True, ""),  # the parents keep regie without agreements
])
def test_regisseur_must_be_one_party_involved(username, parents, agreements):
    match = client_match_on(date(2025, 9, 1))
    choice = LeadChoice(professional=professional(username), parents_keep_regie=parents,
                        agreements=agreements, family_preference="" if parents else PREFERENCE)
    with pytest.raises(Refused) as refused:
        record_coordinated(*acting("cjg-demonden"), match.uuid, choice=choice)
    assert refused.value.kind == RefusalKind.INVALID
    match.refresh_from_db()
    assert match.status == "nieuw"
    assert current_lead(current_household(match.person)) is None


def test_a_changed_regisseur_is_a_warm_handover_and_told_again():
    match = client_match_on(date(2025, 9, 1))
    household = current_household(match.person)
    with on(date(2025, 9, 2)):
        record_coordinated(*acting("cjg-demonden"), match.uuid, choice=_nurse())
    with on(date(2025, 11, 3)):
        record_coordinated(*acting("cjg-demonden"), match.uuid,
                           choice=LeadChoice(professional=professional("teamleider-demonden"),
                                             family_preference="Nu liever Hilde van het CJG."))
    # Hilde has not accepted yet: the nurse stays the regisseur
    assert current_lead(household).professional.user.username == "jgz"
    bodies = [n.body for n in notices_to("jgz", "verwijsindex-regisseur")]
    assert len(bodies) == 2 and "Wissel voorgesteld aan" in bodies[-1]
    with on(date(2025, 11, 4)):
        accept_change(*acting("teamleider-demonden"), pending_change(household))
    assert current_lead(household).professional.user.username == "teamleider-demonden"
