"""Routering: which desk a signal goes to, proposed by the system (issue 4, domain.md §1).

The rules, in the order they are tried (the first that applies decides):

1. ``acuut-geweld`` — suspected abuse or domestic violence with urgency ``acuut``: a report
   (melding) to Veilig Thuis, at any hour, whoever signals (volunteers and the police too).
2. ``crisis`` — ``crisis-jeugdige``, or any other acute signal where children are involved: in
   office hours the CJG-Jeugdteam of the residence district; outside office hours (evenings,
   weekends, Dutch public holidays) the crisis service, with an automatic handover to that
   CJG-Jeugdteam due at the handover time (12:00) of the next working day
   (``organisations.calendar.next_working_day_at``). Whoever signals: a volunteer's crisis at
   night is not left with an office-hours team.
3. ``zorg-kind-naar-veilig-thuis`` — a concern about a child from an organisation whose type
   reports such concerns to Veilig Thuis (the police, report §3.2; configured as
   ``OrganisationType.reports_child_concerns_to_veilig_thuis``, never a slug in code): a report
   to Veilig Thuis. The police's signals about adults' own circumstances follow the rules below.
4. ``vrijwilligers`` — every other signal of a volunteer organisation goes to the sociaal
   gebiedsteam of the district where the person lives.
5. ``omstandigheden-volwassene`` — only adults' circumstances (armoede, schulden, huisvesting;
   also zorgmijding or overig) about an adult, no concern about a child: the sociaal
   gebiedsteam of the residence district.
6. ``woonplaats-jeugdige`` — everything else about a youth, and any signal where children are
   involved: the CJG-Jeugdteam of the district where the youth **lives**, never the school's;
   a minor who is a pupil of a secondary school (an active school whose
   ``Organisation.school_level`` is ``vo`` has them as its client, or is the signaller) may go
   to the CJG 12+ team instead. Not every 12–17-year-old: the team works with the schools.

The rules are pure (``decide``): the caller supplies the facts, so they are tested table-driven
without a database. ``propose`` finds the organisations for a real person.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.utils import timezone

from ketenzicht.organisations.calendar import is_working_day, next_working_day_at
from ketenzicht.organisations.models import District, Organisation
from ketenzicht.people.ages import ADULT_AGE
from ketenzicht.refusals import RefusalKind, Refused

from .categories import ABUSE_OR_DOMESTIC_VIOLENCE, NOT_ABOUT_A_CHILD, Category, Urgency
from .models import RouteKind, SignalSettings


class Rule:
    """The names of the routing rules, as tests and the API's ``reden`` refer to them."""

    ACUTE_ABUSE = "acuut-geweld"
    CRISIS_OFFICE_HOURS = "crisis-kantoortijd"
    CRISIS_OUT_OF_HOURS = "crisis-buiten-kantoortijd"
    CHILD_CONCERN_TO_REPORTS = "zorg-kind-naar-veilig-thuis"
    VOLUNTEER = "vrijwilligers"
    ADULT_CIRCUMSTANCES = "omstandigheden-volwassene"
    YOUTH_RESIDENCE = "woonplaats-jeugdige"
    #: No desk of the chain serves the person (a signal is still recorded; see services).
    NO_DESK = "geen-loket"


class Desk:
    """Which desk a rule chooses, before it is looked up for the person's district."""

    REPORTS = "veilig-thuis"
    CRISIS = "crisisdienst"
    YOUTH = "jeugdteam-woongebied"
    ADULT = "sociaal-gebiedsteam-woongebied"
    SECONDARY_SCHOOL = "cjg-12plus"


@dataclass(frozen=True)
class Facts:
    """What routing needs to know about a signal; nothing else."""

    categories: frozenset[str]
    urgency: str
    moment: datetime
    age: int
    signaller_is_volunteer: bool = False
    #: The signaller worries about a child (e.g. a positive kindcheck with concerns).
    child_concern: bool = False
    #: The signaller's organisation type reports concerns about children to Veilig Thuis (police).
    signaller_reports_to_veilig_thuis: bool = False
    #: A secondary school is involved with the person, or is the signaller.
    secondary_school_pupil: bool = False

    @property
    def children_involved(self) -> bool:
        """A minor is the subject, the signaller worries about a child, or a category names a
        child or a parent."""
        return (self.age < ADULT_AGE or self.child_concern
                or not self.categories <= NOT_ABOUT_A_CHILD)


@dataclass(frozen=True)
class Outcome:
    rule: str
    desk: str
    kind: str
    reason: str
    #: For a crisis outside office hours: the team that takes over, and by when.
    handover_to: str = ""
    handover_due: datetime | None = None
    alternatives: tuple[str, ...] = field(default=())


def is_office_hours(moment: datetime, settings: SignalSettings) -> bool:
    """Monday to Friday between the configured hours, not on a Dutch public holiday."""
    local = timezone.localtime(moment)
    return (is_working_day(local.date())
            and settings.office_opens <= local.time() < settings.office_closes)


