"""Whatever happens to a household's regie, in any order — appointing, proposing a change,
accepting or declining it, ending the regie, an account deactivated — the household's current
regisseur (or named back-up) is always an active professional who works with clients, no change
waits for someone who left, and a waiting change always hangs on the current regisseur
(property-based). The CJG De Monden has two teamleiders, so one may leave while the other takes
the regie; the school has none, so its professional may not leave while carrying it."""

import contextlib
from datetime import timedelta

import time_machine
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ketenzicht.leads import services
from ketenzicht.leads.models import HouseholdLead, LeadHandover
from ketenzicht.leads.services import LeadChoice, Source
from ketenzicht.organisations.accounts import deactivate
from ketenzicht.organisations.models import CLIENT_ROLES, Organisation, Role
from ketenzicht.organisations.tests.factories import ProfessionalFactory
from ketenzicht.refusals import Refused

from .conftest import WEDNESDAY, acting, de_vries

PEOPLE = ("cjg-demonden", "teamleider-demonden", "teamleider-twee", "leerkracht", "jgz")
ACTIONS = st.lists(st.tuples(
    st.sampled_from(["appoint", "propose", "accept", "decline", "end", "deactivate"]),
    st.sampled_from(PEOPLE), st.sampled_from(PEOPLE), st.booleans(),
), max_size=12)


class Rollback(Exception):
    """Ends one example: its writes are rolled back, so the next starts from the same demo."""


def _choice(name: str, parents: bool) -> LeadChoice:
    return LeadChoice(professional=acting(name)[0], parents_keep_regie=parents,
                      family_preference="" if parents else "Het gezin kiest dit aanspreekpunt.",
                      agreements="Moeder belt bij zorgen." if parents else "")


def _act(action: str, actor_name: str, other_name: str, parents: bool, now) -> None:
    who, actor = acting(actor_name)
    if not who.user.is_active:
        return  # someone who left cannot log in
    household = de_vries()
    pending = services.pending_change(household)
    if action == "deactivate":
        # The functioneel beheerder turns the other's account off (refused while nobody would
        # take their regie).
        deactivate(acting(other_name)[0], by=acting("beheer")[0])
    elif action == "appoint":
        services.appoint(who, actor, household, _choice(other_name, parents), Source("gezinsplan"), now=now)
    elif action == "propose":
        services.propose_change(who, actor, household, _choice(other_name, parents), Source("gezinsplan"),
                                reason="Beter contact.", now=now)
    elif action == "accept" and pending:
        services.accept_change(who, actor, pending, now=now)
    elif action == "decline" and pending:
        services.decline_change(who, actor, pending, reason="Geen ruimte.", now=now)
    elif action == "end":
        services.end(who, actor, household, reason="Het gaat goed.", now=now)


def _assert_carried() -> None:
    current = list(HouseholdLead.objects.filter(ended_at__isnull=True)
                   .select_related("professional__user", "organisation"))
    for lead in current:
        regisseur = lead.professional
        assert regisseur.user.is_active and regisseur.role in CLIENT_ROLES
        assert regisseur.organisation_id == lead.organisation_id
    current_by_household = {lead.household_id: lead.pk for lead in current}
    assert len(current_by_household) == len(current)
    for waiting in LeadHandover.objects.filter(accepted_at__isnull=True, declined_at__isnull=True) \
            .select_related("professional__user"):
        assert waiting.professional.user.is_active
        assert current_by_household.get(waiting.household_id) == waiting.lead_id


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(actions=ACTIONS)
def test_no_household_ever_keeps_a_regisseur_who_left(emmen, actions):
    team = Organisation.objects.get(slug="cjg-de-monden")
    if not Organisation.objects.filter(professionals__user__username="teamleider-twee").exists():
        ProfessionalFactory(organisation=team, role=Role.TEAM_LEAD, user__username="teamleider-twee")
    try:
        with transaction.atomic():
            for step, (action, actor_name, other_name, parents) in enumerate(actions):
                # A refused action changes nothing; the rules still hold. One clock for every step:
                # the deactivation reads it too.
                now = WEDNESDAY + timedelta(minutes=step)
                with time_machine.travel(now, tick=False), contextlib.suppress(Refused):
                    _act(action, actor_name, other_name, parents, now)
                _assert_carried()
            raise Rollback
    except Rollback:
        pass
