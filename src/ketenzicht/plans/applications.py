"""A family's own application (aanmelding) at a team: families may come without a professional.

A parent applies for their household (by phone, at the walk-in or by e-mail); a youth of 16 or
older may apply alone (the age band in which the youth decides, ``people.ages``). The team's
professional records it, and it opens the household's case at the team, or joins the open one
(``cases.arrive``). Someone new to Ketenzicht is looked up in the BRP with their household.
"""

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from ketenzicht.audit.services import Actor
from ketenzicht.organisations.models import Professional
from ketenzicht.people.ages import AgeBand, age_band
from ketenzicht.people.services import current_household
from ketenzicht.signals.services import person_by_bsn

from . import cases
from .models import Applicant, ArrivalKind, Case, Channel

MAX_QUESTION = 4000


@dataclass(frozen=True)
class ApplicationRequest:
    bsn: str
    applicant: str
    channel: str
    question: str


def record_application(professional: Professional, actor: Actor, request: ApplicationRequest,
                       now: datetime | None = None) -> Case:
    now = now or timezone.now()
    _check(request)
    person = person_by_bsn(request.bsn, actor, bring_into_view=True)
    age = person.age_on(timezone.localdate(now))
    if request.applicant == Applicant.YOUTH and age_band(age) != AgeBand.YOUTH:
        cases.refuse("jeugdige-te-jong", "Een jeugdige jonger dan 16 meldt zich aan samen met een ouder "
                     "of verzorger; kies 'Ouder of verzorger'.", "aanmelder")
    household = current_household(person)
    if household is None:
        cases.refuse("geen-huishouden", "Deze persoon woont volgens de basisregistratie in geen "
                     "huishouden dat Ketenzicht kent.", "bsn")
    return cases.arrive(professional, actor, household, cases.ArrivalRequest(
        kind=ArrivalKind.APPLICATION, person=person, channel=request.channel,
        applicant=request.applicant, question=request.question.strip(),
    ), now)


def _check(request: ApplicationRequest) -> None:
    if request.applicant not in Applicant.values:
        cases.refuse("aanmelder-onbekend", "Kies wie zich aanmeldt: een ouder of verzorger, of de "
                     "jeugdige zelf (16 jaar of ouder).", "aanmelder")
    if request.channel not in Channel.values:
        cases.refuse("kanaal-onbekend", "Kies hoe de aanmelding binnenkwam: telefoon, inloop of e-mail.",
                     "kanaal")
    if not request.question.strip():
        cases.refuse("vraag-ontbreekt", "Noteer de vraag van het gezin in hun eigen woorden.", "vraag")
    if len(request.question) > MAX_QUESTION:
        cases.refuse("vraag-te-lang", f"Noteer de vraag in ten hoogste {MAX_QUESTION} tekens.", "vraag")
