"""Two professionals of the team opening the household's plan at the same moment get the one
plan: the OneToOne constraint makes the second wait for the first and take its plan (PostgreSQL)."""

import threading

import pytest
from django.db import connection

from ketenzicht.plans import household_plan
from ketenzicht.plans.models import HouseholdPlan, PlanMember, PlanVersion

from .conftest import acting, de_vries
from .plan_support import involved


@pytest.mark.postgres_only
def test_parallel_openings_give_one_plan(transactional_db, settings):
    from ketenzicht.demo.loader import load_demo

    settings.DEMO_MODE = True
    load_demo(households=3)
    involved("cjg-demonden")
    household = de_vries()
    together, errors, plans = threading.Barrier(4), [], []

    def open_plan() -> None:
        try:
            together.wait()
            plans.append(household_plan.create_plan(*acting("cjg-demonden"), household).pk)
        except Exception as error:  # the test reports it below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=open_plan) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert HouseholdPlan.objects.count() == 1
    assert set(plans) == {HouseholdPlan.objects.get().pk}
    assert PlanMember.objects.count() == 1 and PlanVersion.objects.count() == 1
