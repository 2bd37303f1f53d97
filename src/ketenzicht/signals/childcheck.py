"""Kindcheck: adult care asks whether its client has children in the picture (domain.md §4).

At the intake of an adult client, volwassen-GGZ, verslavingszorg, ziekenhuis and schuldhulp ask
whether children live in the home or are in the client's care, whether the partner has children,
and whether the client or partner is pregnant. Every check is recorded, positive or not, so its
use can be measured.

A positive check with concerns is a concern about a child: it opens a signal about the child,
with the client recorded as the parent the concern is about (``Signal.concerns_parent``), and
that signal's Meldcode guide. With several children, one signal per child the professional
names: routing is per child (the desk of the district where each child lives, the CJG 12+ team
for a secondary-school pupil), and so are consent (by each child's age band), the desk's basis
and the Meldcode's outcome (Veilig Thuis may investigate for one child and not for another).
The children offered are the client's minor children and the minors living with the client that
the professional may see (the client's household is in view through the client). When no child
is known to Ketenzicht (a pregnancy, or a child living elsewhere whom the professional cannot see), the
signal is about the client, as a concern about a child.
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.db import models, transaction
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from ketenzicht.access.services import visible_person, visible_persons
from ketenzicht.audit.models import EventType, Outcome
from ketenzicht.audit.services import Actor, Subject, record
from ketenzicht.organisations.models import Professional
from ketenzicht.people.ages import ADULT_AGE
from ketenzicht.people.models import HouseholdMembership, Person, Relation, RelationKind
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
    #: The children the concern is about (of ``children_in_view``); one signal each.
    children: tuple[Person, ...] = ()


def may_check(professional: Professional) -> bool:
    return professional.works_with_clients and professional.organisation.type.is_adult_care


def may_check_client(professional: Professional, client: Person, today: date) -> bool:
    """Adult care asks the kindcheck of an adult client (a youth gets a signal instead)."""
    return may_check(professional) and client.age_on(today) >= ADULT_AGE


def children_in_view(professional: Professional, client: Person, today: date) -> list[Person]:
    """The children a kindcheck's concern can be about: the client's own and cared-for children
    and the minors living with the client, alive, under 18, and visible to the professional;
    youngest first. Two queries whatever the family's size."""
    own = Relation.objects.filter(
        person=client, kind__in=[RelationKind.CHILD, RelationKind.CARED_FOR]
    ).values("relative_id")
    at_home = HouseholdMembership.objects.filter(
        until__isnull=True, household__memberships__person=client,
        household__memberships__until__isnull=True,
    ).values("person_id")
    candidates = visible_persons(professional).filter(
        date_of_death__isnull=True, date_of_birth__gt=_adult_birthday_before(today),
    ).filter(models.Q(id__in=own) | models.Q(id__in=at_home)).exclude(pk=client.pk)
    return list(candidates.order_by("-date_of_birth", "id"))


def _adult_birthday_before(today: date) -> date:
    """Whoever was born on or before this day is an adult today."""
    try:
        return today.replace(year=today.year - ADULT_AGE)
    except ValueError:  # 29 February
        return today.replace(year=today.year - ADULT_AGE, day=28)


def proposed_categories(professional: Professional) -> tuple[str, ...]:
    """The usual concern of this kind of adult care (psychiatry of a parent at GGZ, ...)."""
    category = CHILD_CHECK_CATEGORY_BY_TYPE.get(professional.organisation.type.slug, Category.OTHER)
    return (category,)


def record_child_check(
    professional: Professional, actor: Actor, client: Person, answers: ChildCheckAnswers,
    concern: Concern | None = None, now: datetime | None = None,
) -> ChildCheck:
    """Record the check; with children in the picture and concerns, open the signals at once
    (one per child named, each naming the client as the parent the concern is about).

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
        for child in _children_of_concern(professional, client, concern, now):
            signal = record_signal(professional, actor, SignalRequest(
                categories=concern.categories or proposed_categories(professional),
                urgency=concern.urgency, facts=concern.facts, person=child or client,
                statements=concern.statements, source=Source.CHILD_CHECK, child_concern=True,
                concerns_parent=client if child is not None else None,
            ), now)
            signal.child_check = check
            signal.save(update_fields=["child_check"])
    return check


def _children_of_concern(professional: Professional, client: Person, concern: Concern,
                         now: datetime) -> list[Person | None]:
    """The children named (one signal each), or [None] for a signal about the client when no
    child is known to Ketenzicht."""
    known = children_in_view(professional, client, timezone.localdate(now))
    if not known:
        return [None]
    if not concern.children:
        refuse("kind-ontbreekt", "Kies over welk kind of welke kinderen u zich zorgen maakt: voor "
               "elk kind opent een eigen signaal.", "kinderen")
    unknown = [child for child in concern.children if child not in known]
    if unknown:
        refuse("kind-onbekend", "Kies alleen kinderen van de cliënt of kinderen die bij de "
               "cliënt wonen.", "kinderen")
    return list(dict.fromkeys(concern.children))


def child_check_use(organisation_ids: list[int] | None = None,
                    since: datetime | None = None) -> QuerySet:
    """Checks per organisation: how many, how many positive, how many opened a signal — a check
    that opened one per child counts once (SQL)."""
    checks = ChildCheck.objects.all()
    if organisation_ids is not None:
        checks = checks.filter(organisation_id__in=organisation_ids)
    if since is not None:
        checks = checks.filter(checked_at__gte=since)
    positive = (Q(children_in_home=True) | Q(cares_for_children=True)
                | Q(partner_has_children=True) | Q(pregnant=True))
    return checks.values("organisation__slug", "organisation__name").annotate(
        checks=Count("id", distinct=True), positive=Count("id", filter=positive, distinct=True),
        signals=Count("id", filter=Q(signals__isnull=False), distinct=True),
    ).order_by("organisation__name")
