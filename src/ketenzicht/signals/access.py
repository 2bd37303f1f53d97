"""Who may see a signal (need-to-know), and opening one with its audit event.

- the signaller, and their organisation's aandachtsfunctionaris and teamleider (the Meldcode
  is worked on together: step 2 is the consultation);
- the desks it was shared with (a signal, report or crisis), from the moment it was shared.

An advice request (``advies``) is asked without the person's name: Veilig Thuis sees the
concern, never who it is about, and gets no basis on the person. Everyone else gets the same
answer as for a signal that does not exist.
"""

from uuid import UUID

from django.db.models import Exists, OuterRef, Q, QuerySet

from ketenzicht.access.services import may_see_clients
from ketenzicht.audit.models import EventType, Outcome
from ketenzicht.audit.services import Actor, Subject, record
from ketenzicht.organisations.models import Professional, Role
from ketenzicht.people.models import Household, HouseholdMembership

from .models import Route, RouteKind, Signal

#: Roles that work on their colleagues' signals: the Meldcode's consultation (step 2).
SIGNALLER_SIDE_ROLES = frozenset({Role.SAFEGUARDING_LEAD, Role.TEAM_LEAD})

SIGNAL_OBJECT = "signaal"


def _shared_with(professional: Professional) -> Exists:
    return Exists(Route.objects.filter(
        signal=OuterRef("pk"), desk=professional.organisation_id,
    ).exclude(kind=RouteKind.ADVICE))


def _signaller_side(professional: Professional) -> Q:
    mine = Q(signaller=professional)
    if professional.role in SIGNALLER_SIDE_ROLES:
        return mine | Q(organisation=professional.organisation_id)
    return mine


def visible_signals(professional: Professional) -> QuerySet[Signal]:
    """Every signal the professional may open, as one query."""
    if not may_see_clients(professional):
        return Signal.objects.none()
    return Signal.objects.filter(_signaller_side(professional) | Q(_shared_with(professional)))


def is_signaller_side(professional: Professional, signal: Signal) -> bool:
    """The signaller or a colleague who works on their Meldcode (sees the feedback)."""
    return may_see_clients(professional) and (
        signal.signaller_id == professional.pk
        or (professional.role in SIGNALLER_SIDE_ROLES
            and signal.organisation_id == professional.organisation_id)
    )


def signalling_organisation_ids(household: Household) -> set[int]:
    """The active organisations that recorded a signal about a current member of the household.

    Registered with ``leads.hooks`` (``SignalsConfig.ready``): a signal makes its organisation
    involved with the household, so it may know who the regisseur is and how to reach them (issue
    9 §7), volunteers included — though a signal opens no person or household page. One query.
    """
    members = HouseholdMembership.objects.filter(household=household, until__isnull=True).values("person_id")
    return set(Signal.objects.filter(person_id__in=members, organisation__is_active=True)
               .values_list("organisation_id", flat=True).distinct())


def signal_subject(signal: Signal, **detail) -> Subject:
    return Subject(client_pseudonym=str(signal.person.uuid), object_type=SIGNAL_OBJECT,
                   object_id=str(signal.uuid), detail=detail)


def open_signal(
    professional: Professional, actor: Actor, signal_uuid: UUID | str,
    event_type: EventType = EventType.READ, *, lock: bool = False,
    signaller_side_only: bool = False,
) -> Signal | None:
    """The signal if the professional may see it, with one audit event either way.

    ``lock`` takes the signal's row lock for a state change, so two people acting on one
    signal at the same moment are serialised. ``signaller_side_only`` serves what is meant for
    the signaller (their view with the feedback): a desk the signal was shared with gets the
    same denial as a stranger there.
    """
    found = Signal.objects.select_related("person", "signaller__user", "organisation",
                                          "proposed_desk", "concerns_parent")
    if lock:
        found = found.select_for_update(of=("self",))
    signal = found.filter(uuid=signal_uuid).first()
    allowed = signal is not None and (
        is_signaller_side(professional, signal) if signaller_side_only
        else visible_signals(professional).filter(pk=signal.pk).exists()
    )
    if not allowed:
        record(actor, event_type, Subject(
            client_pseudonym=str(signal.person.uuid) if signal else "", object_type=SIGNAL_OBJECT,
            object_id=str(signal_uuid)), outcome=Outcome.DENIED, purpose="geen grondslag")
        return None
    record(actor, event_type, signal_subject(signal),
           purpose="melder" if is_signaller_side(professional, signal) else "loket")
    return signal
