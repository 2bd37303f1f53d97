"""Recording a signal, proposing its route, and sharing it with a desk on a consent basis.

Every state change validates, writes, audits and notifies in one transaction, and refuses with
``Refused`` (a Dutch message, a code and the field it concerns) so nothing is half-written.
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from ketenzicht.access.models import AccessBasis, BasisKind
from ketenzicht.access.services import grant_basis, may_see_clients, visible_person
from ketenzicht.audit.models import EventType, Outcome
from ketenzicht.audit.services import Actor, Subject, record
from ketenzicht.organisations.calendar import add_working_days, next_working_day_at
from ketenzicht.organisations.models import District, Organisation, Professional, SchoolLevel
from ketenzicht.organisations.services import district_for_postcode
from ketenzicht.people.ages import ADULT_AGE, AgeBand, age_band, age_on
from ketenzicht.people.models import Person
from ketenzicht.people.register import PersonNotInRegister, RegisterError, get_register
from ketenzicht.people.register.sync import bring_household_into_view
from ketenzicht.people.services import district_of, find_person_by_bsn
from ketenzicht.refusals import RefusalKind, Refused

from . import clocks, routing
from .access import is_signaller_side, signal_subject
from .categories import Category, Urgency
from .models import (
    ConsentBasis,
    ConsentGiver,
    DossierEntry,
    MeldcodeStep,
    Route,
    RouteKind,
    Signal,
    SignalCategory,
    SignalSettings,
    SignalStatus,
    Source,
    Statement,
)
from .notices import tell_desk

MAX_FACTS = 10_000
MAX_QUESTION = 2000


def refuse(code: str, message: str, field: str = "", kind: RefusalKind = RefusalKind.INVALID):
    raise Refused(kind, code, message, field)


def in_sentence(label) -> str:
    """A choice's label inside a sentence: its first letter lowered, unless it opens with a name
    of two capitalised words ("Veilig Thuis onderzoekt zelf"); names keep their capitals."""
    text = str(label)
    words = text.split(" ", 2)
    if len(words) > 1 and words[1][:1].isupper():
        return text
    return text[:1].lower() + text[1:]


# --- Who the signal is about, and where they live ----------------------------------------------

def person_by_bsn(bsn: str, actor: Actor, *, bring_into_view: bool) -> Person | None:
    """The person with this BSN; a person new to Ketenzicht is looked up in the BRP with their
    household when ``bring_into_view`` (recording a signal), and otherwise left unknown."""
    try:
        person = find_person_by_bsn(bsn)
    except ValidationError as error:
        refuse("bsn-ongeldig", error.messages[0], "bsn")
    if person is not None or not bring_into_view:
        return person
    try:
        bring_household_into_view(bsn, actor)
    except PersonNotInRegister:
        refuse("persoon-onbekend", "Deze persoon is niet bekend in de basisregistratie personen.",
               "bsn")
    except RegisterError as error:
        refuse("brp-onbereikbaar", str(error), "bsn", RefusalKind.UNAVAILABLE)
    return find_person_by_bsn(bsn)


def _check_categories(categories: tuple[str, ...]) -> frozenset[str]:
    chosen = frozenset(categories)
    if not chosen:
        refuse("categorie-ontbreekt", "Kies ten minste één categorie van zorg.", "categorieen")
    unknown = sorted(chosen - set(Category.values))
    if unknown:
        refuse("categorie-onbekend", f"Onbekende categorie: {', '.join(unknown)}.", "categorieen")
    return chosen


def _check_urgency(urgency: str) -> str:
    if urgency not in Urgency.values:
        refuse("urgentie-onbekend", "Kies de urgentie: acuut, spoed of regulier.", "urgentie")
    return urgency


def facts_for(born: date, categories: tuple[str, ...], urgency: str, moment: datetime,
              signaller: Organisation, *, child_concern: bool = False,
              person: Person | None = None) -> routing.Facts:
    """What routing needs; ``person`` is None for someone the chain does not know (then only
    the signaller can tell that the youth is a pupil of a secondary school). Whether a secondary
    school is involved is only asked about a minor: the CJG 12+ team is a youth team."""
    age = age_on(born, timezone.localdate(moment))
    return routing.Facts(
        categories=_check_categories(categories), urgency=_check_urgency(urgency),
        moment=moment, age=age,
        signaller_is_volunteer=signaller.type.is_volunteer, child_concern=child_concern,
        signaller_reports_to_veilig_thuis=signaller.type.reports_child_concerns_to_veilig_thuis,
        secondary_school_pupil=age < ADULT_AGE and (signaller.is_secondary_school or (
            person is not None and is_secondary_school_pupil(person))),
    )


def is_secondary_school_pupil(person: Person) -> bool:
    """Whether an active secondary school has the person as its pupil (a client basis).

    Only the client basis counts: a school's registration in the verwijsindex or its place in
    a household plan must never show through a routing proposal to whoever asks for one
    (domain.md §2: only registrants hear of each other). The proposal then tells only that
    the youth attends a secondary school, never which one.
    """
    return AccessBasis.objects.filter(
        person=person, kind=BasisKind.CLIENT, ended_at__isnull=True,
        organisation__school_level=SchoolLevel.SECONDARY, organisation__is_active=True,
    ).exists()


def _settings_for_district(
    district: District | None, organisation: Organisation
) -> tuple[SignalSettings, District | None]:
    """The settings of the municipality where the person lives (else the signaller's)."""
    municipality_id = district.municipality_id if district else organisation.municipality_id
    return routing.settings_for(municipality_id), district


def settings_for_person(
    person: Person, organisation: Organisation
) -> tuple[SignalSettings, District | None]:
    """The settings of the municipality where the person lives (else the signaller's), and the
    person's district."""
    return _settings_for_district(district_of(person), organisation)


def propose_route(person: Person, categories: tuple[str, ...], urgency: str, moment: datetime,
                  organisation: Organisation, *, child_concern: bool = False) -> routing.Proposal:
    """The desk the system proposes for this person, concern, urgency and moment."""
    facts = facts_for(person.date_of_birth, categories, urgency, moment, organisation,
                      child_concern=child_concern, person=person)
    settings, district = settings_for_person(person, organisation)
    return routing.propose(facts, settings, district)


def proposal_for(signal: Signal, moment: datetime) -> routing.Proposal:
    """The proposal for a recorded signal at ``moment`` (office hours may have changed since)."""
    categories = tuple(c.category for c in signal.categories.all())
    return propose_route(signal.person, categories, signal.urgency, moment, signal.organisation,
                         child_concern=signal.child_concern)


def _in_register(bsn: str) -> tuple[date, District | None]:
    """Date of birth and residence district from the BRP, for a person Ketenzicht does not know;
    nothing is stored. Every resident is in the BRP, so the answer tells nothing about whether
    the chain knows the person."""
    try:
        found = get_register().lookup(bsn)
    except RegisterError as error:
        refuse("brp-onbereikbaar", str(error), "bsn", RefusalKind.UNAVAILABLE)
    if found is None:
        refuse("persoon-onbekend", "Deze persoon is niet bekend in de basisregistratie personen.",
               "bsn")
    district = district_for_postcode(found.address.postcode) if found.address else None
    return found.date_of_birth, district


def advise_route(professional: Professional, actor: Actor, bsn: str, categories: tuple[str, ...],
                 urgency: str, moment: datetime) -> routing.Proposal:
    """Routeringsadvies: the proposal without storing anything but the audit event.

    A person Ketenzicht knows is looked up there, anyone else in the BRP, and routing is asked
    only what the BRP and the asker could tell, so the answer does not reveal whether the chain
    knows someone. The look-up is an access to personal data: it is in
    the person's access report (under their pseudonym when Ketenzicht knows them).
    """
    _check_may_signal(professional)
    organisation = professional.organisation
    person = person_by_bsn(bsn, actor, bring_into_view=False)
    if person is not None:
        born = person.date_of_birth
        settings, district = settings_for_person(person, organisation)
    else:
        born, district = _in_register(bsn)
        settings, district = _settings_for_district(district, organisation)
    # Only what the BRP could tell and the asker's own organisation count, never the chain's
    # involvements (a secondary school's pupil): the answer must be the same whether the chain
    # knows the youth or not.
    proposal = routing.propose(facts_for(born, categories, urgency, moment, organisation),
                               settings, district)
    record(actor, EventType.SEARCH, Subject(client_pseudonym=str(person.uuid) if person else "",
           object_type="routeringsadvies"), purpose="routeringsadvies")
    return proposal


# --- Recording ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class StatementData:
    source: str
    content: str


@dataclass(frozen=True)
class SignalRequest:
    """What a professional records. The person is named by BSN or (from the person page) by the
    person the professional already has open."""

    categories: tuple[str, ...]
    urgency: str
    facts: str
    observed_at: datetime | None = None
    bsn: str = ""
    person: Person | None = None
    statements: tuple[StatementData, ...] = field(default=())
    source: str = Source.WEB
    child_concern: bool = False
    #: The parent the concern is about, when the signal is about their child (the kindcheck).
    concerns_parent: Person | None = None


#: The reason stored when no desk of the chain serves the person (rule ``Rule.NO_DESK``).
NO_DESK = routing.Rule.NO_DESK
NO_DESK_REASON = ("Geen loket in deze gemeente: de persoon woont buiten haar gebiedsregio's. "
                  "Neem contact op met het CJG-Jeugdteam of Veilig Thuis van de woonplaats; bij "
                  "een vermoeden van mishandeling kunt u melden bij Veilig Thuis.")


def _proposal_or_none(propose) -> routing.Proposal | None:
    """The proposal, or None when no desk of the chain serves the person: a signal about a child
    living elsewhere is still recorded (hesitating to record is the leak the report found)."""
    try:
        return propose()
    except Refused as refusal:
        if refusal.code != NO_DESK:
            raise
        return None


def may_signal_about(professional: Professional, person: Person) -> bool:
    """Whether the professional can record a signal about this (visible) person."""
    return may_see_clients(professional) and person.date_of_death is None


def _check_may_signal(professional: Professional) -> None:
    """Any professional who works with clients may signal: signalling is everyone's task."""
    if not may_see_clients(professional):
        refuse("geen-hulpverlener", "Alleen professionals die met cliënten werken kunnen een "
               "signaal vastleggen.", kind=RefusalKind.FORBIDDEN)


def _check_request(request: SignalRequest, now: datetime) -> None:
    if not request.facts.strip():
        refuse("waarneming-ontbreekt", "Beschrijf wat u zelf heeft waargenomen (feiten).",
               "waarneming")
    if len(request.facts) > MAX_FACTS:
        refuse("waarneming-te-lang", f"Beschrijf de waarneming in ten hoogste {MAX_FACTS} tekens.",
               "waarneming")
    if request.observed_at is not None and request.observed_at > now:
        refuse("waarneming-in-toekomst", "Het moment van de waarneming ligt in de toekomst.",
               "tijdstip")
    for index, statement in enumerate(request.statements):
        if not statement.source.strip():
            refuse("bron-ontbreekt", "Noem bij wat een ander zei altijd de bron (wie zei het).",
                   f"uitspraken.{index}.bron")
        if not statement.content.strip():
            refuse("uitspraak-leeg", "Vul in wat er is gezegd.", f"uitspraken.{index}.inhoud")


def _subject_person(professional: Professional, actor: Actor, request: SignalRequest) -> Person:
    if request.person is not None:
        person = request.person
        if visible_person(professional, person.uuid) is None:
            refuse("persoon-onbekend", "Deze persoon is niet gevonden.", "persoon",
                   RefusalKind.FORBIDDEN)
    elif request.bsn:
        person = person_by_bsn(request.bsn, actor, bring_into_view=True)
    else:
        refuse("bsn-ontbreekt", "Vul het BSN in van de persoon over wie u zich zorgen maakt.", "bsn")
    if person.date_of_death is not None:
        refuse("overleden", "Deze persoon is overleden.", "bsn")
    return person


def record_signal(professional: Professional, actor: Actor, request: SignalRequest,
                  now: datetime | None = None) -> Signal:
    """Record a concern and start its Meldcode: the observation is step 1 of the dossier.

    A refused attempt is audited too (a denied CREATE), after the signal's own savepoint has
    rolled back.
    """
    try:
        return _record_signal(professional, actor, request, now or timezone.now())
    except Refused as refusal:
        record(actor, EventType.CREATE, Subject(object_type="signaal", detail={"code": refusal.code}),
               outcome=Outcome.DENIED, purpose=f"signaal geweigerd: {refusal.code}")
        raise


@transaction.atomic
def _record_signal(professional: Professional, actor: Actor, request: SignalRequest,
                   now: datetime) -> Signal:
    _check_may_signal(professional)
    _check_request(request, now)
    person = _subject_person(professional, actor, request)
    parent = request.concerns_parent
    if parent is not None and (parent == person
                               or visible_person(professional, parent.uuid) is None):
        refuse("ouder-onbekend", "De ouder over wie de zorg gaat is niet gevonden.", "ouder",
               RefusalKind.FORBIDDEN)
    facts = facts_for(person.date_of_birth, request.categories, request.urgency, now,
                      professional.organisation, child_concern=request.child_concern, person=person)
    settings, district = settings_for_person(person, professional.organisation)
    proposal = _proposal_or_none(lambda: routing.propose(facts, settings, district))
    signal = Signal.objects.create(
        person=person, signaller=professional, organisation=professional.organisation,
        district=district,
        urgency=request.urgency, child_concern=request.child_concern,
        observed_at=request.observed_at or now,
        facts=request.facts.strip(), source=request.source,
        proposed_desk=proposal.desk if proposal else None,
        proposed_kind=proposal.kind if proposal else RouteKind.SIGNAL,
        proposed_reason=proposal.reason if proposal else NO_DESK_REASON,
        proposed_rule=proposal.outcome.rule if proposal else NO_DESK,
        created_at=now, meldcode_applies=facts.children_involved, concerns_parent=parent,
        next_step=MeldcodeStep.CONSULTATION if facts.children_involved else None,
    )
    if signal.meldcode_applies:  # not for an adult's own circumstances alone (see meldcode)
        signal.step_due = step_deadline(signal, now)
        signal.save(update_fields=["step_due"])
    SignalCategory.objects.bulk_create(
        SignalCategory(signal=signal, category=c) for c in sorted(set(request.categories))
    )
    Statement.objects.bulk_create(
        Statement(signal=signal, source=s.source.strip(), content=s.content.strip(), recorded_at=now)
        for s in request.statements
    )
    if signal.meldcode_applies:
        DossierEntry.objects.create(
            signal=signal, step=MeldcodeStep.SIGNALS, author=professional, recorded_at=now,
            notes="Signalen in kaart gebracht: waarneming en uitspraken van anderen vastgelegd.",
        )
    record(actor, EventType.CREATE, signal_subject(signal), purpose="signaal vastgelegd")
    return signal


def step_deadline(signal: Signal, after: datetime) -> date:
    """A Meldcode step is due a number of working days (default 5) after the step before it.
    The Meldcode is the signaller's organisation's process, so its municipality's term counts."""
    term = routing.settings_for(signal.organisation.municipality_id).step_working_days
    return add_working_days(timezone.localdate(after), term)


# --- Consent --------------------------------------------------------------------------------

#: Who gives consent in each age band of ``people.ages`` (domain.md §5).
CONSENT_GIVERS: dict[AgeBand, frozenset[str]] = {
    AgeBand.PARENTS: frozenset({ConsentGiver.PARENTS}),
    AgeBand.YOUTH_AND_PARENTS: frozenset({ConsentGiver.YOUTH_AND_PARENTS}),
    AgeBand.YOUTH: frozenset({ConsentGiver.YOUTH}),
}


def consent_givers(age: int) -> frozenset[str]:
    """Who gives consent, by the age bands (``people.ages.age_band``): under 12 the parents;
    12–15 the youth and the parents; from 16 the youth; an adult client decides alone."""
    if age >= ADULT_AGE:
        return frozenset({ConsentGiver.YOUTH, ConsentGiver.CLIENT})
    return CONSENT_GIVERS[age_band(age)]


@dataclass(frozen=True)
class Consent:
    basis: str
    given_by: str = ""
    safety_reason: str = ""


def check_consent(consent: Consent, age: int, kind: str) -> None:
    """Sharing needs consent unless there is a safety risk, whose reason is recorded."""
    if consent.basis == ConsentBasis.CONSENT:
        allowed = consent_givers(age)
        if consent.given_by not in allowed:
            names = " of ".join(str(ConsentGiver(g).label).lower() for g in sorted(allowed))
            refuse("toestemming-verkeerde-persoon",
                   f"Bij een persoon van {age} jaar geeft {names} toestemming.",
                   "toestemming.gegevenDoor")
    elif consent.basis == ConsentBasis.SAFETY:
        if not consent.safety_reason.strip():
            refuse("veiligheidsreden-ontbreekt", "Leg vast waarom de veiligheid vraagt om te "
                   "delen zonder toestemming.", "toestemming.veiligheidsreden")
    elif consent.basis == ConsentBasis.NOT_NEEDED:
        if kind != RouteKind.ADVICE:
            refuse("toestemming-ontbreekt", "Delen met een loket vraagt toestemming, of een "
                   "vastgelegde reden van veiligheid om zonder toestemming te delen.",
                   "toestemming.grondslag")
    else:
        refuse("toestemming-ontbreekt", "Kies: met toestemming, of zonder toestemming vanwege "
               "de veiligheid.", "toestemming.grondslag")


# --- Sharing with a desk ------------------------------------------------------------------------

@dataclass(frozen=True)
class ShareRequest:
    consent: Consent
    #: Another desk than the proposal (with a reason); empty takes the proposal.
    desk_slug: str = ""
    deviation_reason: str = ""
    #: An advice request's question, without names.
    question: str = ""


def sharing_desks(settings: SignalSettings) -> list[Organisation]:
    """The desks a signal can be shared with: Veilig Thuis, the crisis service, and the
    municipality's active teams that receive signals (CJG-Jeugdteams, sociaal gebiedsteams)."""
    teams = Organisation.objects.filter(
        is_active=True, municipality_id=settings.municipality_id, type__receives_signals=True,
    ).exclude(pk__in=[settings.report_desk_id, settings.crisis_desk_id]).order_by("name")
    return [settings.report_desk, settings.crisis_desk, *teams]


def _desk_and_kind(request: ShareRequest, proposal: routing.Proposal | None,
                   settings: SignalSettings) -> tuple[Organisation, str, str]:
    """The chosen desk, the kind it receives, and the recorded reason."""
    if proposal is None and not request.desk_slug:
        refuse(NO_DESK, "Er is geen loket voorgesteld: kies zelf een loket.", "loket")
    if proposal is not None and request.desk_slug in ("", proposal.desk.slug):
        return proposal.desk, proposal.kind, proposal.reason
    for alternative in proposal.alternatives if proposal else ():
        # Offered by the rules themselves (the CJG 12+ team): choosing it is no deviation.
        if request.desk_slug == alternative.slug:
            return alternative, RouteKind.SIGNAL, ("Het team voor jeugdigen op het voortgezet "
                                                   "onderwijs, als alternatief voorgesteld.")
    desk = next((d for d in sharing_desks(settings) if d.slug == request.desk_slug), None)
    if desk is None:
        refuse("loket-onbekend", "Kies een loket voor signalen (CJG-Jeugdteam, sociaal "
               "gebiedsteam, Veilig Thuis of de crisisdienst).", "loket")
    if proposal is not None and not request.deviation_reason.strip():
        refuse("reden-afwijking-ontbreekt", f"U kiest een ander loket dan voorgesteld "
               f"({proposal.desk.name}). Leg vast waarom.", "redenAfwijking")
    if desk == settings.report_desk:
        kind = RouteKind.REPORT
    elif desk == settings.crisis_desk:
        kind = RouteKind.CRISIS
    else:
        kind = RouteKind.SIGNAL
    return desk, kind, ("Gekozen door de melder in plaats van het voorstel." if proposal
                        else "Gekozen door de melder: geen loket voorgesteld.")


def due_for(kind: str, desk: Organisation, now: datetime, settings: SignalSettings) -> datetime | None:
    """The clock a shared route starts with: ``clocks.due_for`` (a report's safety assessment, a
    local team's acceptance; an advice request has none)."""
    return clocks.due_for(kind, desk, now, settings)


def share_signal(professional: Professional, actor: Actor, signal: Signal, request: ShareRequest,
                 now: datetime | None = None, *, kind: str | None = None) -> Route:
    """Share the signal with a desk: the proposal or, with a reason, another one.

    A crisis outside office hours also creates the handover to the CJG-Jeugdteam at once, due
    by 12:00 on the next working day: the handover does not depend on anyone remembering it.
    """
    now = now or timezone.now()
    with transaction.atomic():
        Signal.objects.select_for_update(of=("self",)).filter(pk=signal.pk).first()
        signal.refresh_from_db()
        if not is_signaller_side(professional, signal):
            refuse("geen-melder", "Alleen de melder of de aandachtsfunctionaris van diens "
                   "organisatie deelt dit signaal.", kind=RefusalKind.FORBIDDEN)
        if signal.status == SignalStatus.CLOSED:
            refuse("signaal-afgesloten", "Dit signaal is afgesloten; leg een nieuw signaal vast.",
                   kind=RefusalKind.CONFLICT)
        proposal = _proposal_or_none(lambda: proposal_for(signal, now))
        settings, _district = settings_for_person(signal.person, signal.organisation)
        desk, chosen_kind, reason = _desk_and_kind(request, proposal, settings)
        chosen_kind = kind or chosen_kind
        check_consent(request.consent, signal.person.age_on(timezone.localdate(now)), chosen_kind)
        route = _open_route(signal, professional, actor, desk, chosen_kind, reason, request, now,
                            settings)
        if chosen_kind == RouteKind.CRISIS and desk == settings.crisis_desk:
            handover_to = (proposal and proposal.handover_to) or routing.resolve(
                routing.Desk.YOUTH, settings, district_of(signal.person))
            handover = _open_route(
                signal, professional, actor, handover_to, RouteKind.CRISIS,
                "Overdracht van de crisisdienst aan het CJG-Jeugdteam van de woonplaats.",
                request, now, settings, due_at=next_working_day_at(now, settings.handover_time),
            )
            route.handed_over_to = handover
            route.due_at = handover.due_at
            route.save(update_fields=["handed_over_to", "due_at"])
        if chosen_kind != RouteKind.ADVICE and signal.status == SignalStatus.OPEN:
            signal.status = SignalStatus.SHARED
            signal.save(update_fields=["status"])
        return route


def _open_route(signal: Signal, professional: Professional, actor: Actor, desk: Organisation,
                kind: str, reason: str, request: ShareRequest, now: datetime,
                settings: SignalSettings, due_at: datetime | None = None) -> Route:
    if Route.objects.filter(signal=signal, desk=desk, kind=kind).exclude(
        status__in=["beeindigd", "overgedragen"]
    ).exists():
        refuse("al-gedeeld", f"Dit signaal is al gedeeld met {desk.name}.",
               kind=RefusalKind.CONFLICT)
    route = Route.objects.create(
        signal=signal, desk=desk, kind=kind, shared_at=now, shared_by=professional,
        reason=reason[:300], deviation_reason=request.deviation_reason.strip(),
        question=request.question.strip(),
        consent_basis=request.consent.basis, consent_given_by=request.consent.given_by,
        safety_reason=request.consent.safety_reason.strip(),
        due_at=due_at or due_for(kind, desk, now, settings),
    )
    if kind != RouteKind.ADVICE:
        grant_basis(desk, signal.person, BasisKind.SIGNAL, str(signal.uuid), actor=actor)
    record(actor, EventType.CREATE, signal_subject(signal, loket=desk.slug, soort=kind),
           purpose=f"signaal gedeeld: {kind}")
    tell_desk(route)
    return route


def request_advice(professional: Professional, actor: Actor, signal: Signal, question: str,
                   now: datetime | None = None) -> Route:
    """Step 2: ask Veilig Thuis for advice. Asked without the person's name — with a question of
    its own, since the signal's facts are written about a named person — so it needs no consent
    and gives Veilig Thuis no access to the person."""
    if not question.strip():
        refuse("adviesvraag-ontbreekt", "Schrijf uw vraag aan Veilig Thuis, zonder namen of andere "
               "gegevens waaraan iemand te herkennen is.", "adviesvraag")
    if len(question) > MAX_QUESTION:
        refuse("adviesvraag-te-lang", f"Stel uw vraag in ten hoogste {MAX_QUESTION} tekens.",
               "adviesvraag")
    settings, _district = settings_for_person(signal.person, signal.organisation)
    return share_signal(
        professional, actor, signal,
        ShareRequest(consent=Consent(ConsentBasis.NOT_NEEDED), desk_slug=settings.report_desk.slug,
                     deviation_reason="Adviesvraag aan Veilig Thuis (stap 2 van de meldcode).",
                     question=question),
        now, kind=RouteKind.ADVICE,
    )
