"""How the chain apps above tell ``leads`` what it cannot know itself (it imports none of them).

- **needs** (``register_need``): a check ``(household) -> str`` that returns a Dutch reason why
  the household still needs a regisseur, or "" when it does not. ``services.end`` refuses while
  any check gives a reason. ``plans`` registers "er is een open gezinsplan" here, so a household
  with an open plan is never left without a regisseur, whoever asks to end it.
- **involvement** (``register_involvement``): a function ``(household) -> iterable of
  Professional ids`` naming the professionals personally involved with the household (the
  registrant of a verwijsindex registration, the case holder, a plan member). They hear of a new
  regisseur. An involved organisation none of whose professionals is named this way is told
  through its teamleiders and aandachtsfunctionarissen (or, without those, its client
  professionals), so no involved organisation misses it.
- **organisation involvement** (``register_organisation_involvement``): a function ``(household)
  -> iterable of Organisation ids`` naming organisations involved with the household without an
  access basis on any member — ``signals`` names the organisations that recorded a signal about a
  current member (a signal opens no person file, yet its signaller is involved, issue 9 §7). With
  the organisations that have a basis on a member (``access.households``) they are the ones that
  may know who the regisseur is and how to reach them (``knows_the_regisseur``: the regisseur
  section of the pages and ``leads.lookup.find_lead_by_bsn``). It opens no page and no file.
- **candidates** (``register_candidates``): a function ``(household, by) -> iterable of
  Organisation ids`` whose client professionals may be offered as regisseur (``services.candidates``
  and ``_check_choice``). ``plans`` offers the household plan's members and the case-holding teams
  of the municipality. The list is never derived from access bases: an organisation with any basis
  on one member (the adult mental-health care of a parent) is no candidate by that alone.
- **accepted changes** (``register_lead_started``): a function ``(lead, by, actor, now)`` called
  in the transaction of an accepted warm handover (``services.accept_change``), after the new
  regisseur starts. ``plans`` lets the new regisseur's organisation take part in the open household
  plan then — never on a mere proposal.

Register from an app's ``AppConfig.ready``; registering the same function twice is harmless.
"""

from collections.abc import Callable, Iterable
from datetime import datetime

from ketenzicht.access.households import is_involved_with_household
from ketenzicht.audit.services import Actor
from ketenzicht.organisations.models import Organisation, Professional
from ketenzicht.people.models import Household

from .models import HouseholdLead

NeedCheck = Callable[[Household], str]
InvolvementProvider = Callable[[Household], Iterable[int]]
OrganisationInvolvement = Callable[[Household], Iterable[int]]
CandidateProvider = Callable[[Household, Professional], Iterable[int]]
LeadStarted = Callable[[HouseholdLead, Professional, Actor, datetime], None]

_needs: list[NeedCheck] = []
_involvement: list[InvolvementProvider] = []
_organisation_involvement: list[OrganisationInvolvement] = []
_candidates: list[CandidateProvider] = []
_lead_started: list[LeadStarted] = []


def register_need(check: NeedCheck) -> NeedCheck:
    if check not in _needs:
        _needs.append(check)
    return check


def register_involvement(provider: InvolvementProvider) -> InvolvementProvider:
    if provider not in _involvement:
        _involvement.append(provider)
    return provider


def register_organisation_involvement(provider: OrganisationInvolvement) -> OrganisationInvolvement:
    if provider not in _organisation_involvement:
        _organisation_involvement.append(provider)
    return provider


def register_candidates(provider: CandidateProvider) -> CandidateProvider:
    if provider not in _candidates:
        _candidates.append(provider)
    return provider


def register_lead_started(callback: LeadStarted) -> LeadStarted:
    if callback not in _lead_started:
        _lead_started.append(callback)
    return callback


def reasons_still_needed(household: Household) -> list[str]:
    return [reason for check in _needs if (reason := check(household))]


def personally_involved(household: Household) -> set[int]:
    found: set[int] = set()
    for provider in _involvement:
        found.update(provider(household))
    return found


def organisations_involved_without_basis(household: Household) -> set[int]:
    """The organisations the registered providers name (each provider one query)."""
    found: set[int] = set()
    for provider in _organisation_involvement:
        found.update(provider(household))
    return found


def knows_the_regisseur(organisation: Organisation, household: Household) -> bool:
    """Whether the organisation may know who the household's regisseur is and how to reach them:
    an active organisation with a basis on any current member, or one a provider names (its
    signal about a member). Two queries at most."""
    if not organisation.is_active:
        return False
    return (is_involved_with_household(organisation, household)
            or organisation.pk in organisations_involved_without_basis(household))


def candidate_organisations(household: Household, by: Professional) -> set[int]:
    found: set[int] = set()
    for provider in _candidates:
        found.update(provider(household, by))
    return found


def lead_started(lead: HouseholdLead, by: Professional, actor: Actor, now: datetime) -> None:
    for callback in _lead_started:
        callback(lead, by, actor, now)
