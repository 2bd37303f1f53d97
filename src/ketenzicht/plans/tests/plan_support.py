"""Steps the household plan's tests share, through the services so the rules apply.

The De Vries family (De Monden) applied at the CJG-Jeugdteam De Monden (``cjg-demonden`` holds
the case, its basis) and at the sociaal gebiedsteam De Monden (``sgt-demonden``: involved with the
family, but no member of the plan unless added). GGZ Drenthe (``ggz``) is not involved at all:
it takes part in the plan only when a member adds it with the family's consent (``join``).
"""

from datetime import date, datetime, timedelta

from ketenzicht.leads.services import LeadChoice
from ketenzicht.notify.models import Notice
from ketenzicht.plans import household_plan
from ketenzicht.plans.household_plan import ActionInput, Sharing
from ketenzicht.plans.models import ActionHolder, HouseholdPlan, PlanAction, PlanMember, SharingBasis

from .conftest import WEDNESDAY, acting, de_vries, professional
from .meeting_support import de_vries_consent
from .support import application

TODAY = WEDNESDAY.date()


def involved(*usernames: str, now: datetime = WEDNESDAY) -> None:
    """Each professional's team gets the De Vries family's case (its basis on the household)."""
    for username in usernames:
        application(username, now)


def draft_plan(username: str = "cjg-demonden", now: datetime = WEDNESDAY) -> HouseholdPlan:
    involved(username, now=now)
    return household_plan.create_plan(*acting(username), de_vries(), now)


def fill(plan: HouseholdPlan, username: str = "cjg-demonden", now: datetime = WEDNESDAY) -> HouseholdPlan:
    """The family's question and a goal for the household: what agreeing needs besides a regisseur."""
    household_plan.update_texts(*acting(username), plan, {
        "family_question": "Wij willen dat Daan weer graag naar school gaat.",
        "family_view": "Het gaat thuis beter sinds oma helpt.",
    }, now)
    household_plan.add_goal(*acting(username), plan, member=None, goal="Rust in huis",
                            progress_sign="Daan slaapt door en komt op tijd op school.", now=now)
    return HouseholdPlan.objects.get(pk=plan.pk)


def choose_regisseur(plan: HouseholdPlan, username: str = "cjg-demonden", regisseur: str = "cjg-demonden",
                     now: datetime = WEDNESDAY):
    return household_plan.choose_regisseur(*acting(username), plan, LeadChoice(
        professional=professional(regisseur), family_preference="Vader wil Bart als vast aanspreekpunt."),
        now)


def agreed_plan(now: datetime = WEDNESDAY) -> HouseholdPlan:
    """Filled, with a regisseur (Bart Lubbers, CJG De Monden), agreed by the parents and Emma (14)."""
    plan = fill(draft_plan(now=now), now=now)
    choose_regisseur(plan, now=now)
    return household_plan.record_agreement(*acting("cjg-demonden"), plan, parents_agreed_on=now.date(),
                                           youth_agreed_on=now.date(), now=now)


def consent() -> Sharing:
    """The consent of everyone whose consent counts in the De Vries family (Emma, 14, and the parents)."""
    return Sharing(basis=SharingBasis.CONSENT, consent_given_by=de_vries_consent())


def join(plan: HouseholdPlan, username: str, *, by: str = "cjg-demonden", now: datetime = WEDNESDAY,
         **contact) -> PlanMember:
    """``username``'s organisation is added to the plan by a member, with the family's consent."""
    who = professional(username)
    return household_plan.add_member(*acting(by), plan, who.organisation, who, sharing=consent(), now=now,
                                     **contact)


def action_for(plan: HouseholdPlan, username: str, *, by: str = "cjg-demonden", is_help: bool = False,
               what: str = "Gesprek met Daan over school", due_on: date | None = None,
               now: datetime = WEDNESDAY) -> PlanAction:
    """An action for ``username``; an organisation not yet involved first joins with consent."""
    holder = professional(username).organisation
    if household_plan.membership(plan, holder.pk) is None and not household_plan.has_own_basis(
            plan.household, holder, plan):
        join(plan, username, by=by, now=now)
    [action] = household_plan.add_actions(*acting(by), plan.household, [ActionInput(
        holder_kind=ActionHolder.PROFESSIONAL, professional=professional(username), what=what,
        due_on=due_on or now.date() + timedelta(days=14), is_help=is_help)], now=now)
    return action


def notices_of(username: str, kind: str) -> list[Notice]:
    return list(Notice.objects.filter(recipient__user__username=username, kind=kind).order_by("id"))
