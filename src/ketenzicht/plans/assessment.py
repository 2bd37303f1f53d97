"""The structured risk assessment (risicotaxatie) of the whole household (domain.md §4).

- **the whole household**: every current member under 18 is assessed, in the same format
  (``assessment_format``, whose version is stored with the assessment): signals, risk factors and
  protective factors from the fixed lists plus free additions, danger statements each paired with
  a safety goal, and the professional's score on the safety scale (0: the child is not safe and
  must be protected now; 10: safe enough to close). Optionally the same scale scored by each
  parent, the child (only from 12, ``people.ages``) and the network: the difference matters.
- **per household**: draagkracht and draaglast on each of the seven leefgebieden (all seven),
  signs of zorgmijding, the social network, and whether the household meets the GGSR definition —
  computed, never chosen: chronic problems on at least four leefgebieden and parents unable to
  solve them (factsheet).
- **the judgement**: a reasoned judgement on current and future safety is required; the follow-up
  is the professional's choice (``FollowUp``). The system never decides; it asks for a reason when
  a child scored 4 or lower and the follow-up is no action.
- **who**: a professional of the team that holds the case — a local team or Veilig Thuis — under
  the case; or, without a case, a client professional of an organisation whose type assesses risk
  (``OrganisationType.assesses_risk``: the GGD's JGZ) on a household it has a basis on that opens
  the household (``access.services.visible_household``: a signal, a client relation, a case or a
  plan; a verwijsindex registration opens only the youth's own page and is not enough). The same
  instrument for all three. Each organisation's assessments are its own file: its history shows
  only its own, and a case-less assessment moves no case's milestone.

Not LIRIK or any other licensed instrument (see ``assessment_format``). Validates everything at
once (``Refusals``), writes, audits (one event per household member) in one transaction; after it
the case waits for the plan (``cases.after_assessment``).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from ketenzicht.access.services import visible_household
from ketenzicht.audit.models import EventType
from ketenzicht.audit.services import Actor, Subject, record_many
from ketenzicht.organisations.models import Organisation, Professional
from ketenzicht.people.ages import ADULT_AGE, YOUTH_HAS_A_SAY_FROM
from ketenzicht.people.models import Household, Person
from ketenzicht.refusals import RefusalKind, Refused

from . import cases
from .assessment_format import KINDS, current_format
from .models import (
    LOW_SAFETY_SCORE,
    Case,
    ChildAssessment,
    DangerStatement,
    FollowUp,
    LifeArea,
    LifeAreaJudgement,
    RiskAssessment,
    SafetyScore,
    Scorer,
)
from .refusals import problem, raise_all

MAX_TEXT = 10000
#: Chronic problems on at least this many leefgebieden (with parents unable to solve them) make a
#: GGSR household (factsheet).
GGSR_MIN_CHRONIC_AREAS = 4
SCALE = range(0, 11)
AREA_SCALE = range(1, 6)


@dataclass(frozen=True)
class Danger:
    statement: str
    safety_goal: str


@dataclass(frozen=True)
class OtherScore:
    scorer: str
    score: int | None
    name: str = ""


@dataclass(frozen=True)
class ChildEntry:
    child: str  # the person's uuid
    safety_score: int | None
    signals: tuple[str, ...] = ()
    risk_factors: tuple[str, ...] = ()
    protective_factors: tuple[str, ...] = ()
    other_signals: str = ""
    other_risk_factors: str = ""
    other_protective_factors: str = ""
    dangers: tuple[Danger, ...] = ()
    other_scores: tuple[OtherScore, ...] = ()


@dataclass(frozen=True)
class AreaEntry:
    area: str
    capacity: int | None
    burden: int | None
    chronic: bool = False
    notes: str = ""


@dataclass(frozen=True)
class AssessmentRequest:
    assessed_on: date | None
    children: tuple[ChildEntry, ...]
    life_areas: tuple[AreaEntry, ...]
    current_safety: str
    future_safety: str
    follow_up: str
    follow_up_reason: str = ""
    care_avoidance: bool = False
    care_avoidance_notes: str = ""
    social_network: str = ""
    parents_unable_to_solve: bool = False


def children_of(household: Household, on: date) -> list[Person]:
    """The household's current members under 18 on ``on``, the eldest first: each is assessed."""
    return sorted((person for person in cases.members(household) if person.age_on(on) < ADULT_AGE),
                  key=lambda person: (person.date_of_birth, person.pk))


