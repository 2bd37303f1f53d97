"""A family's own application (aanmelding) at a team: families may come without a professional.

A parent applies for their household (by phone, at the walk-in or by e-mail); a youth of 16 or
older may apply alone (the age band in which the youth decides, ``people.ages``). The team's
professional records it, and it opens the household's case at the team, or joins the open one
(``cases.arrive``). Someone new to Ketenzicht is looked up in the BRP with their household.

The risk questions are asked at the application (report §4.2: "bij een eerste aanmelding"): the
answers are recorded with it (``intake.record_screening``'s rules, moment *aanmelding*), and a *ja*
or *onbekend* makes a risk assessment due, shown in the caseload as the case's next step. The
answers are checked with everything else before anything is written; every problem is told at
once (``Refusals``).
"""

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from ketenzicht.audit.services import Actor
from ketenzicht.organisations.models import Professional
from ketenzicht.people.ages import AgeBand, age_band
from ketenzicht.people.services import current_household
from ketenzicht.signals.services import person_by_bsn

from . import cases, intake
from .models import Applicant, ArrivalKind, Case, Channel, ScreeningMoment
from .refusals import problem, raise_all

MAX_QUESTION = 4000


@dataclass(frozen=True)
class ApplicationRequest:
    bsn: str
    applicant: str
    channel: str
    question: str
    #: One answer per risk question of the municipality, in their order (ja, nee, onbekend); None
    #: when they were not asked at the application (then the intake asks them).
    risk_answers: tuple[str, ...] | None = None
    #: The questionnaire version the form showed (None: the current one).
    questionnaire_version: int | None = None


@transaction.atomic
def record_application(professional: Professional, actor: Actor, request: ApplicationRequest,
                       now: datetime | None = None) -> Case:
    now = now or timezone.now()
    problems = _problems(request)
    if request.risk_answers is not None:
        problems += intake.check_answers(professional.organisation.municipality_id, request.risk_answers,
                                         request.questionnaire_version)
    raise_all(problems)
    person = person_by_bsn(request.bsn, actor, bring_into_view=True)
    age = person.age_on(timezone.localdate(now))
    if request.applicant == Applicant.YOUTH and age_band(age) != AgeBand.YOUTH:
        cases.refuse("jeugdige-te-jong", "Een jeugdige jonger dan 16 meldt zich aan samen met een ouder "
                     "of verzorger; kies 'Ouder of verzorger'.", "aanmelder")
    household = current_household(person)
    if household is None:
        cases.refuse("geen-huishouden", "Deze persoon woont volgens de basisregistratie in geen "
                     "huishouden dat Ketenzicht kent.", "bsn")
    case = cases.arrive(professional, actor, household, cases.ArrivalRequest(
        kind=ArrivalKind.APPLICATION, person=person, channel=request.channel,
        applicant=request.applicant, question=request.question.strip(),
    ), now)
    if request.risk_answers is not None:
        intake.record_screening(professional, actor, case, request.risk_answers,
                                moment=ScreeningMoment.APPLICATION, version=request.questionnaire_version,
                                now=now)
        case.refresh_from_db()
    return case


def joined_open_case(case: Case) -> bool:
    """Whether the application joined a case that was open already (it is not its only arrival)."""
    return case.arrivals.count() > 1


def _problems(request: ApplicationRequest) -> list:
    problems = []
    if request.applicant not in Applicant.values:
        problems.append(problem("aanmelder-onbekend", "Kies wie zich aanmeldt: een ouder of verzorger, of "
                                "de jeugdige zelf (16 jaar of ouder).", "aanmelder"))
    if request.channel not in Channel.values:
        problems.append(problem("kanaal-onbekend", "Kies hoe de aanmelding binnenkwam: telefoon, inloop "
                                "of e-mail.", "kanaal"))
    if not request.question.strip():
        problems.append(problem("vraag-ontbreekt", "Noteer de vraag van het gezin in hun eigen woorden.",
                                "vraag"))
    elif len(request.question) > MAX_QUESTION:
        problems.append(problem("vraag-te-lang", f"Noteer de vraag in ten hoogste {MAX_QUESTION} tekens.",
                                "vraag"))
    return problems