def decide(facts: Facts, settings: SignalSettings) -> Outcome:
    """The first rule that applies (see the module's docstring for the list)."""
    if facts.urgency == Urgency.ACUTE and facts.categories & ABUSE_OR_DOMESTIC_VIOLENCE:
        return Outcome(Rule.ACUTE_ABUSE, Desk.REPORTS, RouteKind.REPORT,
                       "Acuut vermoeden van kindermishandeling of huiselijk geweld: melden bij "
                       "Veilig Thuis, dag en nacht bereikbaar.")
    if Category.YOUTH_CRISIS in facts.categories or (
        facts.urgency == Urgency.ACUTE and facts.children_involved
    ):
        return _crisis(facts, settings)
    if facts.signaller_reports_to_veilig_thuis and facts.children_involved:
        return Outcome(Rule.CHILD_CONCERN_TO_REPORTS, Desk.REPORTS, RouteKind.REPORT,
                       "Zorg over een kind vanuit uw organisatie gaat als melding naar Veilig "
                       "Thuis. Veilig Thuis beoordeelt de veiligheid en draagt zo nodig over aan "
                       "het CJG-Jeugdteam van de gebiedsregio waar het kind woont.")
    if facts.signaller_is_volunteer:
        return Outcome(Rule.VOLUNTEER, Desk.ADULT, RouteKind.SIGNAL,
                       "Signalen van vrijwilligers gaan naar het sociaal gebiedsteam van de "
                       "gebiedsregio waar de persoon woont. Bij direct gevaar: bel 112.")
    if not facts.children_involved:
        return Outcome(Rule.ADULT_CIRCUMSTANCES, Desk.ADULT, RouteKind.SIGNAL,
                       "Alleen omstandigheden van een volwassene, geen zorg over een kind: het "
                       "sociaal gebiedsteam van de gebiedsregio waar de persoon woont.")
    return Outcome(Rule.YOUTH_RESIDENCE, Desk.YOUTH, RouteKind.SIGNAL,
                   "Het CJG-Jeugdteam van de gebiedsregio waar de jeugdige woont (niet die van "
                   "de school).", alternatives=_alternatives(facts))


def _crisis(facts: Facts, settings: SignalSettings) -> Outcome:
    if is_office_hours(facts.moment, settings):
        return Outcome(Rule.CRISIS_OFFICE_HOURS, Desk.YOUTH, RouteKind.CRISIS,
                       "Crisis in kantoortijd: het CJG-Jeugdteam van de gebiedsregio waar "
                       "de jeugdige woont.")
    return Outcome(Rule.CRISIS_OUT_OF_HOURS, Desk.CRISIS, RouteKind.CRISIS,
                   "Crisis buiten kantoortijd: de crisisdienst. Die draagt over aan het "
                   "CJG-Jeugdteam van de gebiedsregio waar de jeugdige woont, uiterlijk de "
                   "volgende werkdag om 12:00.",
                   handover_to=Desk.YOUTH,
                   handover_due=next_working_day_at(facts.moment, settings.handover_time))


def _alternatives(facts: Facts) -> tuple[str, ...]:
    """The CJG 12+ team works with pupils of secondary schools (domain.md §1), not with an age
    group; it is a youth team, so a pupil who is an adult is no longer its."""
    if facts.secondary_school_pupil and facts.age < ADULT_AGE:
        return (Desk.SECONDARY_SCHOOL,)
    return ()


@dataclass(frozen=True)
class Proposal:
    """An outcome with its organisations found for the person's residence."""

    outcome: Outcome
    desk: Organisation
    handover_to: Organisation | None = None
    alternatives: tuple[Organisation, ...] = ()

    @property
    def kind(self) -> str:
        return self.outcome.kind

    @property
    def reason(self) -> str:
        return self.outcome.reason


def _no_desk(message: str) -> Refused:
    return Refused(RefusalKind.INVALID, Rule.NO_DESK, message, "bsn")


def _district_team(type_id: int, district: District | None, what: str) -> Organisation:
    if district is None:
        raise _no_desk(
            "Deze persoon woont niet in een gebiedsregio van de gemeente: er is geen "
            f"{what} bekend. Neem contact op met de gemeente waar de persoon woont."
        )
    team = Organisation.objects.filter(type_id=type_id, districts=district, is_active=True) \
        .order_by("id").first()
    if team is None:
        raise _no_desk(f"Voor gebiedsregio {district.name} is geen {what} ingesteld.")
    return team


def resolve(desk: str, settings: SignalSettings, district: District | None) -> Organisation:
    """The organisation behind a desk for a person living in ``district``."""
    if desk == Desk.REPORTS:
        return settings.report_desk
    if desk == Desk.CRISIS:
        return settings.crisis_desk
    if desk == Desk.SECONDARY_SCHOOL and settings.secondary_school_team is not None:
        return settings.secondary_school_team
    if desk == Desk.ADULT:
        return _district_team(settings.adult_desk_type_id, district, "sociaal gebiedsteam")
    return _district_team(settings.youth_desk_type_id, district, "CJG-Jeugdteam")


def propose(facts: Facts, settings: SignalSettings, district: District | None) -> Proposal:
    outcome = decide(facts, settings)
    return Proposal(
        outcome=outcome,
        desk=resolve(outcome.desk, settings, district),
        handover_to=resolve(outcome.handover_to, settings, district) if outcome.handover_to else None,
        alternatives=tuple(
            resolve(desk, settings, district) for desk in outcome.alternatives
            if desk != Desk.SECONDARY_SCHOOL or settings.secondary_school_team is not None
        ),
    )


def settings_for(municipality_id: int) -> SignalSettings:
    found = SignalSettings.objects.select_related(
        "report_desk", "crisis_desk", "secondary_school_team"
    ).filter(municipality_id=municipality_id).first()
    if found is None:
        raise Refused(RefusalKind.UNAVAILABLE, "signalen-niet-ingesteld",
                      "De routering van signalen is voor deze gemeente nog niet ingesteld; "
                      "neem contact op met de functioneel beheerder.")
    return found
