"""The risk questions and the intake (report §4.2; domain.md §4).

- **the questions** are the municipality's configuration, versioned (``RiskQuestionnaire``): the
  highest version is asked. A municipality that has set none asks the three default questions
  (``DEFAULT_RISK_QUESTIONS``), which are written as its version 1 the first time they are
  answered, in the same transaction; two first answers at once meet on the unique constraint of
  (municipality, version) and both use the one row.
- **answering them** (``record_screening``): one answer per question, each *ja*, *nee* or
  *onbekend*; a missing or unknown answer is refused naming the question. The screening keeps the
  version and the very texts it answered. A *ja* or *onbekend* on any question makes a risk
  assessment due (``CaseSettings.assessment_working_days``, default 10 working days): the case's
  next step in the caseload becomes the risk assessment (``assessment_due``).
- **the intake** (``record_intake``): never saved before the risk questions are answered — at the
  application or on the intake form itself; it records the family's question, a summary, and
  whether the parents can keep regie themselves with the reasoning (required). After it the case
  waits for the risk assessment when there was a concern, otherwise for the plan
  (``cases.after_intake``).

Every step validates (all problems at once, ``Refusals``), writes, audits and notifies in one
transaction.
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from ketenzicht.audit.models import EventType
from ketenzicht.audit.services import Actor, record_many
from ketenzicht.notify.services import Message, notify
from ketenzicht.organisations.models import Professional
from ketenzicht.refusals import RefusalKind, Refused

from . import cases
from .models import (
    DEFAULT_RISK_QUESTIONS,
    Case,
    Intake,
    Milestone,
    ParentsRegie,
    RiskAnswer,
    RiskQuestionnaire,
    RiskScreening,
    ScreeningMoment,
)
from .refusals import problem, raise_all

MAX_TEXT = 10000
MAX_QUESTION = 4000
#: The answers that make a risk assessment due.
CONCERN_ANSWERS = frozenset({RiskAnswer.YES, RiskAnswer.UNKNOWN})


# --- the questions ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Questions:
    """The questions a municipality asks now: its highest version, or the defaults as version 1."""

    version: int
    texts: tuple[str, ...]


def questionnaire_of(municipality_id: int) -> RiskQuestionnaire | None:
    return RiskQuestionnaire.objects.filter(municipality_id=municipality_id).order_by("-version").first()


def current_questions(municipality_id: int) -> Questions:
    """What a form shows (reads only: nothing is written until the questions are answered)."""
    found = questionnaire_of(municipality_id)
    if found is None:
        return Questions(1, DEFAULT_RISK_QUESTIONS)
    return Questions(found.version, tuple(found.questions))


def current_questionnaire(municipality_id: int) -> RiskQuestionnaire:
    """The municipality's current questionnaire, written as version 1 with the default questions
    when it has none. Call inside the writing transaction: a parallel first writer meets this one
    on the unique constraint and both use the same row."""
    found = questionnaire_of(municipality_id)
    if found is not None:
        return found
    try:
        with transaction.atomic():
            return RiskQuestionnaire.objects.create(municipality_id=municipality_id, version=1,
                                                    questions=list(DEFAULT_RISK_QUESTIONS))
    except IntegrityError:
        # Another first answer wrote version 1 a moment ago (on PostgreSQL the insert waited for
        # its commit, so it is visible now under READ COMMITTED).
        return RiskQuestionnaire.objects.filter(municipality_id=municipality_id).order_by("-version")[0]


def screening_problems(texts: tuple[str, ...] | list[str], answers: tuple[str, ...] | None) -> list[Refused]:
    """Every problem with the answers, each naming its question (field ``risicovragen.<index>``)."""
    given = tuple(answers or ())
    problems = []
    if len(given) > len(texts):
        problems.append(problem("te-veel-antwoorden", f"Er zijn {len(texts)} risicovragen: geef op "
                                "elke vraag één antwoord, in hun volgorde.", "risicovragen"))
    for index, text in enumerate(texts):
        answer = given[index] if index < len(given) else ""
        if not answer:
            problems.append(problem("antwoord-ontbreekt", f"Beantwoord risicovraag {index + 1} "
                                    f"(ja, nee of onbekend): {text}", f"risicovragen.{index}"))
        elif answer not in RiskAnswer.values:
            problems.append(problem("antwoord-onbekend", f"Risicovraag {index + 1} kan alleen met ja, "
                                    f"nee of onbekend worden beantwoord: {text}", f"risicovragen.{index}"))
    return problems


def has_concern(answers: tuple[str, ...] | list[str]) -> bool:
    return any(answer in CONCERN_ANSWERS for answer in answers)


def _version_problems(questionnaire: RiskQuestionnaire, version: int | None) -> list[Refused]:
    if version is not None and version != questionnaire.version:
        return [problem("vragen-gewijzigd", "De risicovragen van de gemeente zijn zojuist gewijzigd. "
                        "Stel de vragen zoals ze nu op het scherm staan.", "risicovragen")]
    return []


def _create_screening(professional: Professional, actor: Actor, case: Case,
                      questionnaire: RiskQuestionnaire, answers: tuple[str, ...], moment: str,
                      now: datetime) -> RiskScreening:
    screening = RiskScreening.objects.create(
        case=case, questionnaire=questionnaire, questions=list(questionnaire.questions),
        answers=list(answers), concern=has_concern(answers), moment=moment, answered_at=now,
        answered_by=professional,
    )
    record_many(actor, EventType.CREATE, cases.case_subjects(case, {"moment": moment}),
                purpose="casus: risicovragen beantwoord")
    return screening


def check_answers(municipality_id: int, answers: tuple[str, ...] | None,
                  version: int | None = None) -> list[Refused]:
    """The problems of answers against the questions asked now (before anything is written)."""
    questions = current_questions(municipality_id)
    problems = []
    if version is not None and version != questions.version:
        problems.append(problem("vragen-gewijzigd", "De risicovragen van de gemeente zijn zojuist "
                                "gewijzigd. Stel de vragen zoals ze nu op het scherm staan.", "risicovragen"))
    return problems + screening_problems(questions.texts, answers)


@transaction.atomic
def record_screening(professional: Professional, actor: Actor, case: Case, answers: tuple[str, ...], *,
                     moment: str, version: int | None = None, now: datetime | None = None) -> RiskScreening:
    """The risk questions answered for the case; a *ja* or *onbekend* makes a risk assessment due.

    ``version`` is the questionnaire version the form showed: when the municipality changed its
    questions meanwhile, the answers are refused rather than stored against other texts.
    """
    now = now or timezone.now()
    case = cases._locked(case)
    cases._expect_open(case)
    cases._check_team_member(professional, case.team)
    if moment not in ScreeningMoment.values:
        cases.refuse("moment-onbekend", "Kies wanneer de vragen zijn gesteld: bij de aanmelding of de "
                     "intake.", "moment")
    questionnaire = current_questionnaire(case.team.municipality_id)
    raise_all(_version_problems(questionnaire, version)
              + screening_problems(questionnaire.questions, answers))
    screening = _create_screening(professional, actor, case, questionnaire, tuple(answers), moment, now)
    if screening.concern:
        assessment_due(case, screening, now)
    return screening


def assessment_due(case: Case, screening: RiskScreening, at: datetime) -> None:
    """A concern makes the risk assessment the case's next step, due in the municipality's term;
    an assessment due earlier already keeps its date (a second concern never postpones it). The
    holder is told once per screening."""
    due = cases.due_after(at, cases.case_settings(case.team).assessment_working_days)
    if case.next_milestone == Milestone.ASSESSMENT and case.next_due is not None and case.next_due <= due:
        return
    cases.wait_for(case, Milestone.ASSESSMENT, due)
    _tell_assessment_due(case, screening)


def _tell_assessment_due(case: Case, screening: RiskScreening) -> None:
    notify([case.responsible], Message(
        kind="casus-risicotaxatie", title="Een risicotaxatie is nodig",
        body=f"Een risicovraag is met ja of onbekend beantwoord. Risicotaxatie uiterlijk "
             f"{case.next_due:%d-%m-%Y}.",
        link=cases.case_link(case), subject_key=f"{screening.uuid}:risicotaxatie",
    ))


def latest_screening(case: Case) -> RiskScreening | None:
    return case.screenings.order_by("-answered_at", "-id").first()


# --- the intake -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class IntakeRequest:
    held_on: date | None
    family_question: str
    parents_regie: str
    parents_regie_reasoning: str
    summary: str = ""
    #: The answers to the risk questions when the case has none yet (asked on the intake form).
    risk_answers: tuple[str, ...] | None = None
    #: The questionnaire version the form showed with ``risk_answers``.
    questionnaire_version: int | None = None


def _intake_problems(case: Case, request: IntakeRequest, today: date) -> list[Refused]:
    problems = []
    if request.held_on is None:
        problems.append(problem("datum-ontbreekt", "Vul in op welke datum de intake was.", "gehouden_op"))
    elif request.held_on > today:
        problems.append(problem("datum-in-toekomst", "De datum van de intake ligt in de toekomst.",
                                "gehouden_op"))
    elif request.held_on < timezone.localdate(case.opened_at):
        opened = timezone.localdate(case.opened_at)
        problems.append(problem("datum-voor-casus", "De intake kan niet eerder zijn dan de casus "
                                f"(geopend op {opened:%d-%m-%Y}).", "gehouden_op"))
    if not request.family_question.strip():
        problems.append(problem("vraag-ontbreekt", "Noteer de vraag van het gezin in hun eigen woorden.",
                                "vraag"))
    elif len(request.family_question) > MAX_QUESTION:
        problems.append(problem("vraag-te-lang", f"Noteer de vraag in ten hoogste {MAX_QUESTION} tekens.",
                                "vraag"))
    if len(request.summary) > MAX_TEXT:
        problems.append(problem("samenvatting-te-lang", f"Houd de samenvatting onder {MAX_TEXT} tekens.",
                                "samenvatting"))
    if request.parents_regie not in ParentsRegie.values:
        problems.append(problem("regie-onbekend", "Geef aan of de ouders zelf de regie kunnen voeren.",
                                "regie"))
    if not request.parents_regie_reasoning.strip():
        problems.append(problem("onderbouwing-ontbreekt", "Onderbouw waarom de ouders wel of niet zelf "
                                "de regie kunnen voeren.", "onderbouwing"))
    elif len(request.parents_regie_reasoning) > MAX_TEXT:
        problems.append(problem("onderbouwing-te-lang", f"Houd de onderbouwing onder {MAX_TEXT} tekens.",
                                "onderbouwing"))
    return problems


@transaction.atomic
def record_intake(professional: Professional, actor: Actor, case: Case, request: IntakeRequest,
                  now: datetime | None = None) -> Intake:
    """The team's intake with the household; refused while the risk questions are unanswered."""
    now = now or timezone.now()
    case = cases._locked(case)
    cases._expect_open(case)
    cases._check_team_member(professional, case.team)
    if Intake.objects.filter(case=case).exists():
        cases.refuse("intake-bestaat", "De intake van deze casus is al vastgelegd.",
                     kind=RefusalKind.CONFLICT)
    problems = _intake_problems(case, request, timezone.localdate(now))
    screening = latest_screening(case)
    questionnaire = None
    if request.risk_answers is not None:
        questionnaire = current_questionnaire(case.team.municipality_id)
        problems += _version_problems(questionnaire, request.questionnaire_version)
        problems += screening_problems(questionnaire.questions, request.risk_answers)
    elif screening is None:
        # No intake before the risk questions (report §4.2): each unanswered question is named.
        problems += screening_problems(current_questions(case.team.municipality_id).texts, ())
    raise_all(problems)
    if questionnaire is not None:
        screening = _create_screening(professional, actor, case, questionnaire, tuple(request.risk_answers),
                                      ScreeningMoment.INTAKE, now)
    intake = Intake.objects.create(
        case=case, screening=screening, held_on=request.held_on, recorded_by=professional, recorded_at=now,
        family_question=request.family_question.strip(), summary=request.summary.strip(),
        parents_regie=request.parents_regie, parents_regie_reasoning=request.parents_regie_reasoning.strip(),
    )
    record_many(actor, EventType.CREATE, cases.case_subjects(case, {"intake": str(intake.uuid)}),
                purpose="casus: intake")
    _next_step(case, screening, now)
    return intake


def _next_step(case: Case, screening: RiskScreening, now: datetime) -> None:
    """After the intake: the risk assessment when the questions raised a concern, else the plan.

    An assessment already due from the application keeps its (earlier) date; one already made
    since the questions were answered counts; a case that is further (a plan agreed) stays there.
    """
    assessed_since = case.assessments.filter(recorded_at__gte=screening.answered_at).exists()
    concern = screening.concern and not assessed_since
    if case.next_milestone == Milestone.ASSESSMENT and concern and case.next_due is not None:
        return
    if case.next_milestone in (Milestone.PLAN, Milestone.REVIEW) and not concern:
        return
    cases.after_intake(case, concern=concern, at=now)
    if concern:
        _tell_assessment_due(case, screening)
