"""Steps the signal tests share: persons of the demo, extra colleagues, and a signal walked through
the Meldcode or a desk. Each helper calls the services, never the models, so the rules apply."""

from datetime import datetime, timedelta

from ketenzicht.access.models import BasisKind
from ketenzicht.access.services import grant_basis
from ketenzicht.audit.services import SYSTEM
from ketenzicht.notify.models import Notice
from ketenzicht.organisations.models import Organisation, Professional, Role
from ketenzicht.organisations.tests.factories import ProfessionalFactory
from ketenzicht.people.models import Person
from ketenzicht.people.services import find_person_by_bsn
from ketenzicht.signals import meldcode
from ketenzicht.signals.models import Decision, Route, Signal
from ketenzicht.signals.services import ShareRequest, share_signal

from .conftest import OFFICE_HOURS, PARENTS_CONSENT, acting


def person(bsn: str) -> Person:
    found = find_person_by_bsn(bsn)
    assert found is not None, bsn
    return found


def colleague(organisation_slug: str, username: str, role: str = Role.PROFESSIONAL) -> Professional:
    """Another professional at a demo organisation (the demo has one account per role)."""
    return ProfessionalFactory(organisation=Organisation.objects.get(slug=organisation_slug),
                               user__username=username, role=role)


def involve(organisation_slug: str, bsn: str) -> None:
    """Record that an organisation already works with the person (a client, as in the demo)."""
    grant_basis(Organisation.objects.get(slug=organisation_slug), person(bsn), BasisKind.CLIENT,
                actor=SYSTEM)


def share(signal: Signal, username: str = "leerkracht", request: ShareRequest = PARENTS_CONSENT,
          now: datetime = OFFICE_HOURS) -> Route:
    return share_signal(*acting(username), signal, request, now)


def route_at(signal: Signal, desk_slug: str) -> Route:
    return signal.routes.get(desk__slug=desk_slug)


def consult(signal: Signal, username: str = "leerkracht", now: datetime = OFFICE_HOURS):
    return meldcode.record_consultation(
        *acting(username), signal, safeguarding_lead=True, veilig_thuis=False,
        outcome="Zorgen gedeeld met de aandachtsfunctionaris.", agreements="Juf praat met moeder.",
        coordinator="Marieke Zwiers", now=now,
    )


def report_through_meldcode(signal: Signal, username: str = "leerkracht",
                            share_request: ShareRequest = PARENTS_CONSENT,
                            now: datetime = OFFICE_HOURS) -> Route:
    """Steps 2–5 on one day, the afwegingskader saying acute unsafety: a report to Veilig Thuis."""
    who, actor = acting(username)
    consult(signal, username, now)
    meldcode.record_conversation(who, actor, signal, notes="Gesprek met moeder gevoerd.",
                                 now=now + timedelta(minutes=1))
    meldcode.record_weighing(who, actor, signal, (True, True), now=now + timedelta(minutes=2))
    result = meldcode.record_decision(who, actor, signal, Decision.REPORT, share=share_request,
                                      now=now + timedelta(minutes=3))
    assert result.report is not None
    return result.report


def notices_of(username: str, kind: str = "") -> list[Notice]:
    notices = Notice.objects.filter(recipient__user__username=username).order_by("created_at", "id")
    return list(notices.filter(kind=kind) if kind else notices)


def fresh(signal: Signal) -> Signal:
    """The signal as stored now: services update its state (next step, status) in SQL."""
    signal.refresh_from_db()
    return signal


def professional_of(username: str) -> Professional:
    return acting(username)[0]
