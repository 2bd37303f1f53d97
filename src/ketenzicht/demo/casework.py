"""The teams' casework in the demo: the fixed states ``../shared/demo.md`` gives two example
households, and generated households in every other state, so that every page shows something.

- **Jansen** (De Velden): the JGZ nurse's signal about Sanne, shared with the CJG-Jeugdteam De
  Velden, which accepted it yesterday: the household's case is in the team's caseload, held by
  `teamleider-develden` until they assign it, and the desk's triage is still to do.
- **Yilmaz** (Emmen Zuid): the mother's own application at the CJG-Jeugdteam Emmen Zuid, its
  intake, and a household plan agreed with the parents, with `cjg-emmenzuid` as the regisseur.
- Generated households: one **assessed** (waits for its plan), one **in an MDO** with the JGZ
  invited (its actions in a draft plan), one whose **parents keep regie** (a back-up named), one
  whose **plan closed** after the help started.

Everything is recorded through the chain's own services, in the professionals' names, at
moments in the past, exactly as a team would have recorded it.
"""

from dataclasses import dataclass
from datetime import date, datetime

from ketenzicht.audit.services import Actor
from ketenzicht.leads.services import LeadChoice
from ketenzicht.organisations.calendar import add_working_days, working_days_before
from ketenzicht.organisations.models import Professional
from ketenzicht.people.ages import ADULT_AGE
from ketenzicht.people.models import Household, Person
from ketenzicht.people.services import current_members
from ketenzicht.plans import household_plan
from ketenzicht.plans.applications import ApplicationRequest, record_application
from ketenzicht.plans.assessment import (
    AreaEntry,
    AssessmentRequest,
    ChildEntry,
    Danger,
    children_of,
    record_assessment,
)
from ketenzicht.plans.cases import record_first_contact
from ketenzicht.plans.intake import IntakeRequest, record_intake
from ketenzicht.plans.meetings import ActionData, MeetingRequest, ParticipantData, record_meeting
from ketenzicht.plans.models import (
    ActionHolder,
    Applicant,
    Case,
    Channel,
    ConsultantRole,
    FollowUp,
    HouseholdPlan,
    LifeArea,
    MeetingKind,
    Milestone,
    ParentsRegie,
    PlanCloseReason,
    SharingBasis,
)
from ketenzicht.signals.categories import Category, Urgency
from ketenzicht.signals.desks import accept
from ketenzicht.signals.models import ConsentBasis, ConsentGiver
from ketenzicht.signals.services import Consent, ShareRequest, SignalRequest, record_signal, share_signal

from .dataset import EXAMPLE_BSNS
from .history import acting, morning, sent_back_then
from .picking import HouseholdPicker

NO_RISK = ("nee", "nee", "nee")


@dataclass(frozen=True)
class CaseworkSummary:
    jansen_in_caseload: bool
    yilmaz_plan_agreed: bool
    generated_states: tuple[str, ...]


def load_casework(picker: HouseholdPicker) -> CaseworkSummary:
    """Record the states of the module docstring; the generated ones where the demo has a fit."""
    today, placed = picker.today, []
    with sent_back_then():
        for state, record in (("beoordeeld", _assessed), ("in een MDO", _in_a_meeting),
                              ("ouders voeren regie", _parents_keep_regie), ("plan gesloten", _plan_closed)):
            if record(picker, today):
                placed.append(state)
        return CaseworkSummary(jansen_in_caseload=_jansen(today), yilmaz_plan_agreed=_yilmaz(today),
                               generated_states=tuple(placed))


def _jansen(today: date) -> bool:
    """The JGZ nurse's signal about Sanne, accepted by the CJG De Velden yesterday."""
    nurse, actor = acting("jgz")
    signal = record_signal(nurse, actor, SignalRequest(
        bsn=EXAMPLE_BSNS["sanne"], categories=(Category.SCHOOL_ABSENCE, Category.PARENT_ADDICTION),
        urgency=Urgency.REGULAR,
        facts="Sanne verzuimt sinds de herfstvakantie veel. Bij het JGZ-gesprek vertelt ze dat ze 's "
              "avonds voor haar broertje Lucas zorgt en kookt, omdat haar vader dan te veel drinkt.",
    ), morning(today, 2))
    route = share_signal(nurse, actor, signal, ShareRequest(Consent(
        ConsentBasis.CONSENT, given_by=ConsentGiver.YOUTH,
    )), morning(today, 2))
    lead, lead_actor = acting("teamleider-develden")
    accept(lead, lead_actor, route, morning(today, 1))
    return True