def meets_ggsr(life_areas: Iterable[AreaEntry], parents_unable_to_solve: bool) -> bool:
    """Chronic problems on at least four leefgebieden and parents unable to solve them (factsheet)."""
    chronic = {entry.area for entry in life_areas if entry.chronic}
    return parents_unable_to_solve and len(chronic) >= GGSR_MIN_CHRONIC_AREAS


def may_assess(professional: Professional, case: Case) -> bool:
    """A client professional of the team that holds the case (a local team or Veilig Thuis)."""
    return (professional.organisation_id == case.team_id and professional.works_with_clients
            and cases.holds_cases(case.team))


def assesses_without_case(professional: Professional) -> bool:
    """A client professional of an active organisation whose type assesses risk without a case
    (the GGD's JGZ); whether it may assess a given household depends on its basis there."""
    organisation = professional.organisation
    return (professional.works_with_clients and organisation.is_active
            and organisation.type.assesses_risk)


# --- validation ----------------------------------------------------------------------------------

def _text(problems: list[Refused], value: str, code: str, label: str, name: str, required: bool = False):
    if required and not value.strip():
        problems.append(problem(f"{code}-ontbreekt", f"{label} is verplicht.", name))
    elif len(value) > MAX_TEXT:
        problems.append(problem(f"{code}-te-lang", f"{label}: ten hoogste {MAX_TEXT} tekens.", name))


def _child_problems(entry: ChildEntry, person: Person, on: date, index: int) -> list[Refused]:
    problems: list[Refused] = []
    name = person.full_name
    prefix = f"kinderen.{index}"
    chosen_format = current_format()
    for kind in KINDS:
        unknown = sorted(set(getattr(entry, kind)) - set(chosen_format.labels(kind)))
        if unknown:
            problems.append(problem("onbekend-item", f"{name}: onbekende keuze uit de lijst "
                                    f"({', '.join(unknown)}).", f"{prefix}.{kind}"))
    if entry.safety_score is None:
        problems.append(problem("score-ontbreekt", f"Geef voor {name} uw oordeel op de veiligheidsschaal "
                                "(0 tot en met 10).", f"{prefix}.safety_score"))
    elif entry.safety_score not in SCALE:
        problems.append(problem("score-buiten-schaal", f"{name}: de veiligheidsschaal loopt van 0 tot en "
                                "met 10.", f"{prefix}.safety_score"))
    for number, danger in enumerate(entry.dangers, start=1):
        if bool(danger.statement.strip()) != bool(danger.safety_goal.strip()):
            problems.append(problem("gevaar-zonder-doel", f"{name}: zet bij gevaarsomschrijving {number} "
                                    "een veiligheidsdoel, en bij elk doel de gevaarsomschrijving.",
                                    f"{prefix}.dangers.{number - 1}"))
    for number, other in enumerate(entry.other_scores, start=1):
        field_name = f"{prefix}.other_scores.{number - 1}"
        if other.scorer not in Scorer.values:
            problems.append(problem("scorer-onbekend", f"{name}: kies wie score {number} gaf (ouder, "
                                    "jeugdige of netwerk).", field_name))
        elif other.scorer == Scorer.CHILD and person.age_on(on) < YOUTH_HAS_A_SAY_FROM:
            problems.append(problem("kind-te-jong", f"{name} is jonger dan {YOUTH_HAS_A_SAY_FROM}: de "
                                    "eigen score van het kind wordt vanaf 12 jaar gevraagd.", field_name))
        if other.score is None or other.score not in SCALE:
            problems.append(problem("score-buiten-schaal", f"{name}: score {number} moet op de schaal van "
                                    "0 tot en met 10 liggen.", field_name))
    for kind, label in (("other_signals", "andere signalen"), ("other_risk_factors", "andere risicofactoren"),
                        ("other_protective_factors", "andere beschermende factoren")):
        _text(problems, getattr(entry, kind), "tekst", f"{name}: {label}", f"{prefix}.{kind}")
    return problems


def _children_problems(request: AssessmentRequest, children: list[Person], on: date) -> list[Refused]:
    problems: list[Refused] = []
    by_uuid = {str(child.uuid): child for child in children}
    given = [entry.child for entry in request.children]
    unknown = [uuid for uuid in given if uuid not in by_uuid]
    if unknown or len(set(given)) != len(given):
        problems.append(problem("kind-onbekend", "Beoordeel alleen de kinderen van dit huishouden, ieder "
                                "één keer.", "kinderen"))
    if not children:
        problems.append(problem("geen-kinderen", "Dit huishouden heeft geen kinderen onder de 18: een "
                                "risicotaxatie gaat over de veiligheid van kinderen.", "kinderen"))
    missing = [child.full_name for child in children if str(child.uuid) not in given]
    if missing:
        problems.append(problem("kind-ontbreekt", "Beoordeel ieder kind van het huishouden, in hetzelfde "
                                f"format: {', '.join(missing)} ontbreekt.", "kinderen"))
    for index, entry in enumerate(request.children):
        if entry.child in by_uuid:
            problems += _child_problems(entry, by_uuid[entry.child], on, index)
    return problems


