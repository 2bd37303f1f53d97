"""Client and family matches: parties find each other at once (domain.md §2)."""

import pytest

from ketenzicht.notify.models import Notice
from ketenzicht.verwijsindex.match_actions import match_participants
from ketenzicht.verwijsindex.models import Match

from .conftest import DAAN, EMMA, register_as

pytestmark = pytest.mark.usefixtures("emmen")


def test_client_match_when_a_second_organisation_registers():
    assert register_as("leerkracht", DAAN).client_match is None
    match = register_as("jgz", DAAN).client_match
    assert match is not None
    assert {p.registration.organisation.slug for p in match.participations.all()} == {
        "kristalla", "ggd-drenthe"}


def test_matchregisseur_is_the_cjg_of_the_district_where_the_youth_lives():
    register_as("leerkracht", DAAN)  # the school is in Emmen Zuid, Daan lives in De Monden
    match = register_as("jgz", DAAN).client_match
    assert match.match_coordinator.slug == "cjg-de-monden"


def test_every_registrant_is_told_with_the_others_contact_details():
    """The notice names the other organisations; their contact persons are on the match page
    (access-checked, audited, always current), never copied into the notice."""
    register_as("leerkracht", DAAN)
    match = register_as("jgz", DAAN, name="Annemiek Kuiper", phone="0592 654321",
                        email="a.kuiper@ggd.example").client_match
    teacher = Notice.objects.get(recipient__user__username="leerkracht")
    nurse = Notice.objects.get(recipient__user__username="jgz")
    assert "GGD Drenthe" in teacher.body and "Jenaplan BO Kristalla" in nurse.body
    assert "CJG-Jeugdteam De Monden" in teacher.body
    for notice in (teacher, nurse):
        assert "Contactgegevens staan op de matchpagina." in notice.body
        assert notice.link == f"/verwijsindex/matches/{match.uuid}/"
    assert "Annemiek Kuiper" not in teacher.body and "0592 654321" not in teacher.body
    assert "a.kuiper@ggd.example" not in teacher.body
    assert "Ingrid Hofstede" not in nurse.body
    shown = {(r.organisation.slug, r.contact_name, r.contact_phone, r.contact_email)
             for r in match_participants(match)}
    assert ("ggd-drenthe", "Annemiek Kuiper", "0592 654321", "a.kuiper@ggd.example") in shown


def test_matchregisseur_is_told_it_coordinates():
    register_as("leerkracht", DAAN)
    register_as("jgz", DAAN)
    assert Notice.objects.filter(recipient__user__username="teamleider-demonden",
                                 kind="verwijsindex-matchregie").exists()


def test_later_registration_joins_the_existing_match():
    register_as("leerkracht", DAAN)
    first = register_as("jgz", DAAN).client_match
    third = register_as("cjg-demonden", DAAN).client_match
    assert third == first
    assert Match.objects.filter(kind="client").count() == 1
    assert first.participations.count() == 3


def test_family_match_for_siblings_registered_by_different_organisations():
    register_as("leerkracht", DAAN)
    result = register_as("jgz", EMMA)  # Emma is Daan's sister: they share Anja and Marco
    assert result.client_match is None
    assert len(result.family_matches) == 1
    assert Match.objects.filter(kind="gezin").count() == 1  # two shared parents, one match
