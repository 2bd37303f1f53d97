"""Kindcheck: adult care asks whether its client has children in the picture (domain.md §4).

At the intake of an adult client, volwassen-GGZ, verslavingszorg, ziekenhuis and schuldhulp ask
whether children live in the home or are in the client's care, whether the partner has children,
and whether the client or partner is pregnant. A positive check with concerns opens a signal and
its Meldcode guide. Every check is recorded, positive or not, so its use can be measured.
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from ketenzicht.access.services import visible_person
from ketenzicht.audit.models import EventType, Outcome
from ketenzicht.audit.services import Actor, Subject, record
from ketenzicht.organisations.models import Professional
from ketenzicht.people.ages import ADULT_AGE
from ketenzicht.people.models import Person
from ketenzicht.refusals import RefusalKind, Refused

from .categories import CHILD_CHECK_CATEGORY_BY_TYPE, Category, Urgency
from .models import ChildCheck, Source
from .services import SignalRequest, StatementData, record_signal, refuse

QUESTIONS = {
    "children_in_home": "Wonen er kinderen (jonger dan 18) in het huishouden van de cliënt?",
    "cares_for_children": "Zorgt de cliënt (ook) voor kinderen die elders wonen?",
    "partner_has_children": "Heeft de partner van de cliënt kinderen?",
    "pregnant": "Is de cliënt of diens partner zwanger?",
}


@dataclass(frozen=True)
class ChildCheckAnswers:
    children_in_home: bool
    cares_for_children: bool
    partner_has_children: bool
    pregnant: bool
    concerns: bool = False

    @property
    def positive(self) -> bool:
        return (self.children_in_home or self.cares_for_children or self.partner_has_children
                or self.pregnant)


@dataclass(frozen=True)
class Concern:
    """What a positive check with concerns records as the signal."""

    facts: str
    categories: tuple[str, ...] = ()
    urgency: str = Urgency.REGULAR
    statements: tuple[StatementData, ...] = ()


def may_check(professional: Professional) -> bool:
    return professional.works_with_clients and professional.organisation.type.is_adult_care


def may_check_client(professional: Professional, client: Person, today: date) -> bool:
    """Adult care asks the kindcheck of an adult client (a youth gets a signal instead)."""
    return may_check(professional) and client.age_on(today) >= ADULT_AGE


def proposed_categories(professional: Professional) -> tuple[str, ...]:
    """The usual concern of this kind of adult care (psychiatry of a parent at GGZ, ...)."""
    category = CHILD_CHECK_CATEGORY_BY_TYPE.get(professional.organisation.type.slug, Category.OTHER)
    return (category,)


def record_child_check(
    professional: Professional, actor: Actor, client: Person, answers: ChildCheckAnswers,
    concern: Concern | None = None, now: datetime | None = None,
) -> ChildCheck:
    """Record the check; with children in the picture and concerns, open a signal at once.

    A refused check is audited too, after its own savepoint rolled back: an attempt on a client
    must leave a trace in their access report.
    """
    try:
        return _record_child_check(professional, actor, client, answers, concern,
                                   now or timezone.now())
    except Refused as refusal:
        record(actor, EventType.CREATE, Subject(client_pseudonym=str(client.uuid),
               object_type="kindcheck", detail={"code": refusal.code}),
               outcome=Outcome.DENIED, purpose=f"kindcheck geweigerd: {refusal.code}")
        raise


@transaction.atomic
def _record_child_check(
    professional: Professional, actor: Actor, client: Person, answers: ChildCheckAnswers,
    concern: Concern | None, now: datetime,
) -> ChildCheck:
    if not may_check(professional):
        refuse("geen-volwassenenzorg", "De kindcheck hoort bij de intake van volwassen cliënten "
               "in de volwassenenzorg.", kind=RefusalKind.FORBIDDEN)
    if visible_person(professional, client.uuid) is None:
        refuse("client-onbekend", "Deze cliënt is niet gevonden.", "client", RefusalKind.FORBIDDEN)
    if not may_check_client(professional, client, timezone.localdate(now)):
        refuse("geen-volwassene", "De kindcheck is voor volwassen cliënten; over een jeugdige legt "
               "u een signaal vast.", "client")
    if answers.concerns and not answers.positive:
        refuse("zorgen-zonder-kinderen", "Zorgen over kinderen horen bij een positieve kindcheck: "
               "beantwoord eerst de vragen over kinderen.", "zorgen")
    check = ChildCheck.objects.create(
        organisation=professional.organisation, professional=professional, client=client,
        checked_at=now, children_in_home=answers.children_in_home,
        cares_for_children=answers.cares_for_children,
        partner_has_children=answers.partner_has_children, pregnant=answers.pregnant,
        concerns=answers.concerns,
    )
    record(actor, EventType.CREATE, Subject(client_pseudonym=str(client.uuid), object_type="kindcheck",
           object_id=str(check.uuid), detail={"positief": answers.positive}), purpose="kindcheck")
    if answers.positive and answers.concerns:
        if concern is None:
            refuse("zorg-ontbreekt", "Beschrijf uw zorg: een positieve kindcheck met zorgen opent "
                   "een signaal.", "waarneming")
        check.signal = record_signal(professional, actor, SignalRequest(
            categories=concern.categories or proposed_categories(professional),
            urgency=concern.urgency, facts=concern.facts, person=client,
            statements=concern.statements, source=Source.CHILD_CHECK, child_concern=True,
        ), now)
        check.save(update_fields=["signal"])
    return check


def child_check_use(organisation_ids: list[int] | None = None,
                    since: datetime | None = None) -> QuerySet:
    """Checks per organisation: how many, how many positive, how many opened a signal (SQL)."""
    checks = ChildCheck.objects.all()
    if organisation_ids is not None:
        checks = checks.filter(organisation_id__in=organisation_ids)
    if since is not None:
        checks = checks.filter(checked_at__gte=since)
    positive = (Q(children_in_home=True) | Q(cares_for_children=True)
                | Q(partner_has_children=True) | Q(pregnant=True))
    return checks.values("organisation__slug", "organisation__name").annotate(
        checks=Count("id"), positive=Count("id", filter=positive),
        signals=Count("id", filter=Q(signal__isnull=False)),
    ).order_by("organisation__name")