def _household_problems(request: AssessmentRequest, today: date) -> list[Refused]:
    problems: list[Refused] = []
    if request.assessed_on is None:
        problems.append(problem("datum-ontbreekt", "Vul de datum van de risicotaxatie in.", "datum"))
    elif request.assessed_on > today:
        problems.append(problem("datum-in-toekomst", "De datum van de risicotaxatie ligt in de toekomst.",
                                "datum"))
    areas = [entry.area for entry in request.life_areas]
    if sorted(areas) != sorted(LifeArea.values):
        missing = [str(area.label) for area in LifeArea if area.value not in areas]
        problems.append(problem("leefgebied-ontbreekt", "Beoordeel draagkracht en draaglast op elk van de "
                                "zeven leefgebieden, ieder één keer" + (f": {', '.join(missing)} ontbreekt."
                                                                      if missing else "."), "leefgebieden"))
    for entry in request.life_areas:
        label = LifeArea(entry.area).label if entry.area in LifeArea.values else entry.area
        if entry.capacity not in AREA_SCALE or entry.burden not in AREA_SCALE:
            problems.append(problem("leefgebied-score", f"{label}: geef draagkracht en draaglast op de "
                                    "schaal van 1 (weinig) tot en met 5 (veel).",
                                    f"leefgebieden.{entry.area}"))
        _text(problems, entry.notes, "tekst", f"{label}: toelichting", f"leefgebieden.{entry.area}")
    if request.care_avoidance:
        _text(problems, request.care_avoidance_notes, "zorgmijding",
              "Een toelichting bij de signalen van zorgmijding", "zorgmijding_toelichting", required=True)
    _text(problems, request.social_network, "netwerk", "Het sociaal netwerk", "netwerk")
    _text(problems, request.current_safety, "huidige-veiligheid",
          "Een onderbouwd oordeel over de huidige veiligheid", "huidige_veiligheid", required=True)
    _text(problems, request.future_safety, "toekomstige-veiligheid",
          "Een onderbouwd oordeel over de toekomstige veiligheid", "toekomstige_veiligheid", required=True)
    if request.follow_up not in FollowUp.values:
        problems.append(problem("vervolg-onbekend", "Kies het vervolg: dat besluit u zelf.", "vervolg"))
    low = [entry for entry in request.children
           if entry.safety_score is not None and entry.safety_score <= LOW_SAFETY_SCORE]
    if request.follow_up == FollowUp.NONE and low and not request.follow_up_reason.strip():
        problems.append(problem("reden-ontbreekt", f"Een kind scoort {LOW_SAFETY_SCORE} of lager op de "
                                "veiligheidsschaal en u kiest geen verdere actie: leg uit waarom dat "
                                "verantwoord is.", "vervolg_reden"))
    _text(problems, request.follow_up_reason, "reden", "De reden voor het vervolg", "vervolg_reden")
    return problems


# --- recording -----------------------------------------------------------------------------------

@transaction.atomic
def record_assessment(professional: Professional, actor: Actor, case: Case, request: AssessmentRequest,
                      now: datetime | None = None) -> RiskAssessment:
    """The household's risk assessment under the team's case; every problem is told at once."""
    now = now or timezone.now()
    case = cases._locked(case)
    cases._expect_open(case)
    cases._check_team_member(professional, case.team)
    if not cases.holds_cases(case.team):
        cases.refuse("geen-casushouder", "Alleen een team dat casussen houdt legt een risicotaxatie vast.",
                     "", RefusalKind.FORBIDDEN)
    assessment = _record(professional, case.household, case.team, case, request, now)
    record_many(actor, EventType.CREATE, cases.case_subjects(case, {"risicotaxatie": str(assessment.uuid)}),
                purpose="casus: risicotaxatie")
    cases.after_assessment(case, at=now)
    return assessment


