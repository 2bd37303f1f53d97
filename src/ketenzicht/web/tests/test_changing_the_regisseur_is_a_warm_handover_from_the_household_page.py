"""The regisseur changes by warm handover from the household page: the current regisseur's
organisation (or its teamleider) proposes, naming the household; the proposed professional accepts
or declines on a page of their own; until then the current regisseur stays. Another involved
organisation may not propose (403); an uninvolved one does not find the page (404)."""

from ketenzicht.leads.models import LeadHandover
from ketenzicht.leads.services import LeadChoice, Source, appoint, current_lead
from ketenzicht.leads.tests.conftest import acting, appoint_cjg, de_vries, professional

from .test_the_households_regisseur_is_shown_to_everyone_involved import (  # noqa: F401 (fixtures)
    emmen,
    login,
)


def _change_url() -> str:
    return f"/huishoudens/{de_vries().uuid}/regisseur/"


def test_the_regisseurs_organisation_proposes_and_the_new_one_accepts(login):  # noqa: F811
    appoint_cjg()
    cjg = login("teamleider-demonden")
    household_page = cjg.get(f"/huishoudens/{de_vries().uuid}/").content.decode()
    assert _change_url() in household_page
    page = cjg.get(_change_url()).content.decode()
    assert "Regisseur wisselen voor huishouden De Vries" in page
    errors = cjg.post(_change_url(), {"regie": "ouders"}).content.decode()
    assert "Kies de regisseur of de achtervang." in errors
    assert "Leg de afspraken vast als de ouders zelf regie voeren." in errors
    colleague = professional("sgt-demonden")  # a case-holding team of the municipality
    response = cjg.post(_change_url(), {
        "regie": "professional", "professional": str(colleague.uuid),
        "voorkeur_gezin": "Moeder wil het gebiedsteam.", "reden": "Het gebiedsteam kent het gezin al."})
    assert response.status_code == 302
    assert current_lead(de_vries()).professional.user.username == "cjg-demonden"  # stays until accepted
    handover = LeadHandover.objects.get()
    sgt = login("sgt-demonden")
    page = sgt.get(f"/regisseur/wissels/{handover.uuid}/").content.decode()
    assert "Wissel van regisseur voor huishouden De Vries" in page
    assert "Het gebiedsteam kent het gezin" in page
    assert sgt.post(f"/regisseur/wissels/{handover.uuid}/", {"actie": "aannemen"}).status_code == 302
    assert current_lead(de_vries()).professional.user.username == "sgt-demonden"


def test_a_declined_change_keeps_the_regisseur(login):  # noqa: F811
    appoint_cjg()
    login("cjg-demonden").post(_change_url(), {
        "regie": "professional", "professional": str(professional("sgt-demonden").uuid),
        "voorkeur_gezin": "Vader wil het gebiedsteam."})
    handover = LeadHandover.objects.get()
    nurse = login("sgt-demonden")
    missing = nurse.post(f"/regisseur/wissels/{handover.uuid}/", {"actie": "afwijzen"})
    assert "Geef aan waarom u de regie niet overneemt." in missing.content.decode()
    nurse.post(f"/regisseur/wissels/{handover.uuid}/", {"actie": "afwijzen", "reden": "Geen capaciteit."})
    assert current_lead(de_vries()).professional.user.username == "cjg-demonden"
    # someone else than the proposed professional finds no handover page
    assert login("ggz").get(f"/regisseur/wissels/{handover.uuid}/").status_code == 404


def test_only_the_regisseurs_organisation_reaches_the_change_page(login):  # noqa: F811
    appoint_cjg()
    teacher = login("leerkracht")
    assert _change_url() not in teacher.get(f"/huishoudens/{de_vries().uuid}/").content.decode()
    assert teacher.get(_change_url()).status_code == 403
    assert login("ggz").get(_change_url()).status_code == 404


def test_a_regisseur_known_only_through_a_registration_reaches_the_change_page(login):  # noqa: F811
    """The JGZ, involved only through a verwijsindex registration on Emma (which does not open
    the household page), is the regisseur: its page to change the regisseur opens all the same."""
    by, actor = acting("cjg-demonden")
    appoint(by, actor, de_vries(), LeadChoice(professional=professional("jgz"),
                                              family_preference="Moeder wil de JGZ."), Source("gezinsplan"))
    nurse = login("jgz")
    assert nurse.get(f"/huishoudens/{de_vries().uuid}/").status_code == 404
    assert "Regisseur wisselen voor huishouden De Vries" in nurse.get(_change_url()).content.decode()
