"""One rule said twice: ``clocks.is_overdue`` (the route in front of you) and the SQL
``clocks.overdue`` (the inbox and the deadline job) agree on every kind, status and time."""

from datetime import timedelta

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ketenzicht.signals import clocks
from ketenzicht.signals.models import ConsentBasis, Route, RouteKind, RouteStatus

from .conftest import OFFICE_HOURS, signal_as
from .support import professional_of


class _Rollback(Exception):
    """Leaves each example's routes behind in a rolled-back savepoint."""


@pytest.fixture
def stage(emmen):
    signal = signal_as("leerkracht")
    return signal, professional_of("leerkracht")


@settings(max_examples=150, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    kind=st.sampled_from(RouteKind.values),
    status=st.sampled_from(RouteStatus.values),
    due_minutes=st.none() | st.integers(min_value=-3 * 24 * 60, max_value=3 * 24 * 60),
    handed_over=st.booleans(),
    seconds=st.integers(min_value=-1, max_value=1),
)
def test_is_overdue_agrees_with_the_sql_rule(stage, kind, status, due_minutes, handed_over, seconds):
    signal, who = stage
    now = OFFICE_HOURS
    due_at = None if due_minutes is None else now + timedelta(minutes=due_minutes, seconds=seconds)
    try:
        with transaction.atomic():
            target = Route.objects.create(
                signal=signal, desk=signal.proposed_desk, kind=RouteKind.SIGNAL, shared_at=now,
                shared_by=who, reason="doel", consent_basis=ConsentBasis.SAFETY,
                safety_reason="test", status=RouteStatus.ENDED,
            ) if handed_over else None
            route = Route.objects.create(
                signal=signal, desk=signal.proposed_desk, kind=kind, status=status, shared_at=now,
                shared_by=who, reason="test", consent_basis=ConsentBasis.SAFETY,
                safety_reason="test", due_at=due_at, handed_over_to=target,
            )
            in_sql = Route.objects.filter(clocks.overdue(now), pk=route.pk).exists()
            waiting_in_sql = Route.objects.filter(clocks.WAITING, pk=route.pk).exists()
            assert clocks.is_overdue(route, now) == in_sql
            assert clocks.is_waiting(route) == waiting_in_sql
            raise _Rollback
    except _Rollback:
        pass