@transaction.atomic
def record_household_assessment(professional: Professional, actor: Actor, household: Household,
                                request: AssessmentRequest, now: datetime | None = None) -> RiskAssessment:
    """A risk assessment without a case, by an organisation whose type assesses risk (the JGZ), of a
    household it has a basis on; the same instrument and rules. No case's milestone moves: a team's
    case waits for the team's own assessment."""
    now = now or timezone.now()
    if not assesses_without_case(professional):
        cases.refuse("geen-taxateur", "Uw organisatie legt geen risicotaxaties vast zonder casus; een team "
                     "legt de risicotaxatie vast onder zijn casus.", "", RefusalKind.FORBIDDEN)
    if visible_household(professional, household.uuid) is None:
        cases.refuse("geen-grondslag", "Uw organisatie heeft geen grondslag bij dit huishouden.", "",
                     RefusalKind.FORBIDDEN)
    assessment = _record(professional, household, professional.organisation, None, request, now)
    record_many(actor, EventType.CREATE, household_subjects(assessment), purpose="risicotaxatie zonder casus")
    return assessment


ASSESSMENT_OBJECT = "risicotaxatie"


def household_subjects(assessment: RiskAssessment) -> list[Subject]:
    """One audit subject per current member: each member's access report shows the assessment."""
    return [Subject(client_pseudonym=str(person.uuid), object_type=ASSESSMENT_OBJECT,
                    object_id=str(assessment.uuid)) for person in cases.members(assessment.household)]


def _record(professional: Professional, household: Household, organisation: Organisation, case: Case | None,
            request: AssessmentRequest, now: datetime) -> RiskAssessment:
    """Validate everything at once, then write the assessment with its children and leefgebieden."""
    today = timezone.localdate(now)
    on = request.assessed_on or today
    children = children_of(household, on)
    problems = _children_problems(request, children, on) + _household_problems(request, today)
    raise_all(problems)
    assessment = RiskAssessment.objects.create(
        household=household, case=case, organisation=organisation, format_version=current_format().version,
        assessed_on=request.assessed_on, assessed_by=professional, recorded_at=now,
        care_avoidance=request.care_avoidance, care_avoidance_notes=request.care_avoidance_notes.strip(),
        social_network=request.social_network.strip(),
        parents_unable_to_solve=request.parents_unable_to_solve,
        meets_ggsr=meets_ggsr(request.life_areas, request.parents_unable_to_solve),
        current_safety=request.current_safety.strip(), future_safety=request.future_safety.strip(),
        follow_up=request.follow_up, follow_up_reason=request.follow_up_reason.strip(),
    )
    LifeAreaJudgement.objects.bulk_create([
        LifeAreaJudgement(assessment=assessment, area=entry.area, capacity=entry.capacity,
                          burden=entry.burden, chronic=entry.chronic, notes=entry.notes.strip())
        for entry in request.life_areas
    ])
    by_uuid = {str(child.uuid): child for child in children}
    for entry in request.children:
        row = ChildAssessment.objects.create(
            assessment=assessment, child=by_uuid[entry.child], signals=sorted(set(entry.signals)),
            risk_factors=sorted(set(entry.risk_factors)),
            protective_factors=sorted(set(entry.protective_factors)),
            other_signals=entry.other_signals.strip(), other_risk_factors=entry.other_risk_factors.strip(),
            other_protective_factors=entry.other_protective_factors.strip(), safety_score=entry.safety_score,
        )
        DangerStatement.objects.bulk_create([
            DangerStatement(child_assessment=row, statement=danger.statement.strip(),
                            safety_goal=danger.safety_goal.strip())
            for danger in entry.dangers if danger.statement.strip()
        ])
        SafetyScore.objects.bulk_create([
            SafetyScore(child_assessment=row, scorer=other.scorer, scorer_name=other.name.strip()[:200],
                        score=other.score)
            for other in entry.other_scores
        ])
    return assessment


# --- reading -------------------------------------------------------------------------------------

def with_details(assessments: QuerySet[RiskAssessment]) -> QuerySet[RiskAssessment]:
    """Everything a detail or history page shows, in a fixed number of queries."""
    return assessments.select_related("assessed_by__user", "organisation").prefetch_related(
        "life_areas",
        Prefetch("children", queryset=ChildAssessment.objects.select_related("child")
                 .prefetch_related("dangers", "other_scores").order_by("child__date_of_birth", "child_id")),
    )


def own_history(household: Household, organisation: Organisation) -> QuerySet[RiskAssessment]:
    """The organisation's own assessments of the household, oldest first.

    Only its own: another organisation's assessment is its file (domain.md §4: never the content
    of another organisation's file)."""
    return with_details(RiskAssessment.objects.filter(household=household, organisation=organisation)
                        .order_by("assessed_on", "id"))


def history(case: Case) -> QuerySet[RiskAssessment]:
    """The team's assessments of the household (under this case and its earlier ones), oldest first."""
    return own_history(case.household, case.team)
