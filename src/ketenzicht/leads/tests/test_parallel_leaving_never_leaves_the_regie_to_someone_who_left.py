"""Deactivations and changes of regisseur at the same moment (PostgreSQL, parallel writers): the
accounts are locked in one order, so two teamleiders leaving at once cannot each take the other's
regie (the second is refused), and a change proposed to a professional at the moment they leave
either waits and is refused, or is seen and declined — never a regisseur or a waiting change in
the name of someone who left."""

import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from ketenzicht.leads.models import HouseholdLead, LeadHandover
from ketenzicht.leads.services import LeadChoice, Source, appoint, propose_change
from ketenzicht.organisations.accounts import deactivate
from ketenzicht.organisations.models import Organisation, Role
from ketenzicht.organisations.tests.factories import ProfessionalFactory
from ketenzicht.refusals import Refused

from .conftest import acting, de_vries, involve_de_vries, professional


def _stage(settings) -> None:
    from ketenzicht.demo.loader import load_demo

    settings.DEMO_MODE = True
    load_demo(households=3)
    involve_de_vries()


def _together(*steps) -> tuple[list[str], list[Exception]]:
    barrier, refused, errors = threading.Barrier(len(steps)), [], []

    def run(step) -> None:
        try:
            barrier.wait()
            step()
        except Refused as refusal:
            refused.append(refusal.code)
        except Exception as error:  # the test reports it below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(step,)) for step in steps]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return refused, errors


def _no_regie_with_someone_who_left() -> None:
    for lead in HouseholdLead.objects.filter(ended_at__isnull=True).select_related("professional__user"):
        assert lead.professional.user.is_active
    for waiting in LeadHandover.objects.filter(accepted_at__isnull=True, declined_at__isnull=True) \
            .select_related("professional__user"):
        assert waiting.professional.user.is_active


@pytest.mark.postgres_only
def test_two_teamleiders_leaving_at_once_never_leave_the_regie_to_someone_who_left(
        transactional_db, settings):
    _stage(settings)
    ProfessionalFactory(organisation=Organisation.objects.get(slug="cjg-de-monden"), role=Role.TEAM_LEAD,
                        user__username="teamleider-twee")
    by, actor = acting("teamleider-demonden")
    appoint(by, actor, de_vries(), LeadChoice(professional=by, family_preference="Hilde."),
            Source("gezinsplan"))

    def leave(username: str):
        return lambda: deactivate(professional(username), by=professional("beheer"))

    refused, errors = _together(leave("teamleider-demonden"), leave("teamleider-twee"))

    assert errors == []
    assert len(refused) == 1 and refused[0] in ("geen-teamleider-voor-regie", "geen-teamleider")
    assert get_user_model().objects.filter(username__in=["teamleider-demonden", "teamleider-twee"],
                                           is_active=True).count() == 1
    _no_regie_with_someone_who_left()


@pytest.mark.postgres_only
@pytest.mark.parametrize("attempt", range(3))
def test_a_change_proposed_to_someone_at_the_moment_they_leave_never_waits_for_them(
        transactional_db, settings, attempt):
    _stage(settings)
    by, actor = acting("cjg-demonden")
    appoint(by, actor, de_vries(), LeadChoice(professional=by, family_preference="Bart."),
            Source("gezinsplan"))

    def propose():
        propose_change(*acting("cjg-demonden"), de_vries(), LeadChoice(
            professional=professional("sgt-demonden"), family_preference="Egbert."), Source("gezinsplan"))

    def leave():
        deactivate(professional("sgt-demonden"), by=professional("beheer"))

    refused, errors = _together(propose, leave)

    assert errors == [] and refused in ([], ["regisseur-ongeldig"])
    assert not get_user_model().objects.get(username="sgt-demonden").is_active
    _no_regie_with_someone_who_left()