def _yilmaz(today: date) -> bool:
    """Elif's own application, the intake, and the plan agreed with both parents."""
    worker, actor = acting("cjg-emmenzuid")
    case = _applied(worker, actor, EXAMPLE_BSNS["elif"], today, 45,
                    "Mila (2) slaapt slecht en huilt veel; wij zijn allebei uitgeput en weten niet "
                    "hoe we dit volhouden naast ons werk.")
    _intake(worker, actor, case, today, 40, ParentsRegie.WITH_SUPPORT,
            "Beide ouders zijn betrokken en willen hulp, maar zijn zo moe dat ze de afspraken met "
            "consultatiebureau en huisarts niet zelf bij elkaar houden.")
    plan = _plan(worker, actor, case.household, today, 35,
                 question="Rust in huis: Mila slaapt door en wij hebben weer energie.",
                 goal="Mila slaapt vijf nachten per week door.",
                 progress="Het slaapdagboek van de ouders.",
                 help_what="Opvoedondersteuning thuis: zes gesprekken over slapen en ritme.")
    _regisseur_and_agreement(worker, actor, plan, morning(today, 33),
                             family_preference="Elif en Emre willen één vast aanspreekpunt bij het CJG.")
    _help_started(worker, actor, plan, today, 28)
    return True


def _assessed(picker: HouseholdPicker, today: date) -> bool:
    """An application with a *ja* on the risk questions, the intake and the risk assessment."""
    child = picker.youth("de-monden", 4, 11)
    if child is None:
        return False
    worker, actor = acting("cjg-demonden")
    case = _applied(worker, actor, child.bsn, today, 20, "Onze zoon is thuis erg boos en slaat zijn zusje.",
                    answers=("nee", "ja", "nee"))
    _intake(worker, actor, case, today, 15, ParentsRegie.NO,
            "Moeder staat er alleen voor en heeft schulden; ze vraagt zelf om iemand die meekijkt.")
    household = case.household
    record_assessment(worker, actor, case, AssessmentRequest(
        assessed_on=morning(today, 10).date(),
        children=tuple(ChildEntry(child=str(member.uuid), safety_score=5, dangers=(Danger(
            "Bij ruzie thuis wordt er geslagen; de kinderen zijn er dan bij.",
            "Bij ruzie gaat moeder met de kinderen naar oma en belt zij het CJG."),))
            for member in children_of(household, today)),
        life_areas=tuple(AreaEntry(area, capacity=3, burden=3, chronic=area == LifeArea.INCOME)
                         for area in LifeArea.values),
        current_safety="Op dit moment voldoende veilig: moeder grijpt in en oma is dichtbij.",
        future_safety="Zonder hulp bij de boosheid en de schulden neemt de spanning toe.",
        follow_up=FollowUp.PLAN,
    ), now=morning(today, 10))
    return True


def _in_a_meeting(picker: HouseholdPicker, today: date) -> bool:
    """An MDO with the JGZ invited (consent of the parents); its actions stand in a draft plan."""
    child = picker.youth("de-velden", 1, 3)
    if child is None:
        return False
    worker, actor = acting("cjg-develden")
    case = _applied(worker, actor, child.bsn, today, 15, "Ons kind groeit slecht en eet weinig.")
    _intake(worker, actor, case, today, 12, ParentsRegie.WITH_SUPPORT,
            "De ouders zijn betrokken maar onzeker; zij willen dat de JGZ meekijkt.")
    nurse, _ = acting("jgz")
    parents = _adults(case.household, today)
    record_meeting(worker, actor, case, MeetingRequest(
        kind=MeetingKind.MDO, held_on=morning(today, 5).date(),
        facts="Gewicht en lengte blijven achter; ouders vinden eten een strijd.",
        decisions="De JGZ ziet het kind elke maand; het CJG begeleidt de ouders bij de maaltijden.",
        participants=(ParticipantData(role=ConsultantRole.PARTNER, professional=nurse,
                                      sharing_basis=SharingBasis.CONSENT, consent_given_by=parents),),
        actions=(ActionData(ActionHolder.PROFESSIONAL, "Maandelijks wegen en meten op het consultatiebureau.",
                            _at(today, -20), professional=nurse, is_help=True),),
        parents_took_part=True,
    ), now=morning(today, 5))
    return True


def _parents_keep_regie(picker: HouseholdPicker, today: date) -> bool:
    """A plan the parents carry themselves, with the CJG professional as their back-up."""
    child = picker.youth("emmen-zuid", 5, 11)
    if child is None:
        return False
    worker, actor = acting("cjg-emmenzuid")
    case = _applied(worker, actor, child.bsn, today, 40, "Wij willen weten hoe we de scheiding het "
                    "beste aan onze dochter vertellen.")
    _intake(worker, actor, case, today, 36, ParentsRegie.YES,
            "Beide ouders praten goed samen en hebben een sterk netwerk; zij houden de afspraken zelf bij.")
    plan = _plan(worker, actor, case.household, today, 30,
                 question="Een goede overgang naar twee huizen voor onze dochter.",
                 goal="Onze dochter weet waar ze welke dag slaapt en kan erover praten.",
                 progress="Zij vertelt het zelf aan de leerkracht.",
                 help_what="Twee oudergesprekken over het ouderschapsplan.")
    _regisseur_and_agreement(
        worker, actor, plan, morning(today, 28), parents_keep_regie=True,
        agreements="De ouders bellen het CJG als de afspraken over de weekenden niet lukken.")
    return True


