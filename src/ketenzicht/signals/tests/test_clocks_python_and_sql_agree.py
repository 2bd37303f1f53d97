"""One rule said twice: ``clocks.is_overdue`` (the route in front of you) and the SQL
``clocks.overdue`` (the inbox and the deadline job) agree on every kind, status, outcome (Veilig
Thuis's investigation, concluded or not) and time."""

from datetime import timedelta

import pytest
from django.db import transaction
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ketenzicht.signals import clocks
from ketenzicht.signals.models import (
    AssessmentOutcome,
    ConsentBasis,
    Route,
    RouteKind,
    RouteStatus,
)

from .conftest import OFFICE_HOURS, signal_as
from .support import professional_of


class _Rollback(Exception):
    """Leaves each example's routes behind in a rolled-back savepoint."""


@pytest.fixture
def stage(emmen):
    signal = signal_as("leerkracht")
    return signal, professional_of("leerkracht")


@settings(max_examples=300, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    kind=st.sampled_from(RouteKind.values),
    status=st.sampled_from(RouteStatus.values),
    due_minutes=st.none() | st.integers(min_value=-3 * 24 * 60, max_value=3 * 24 * 60),
    handed_over=st.booleans(),
    seconds=st.integers(min_value=-1, max_value=1),
    outcome=st.sampled_from(["", *AssessmentOutcome.values]),
    concluded=st.booleans(),
)
# Veilig Thuis investigating, overdue and in time; concluded; an advice request with a due date.
@example(kind="melding", status="beoordeeld", due_minutes=-5, handed_over=False, seconds=0,
         outcome="onderzoek", concluded=False)
@example(kind="melding", status="beoordeeld", due_minutes=5, handed_over=False, seconds=0,
         outcome="onderzoek", concluded=False)
@example(kind="melding", status="beoordeeld", due_minutes=-5, handed_over=False, seconds=0,
         outcome="onderzoek", concluded=True)
@example(kind="advies", status="gedeeld", due_minutes=-5, handed_over=False, seconds=0,
         outcome="", concluded=False)
def test_is_overdue_agrees_with_the_sql_rule(stage, kind, status, due_minutes, handed_over, seconds,
                                             outcome, concluded):
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
                safety_reason="test", due_at=due_at, handed_over_to=target, outcome=outcome,
                concluded_at=now if concluded else None,
            )
            in_sql = Route.objects.filter(clocks.overdue(now), pk=route.pk).exists()
            waiting_in_sql = Route.objects.filter(clocks.WAITING, pk=route.pk).exists()
            assert clocks.is_overdue(route, now) == in_sql
            assert clocks.is_waiting(route) == waiting_in_sql
            investigating_in_sql = Route.objects.filter(clocks.INVESTIGATING, pk=route.pk).exists()
            assert clocks.is_investigating(route) == investigating_in_sql
            raise _Rollback
    except _Rollback:
        pass
