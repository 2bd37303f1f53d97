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

A team records an application only for a household it may take on (``may_take_on``): a district
team (its type has ``grants_district_basis``) for a household living in one of its districts; a
case-holding team linked to no district (the CJG 12+ team, Veilig Thuis) serves its municipality,
so a household living in one of the municipality's districts; and any team that already has a
basis of its own that brings the household into view (a signal, a route, an earlier case). That
is checked right after the person is found and before any other fact about them (their age, their
household): any other team hears exactly what it would hear of a BSN nobody has
(``persoon-onbekend``), so the answer never tells whether or where the person lives. Every refused
application is audited as denied, in the person's access report when Ketenzicht knows them; a
person brought in from the BRP for an application that is then refused is not kept.
"""

from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from ketenzicht.access.services import basis_for, visible_household
from ketenzicht.audit.models import EventType, Outcome
from ketenzicht.audit.services import Actor, Subject, record
from ketenzicht.organisations.models import Professional
from ketenzicht.people.ages import AgeBand, age_band
from ketenzicht.people.models import Household, Person
from ketenzicht.people.services import current_household, find_person_by_bsn
from ketenzicht.refusals import RefusalKind, Refused
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


#: What an application hears about a person it may not take on: word for word what it hears about
#: a BSN that nobody has (``signals.services.person_by_bsn``), so the answer reveals nothing.
UNKNOWN_PERSON = ("persoon-onbekend", "Deze persoon is niet bekend in de basisregistratie personen.", "bsn")


@dataclass
class NotTheTeams(Refused):
    """The household is not the team's to take on: answered as an unknown person; ``reason`` is
    only for the audit trail."""

    reason: str = "buiten-werkgebied"


def record_application(professional: Professional, actor: Actor, request: ApplicationRequest,
                       now: datetime | None = None) -> Case:
    """Record the application; a refusal is audited as denied after the writes rolled back."""
    try:
        return _record(professional, actor, request, now or timezone.now())
    except Refused as refusal:
        _audit_refusal(actor, request.bsn, refusal)
        raise


@transaction.atomic
def _record(professional: Professional, actor: Actor, request: ApplicationRequest, now: datetime) -> Case:
    cases.check_case_holder(professional)
    problems = _problems(request)
    if request.risk_answers is not None:
        problems += intake.check_answers(professional.organisation.municipality_id, request.risk_answers,
                                         request.questionnaire_version)
    raise_all(problems)
    person = person_by_bsn(request.bsn, actor, bring_into_view=True)
    household = current_household(person)
    # The area first: nothing else about the person (age, household) is told to another team.
    if not may_take_on(professional, person, household):
        raise NotTheTeams(RefusalKind.INVALID, *UNKNOWN_PERSON)
    age = person.age_on(timezone.localdate(now))
    if request.applicant == Applicant.YOUTH and age_band(age) != AgeBand.YOUTH:
        cases.refuse("jeugdige-te-jong", "Een jeugdige jonger dan 16 meldt zich aan samen met een ouder "
                     "of verzorger; kies 'Ouder of verzorger'.", "aanmelder")
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


def may_take_on(professional: Professional, person: Person, household: Household | None) -> bool:
    """Whether the professional's team may take this household on at the family's own application.

    - a district team (``grants_district_basis``): a household living in one of its districts;
    - a team linked to no district (the CJG 12+ team, Veilig Thuis): its municipality is its area,
      so a household living in one of the municipality's districts;
    - any team with a basis of its own that brings the household into view (a signal, a route, an
      open case; not a verwijsindex registration, which shows the person only) — or, for a person
      in no known household, a basis on the person.
    A household outside every district (outside the municipality) is only for a team involved.
    """
    team = professional.organisation
    if household is None:
        return basis_for(professional, person) is not None
    district = household.district
    if district is not None:
        districts = set(team.districts.values_list("pk", flat=True))
        if districts and team.type.grants_district_basis and district.pk in districts:
            return True
        if not districts and district.municipality_id == team.municipality_id:
            return True
    return visible_household(professional, household.uuid) is not None


def _audit_refusal(actor: Actor, bsn: str, refusal: Refused) -> None:
    """A refused application, in the access report of the person it named when Ketenzicht knows them
    (a person fetched from the BRP for it was rolled back with it)."""
    try:
        person = find_person_by_bsn(bsn)
    except ValidationError:
        person = None
    code = refusal.reason if isinstance(refusal, NotTheTeams) else refusal.code
    record(actor, EventType.CREATE, Subject(
        client_pseudonym=str(person.uuid) if person else "", object_type="aanmelding",
        detail={"code": code}), outcome=Outcome.DENIED, purpose=f"aanmelding vastleggen geweigerd: {code}")


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