def _plan_closed(picker: HouseholdPicker, today: date) -> bool:
    """A plan agreed months ago whose help started; closed because the problems are solved."""
    child = picker.youth("de-monden", 0, 3)
    if child is None:
        return False
    worker, actor = acting("cjg-demonden")
    case = _applied(worker, actor, child.bsn, today, 90, "Wij hebben vragen over de opvoeding van onze baby.")
    _intake(worker, actor, case, today, 85, ParentsRegie.WITH_SUPPORT,
            "Jonge ouders, gemotiveerd; zij willen steun bij de eerste maanden.")
    plan = _plan(worker, actor, case.household, today, 80,
                 question="Vertrouwen in de verzorging van onze baby.",
                 goal="De ouders voelen zich zeker bij voeden en slapen.",
                 progress="De ouders zeggen het zelf bij de evaluatie.",
                 help_what="Video-hometraining, vier bezoeken.")
    _regisseur_and_agreement(worker, actor, plan, morning(today, 78),
                             family_preference="De ouders kennen het CJG van het consultatiebureau.")
    _help_started(worker, actor, plan, today, 70, done_working_days_ago=10)
    household_plan.close_plan(worker, actor, plan, reason=PlanCloseReason.SOLVED,
                              explanation="De video-hometraining is afgerond; de ouders redden het zelf.",
                              now=morning(today, 5))
    return True


# --- the steps every state shares ------------------------------------------------------------------

def _applied(worker: Professional, actor: Actor, bsn: str, today: date, working_days_ago: int, question: str,
             answers: tuple[str, ...] = NO_RISK) -> Case:
    moment = morning(today, working_days_ago)
    case = record_application(worker, actor, ApplicationRequest(
        bsn=bsn, applicant=Applicant.PARENT, channel=Channel.PHONE, question=question, risk_answers=answers,
    ), moment)
    if case.next_milestone == Milestone.FIRST_CONTACT:  # a *ja* moved it on to the assessment
        record_first_contact(worker, actor, case, now=moment)
    return case


def _intake(worker: Professional, actor: Actor, case: Case, today: date, working_days_ago: int, regie: str,
            reasoning: str) -> None:
    moment = morning(today, working_days_ago)
    arrival = case.arrivals.first()
    record_intake(worker, actor, Case.objects.get(pk=case.pk), IntakeRequest(
        held_on=moment.date(), family_question=arrival.question if arrival else "", parents_regie=regie,
        parents_regie_reasoning=reasoning, summary="Kennismaking thuis met het hele gezin.",
    ), now=moment)


def _plan(worker: Professional, actor: Actor, household: Household, today: date, working_days_ago: int, *,
          question: str, goal: str, progress: str, help_what: str) -> HouseholdPlan:
    moment = morning(today, working_days_ago)
    plan = household_plan.create_plan(worker, actor, household, now=moment)
    plan = household_plan.update_texts(worker, actor, plan, {
        "family_question": question, "strengths": "Betrokken ouders; grootouders wonen dichtbij.",
        "safety_agreements": "Bij zorgen over de veiligheid belt het gezin de regisseur of Veilig Thuis.",
    }, now=moment)
    household_plan.add_goal(worker, actor, plan, member=None, goal=goal, progress_sign=progress, now=moment)
    household_plan.add_actions(worker, actor, household, (household_plan.ActionInput(
        holder_kind=ActionHolder.PROFESSIONAL, what=help_what, due_on=_at(today, working_days_ago - 15),
        professional=worker, is_help=True),), now=moment)
    plan.refresh_from_db()
    return plan


def _help_started(worker: Professional, actor: Actor, plan: HouseholdPlan, today: date, working_days_ago: int,
                  *, done_working_days_ago: int | None = None) -> None:
    """The plan's help started (and, with ``done_working_days_ago``, was completed)."""
    action = plan.actions.get(is_help=True)
    household_plan.update_action(
        worker, actor, action, what=action.what, due_on=action.due_on, is_help=True,
        help_started_on=_at(today, working_days_ago),
        done_on=None if done_working_days_ago is None else _at(today, done_working_days_ago),
        now=morning(today, working_days_ago if done_working_days_ago is None else done_working_days_ago))


def _regisseur_and_agreement(worker: Professional, actor: Actor, plan: HouseholdPlan, moment: datetime,
                             **choice) -> None:
    """The family chooses the worker as regisseur (``choice``: the rest of the ``LeadChoice``) and
    agrees on the day: the parents, and a youth of 12 or over themselves (the age rules)."""
    household_plan.choose_regisseur(worker, actor, plan, LeadChoice(professional=worker, **choice),
                                    now=moment)
    needed = household_plan.who_agrees(plan.household, moment.date())
    household_plan.record_agreement(
        worker, actor, plan, parents_agreed_on=moment.date() if needed.parents or not needed.youth else None,
        youth_agreed_on=moment.date() if needed.youth else None, now=moment)


def _at(today: date, working_days_ago: int) -> date:
    """A working day in the past (positive) or the future (negative)."""
    if working_days_ago >= 0:
        return working_days_before(today, working_days_ago)
    return add_working_days(today, -working_days_ago)


def _adults(household: Household, today: date) -> tuple[Person, ...]:
    return tuple(member.person for member in current_members(household).select_related("person")
                 if member.person.age_on(today) >= ADULT_AGE)
