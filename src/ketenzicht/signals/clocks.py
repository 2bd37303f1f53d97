"""When a desk is late: Veilig Thuis's safety assessment (5 working days), and a handover — from
the crisis service, or from Veilig Thuis or a team to the receiving team — not accepted by 12:00
on the next working day. One rule, said twice: in Python for the route in front of you, in SQL
for the inbox and the deadline job (tested to agree)."""

from datetime import datetime

from django.db.models import Q
from django.utils import timezone

from .models import Route, RouteKind, RouteStatus

_WAITING_FOR_ASSESSMENT = (RouteStatus.SHARED, RouteStatus.ACCEPTED)
_WAITING_FOR_ACCEPTANCE = (RouteStatus.SHARED,)

_ASSESSED_BY_DEADLINE = (RouteKind.REPORT, RouteKind.ADVICE)

#: Routes still waiting for what their clock measures: Veilig Thuis's reports and advice
#: requests until assessed, any other route with a deadline (a handover) until accepted. A route
#: that hands over has no clock of its own: the receiving route carries it.
WAITING = (
    (Q(kind__in=_ASSESSED_BY_DEADLINE, status__in=_WAITING_FOR_ASSESSMENT)
     | (~Q(kind__in=_ASSESSED_BY_DEADLINE) & Q(status__in=_WAITING_FOR_ACCEPTANCE)))
    & Q(handed_over_to__isnull=True) & Q(due_at__isnull=False)
)


def overdue(now: datetime) -> Q:
    return WAITING & Q(due_at__lt=now)


def is_waiting(route: Route) -> bool:
    if route.due_at is None or route.handed_over_to_id is not None:
        return False
    if route.kind in _ASSESSED_BY_DEADLINE:
        return route.status in _WAITING_FOR_ASSESSMENT
    return route.status in _WAITING_FOR_ACCEPTANCE


def is_overdue(route: Route, now: datetime | None = None) -> bool:
    return is_waiting(route) and (now or timezone.now()) > route.due_at
