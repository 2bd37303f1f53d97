"""Two teamleiders deactivated at the same moment cannot each hand their cases to the other: the
accounts are locked in one order, so the second sees the first gone and is refused; every open
case keeps an active holder (PostgreSQL, parallel writers)."""

import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from ketenzicht.organisations.accounts import deactivate
from ketenzicht.organisations.models import Organisation, Role
from ketenzicht.organisations.tests.factories import ProfessionalFactory
from ketenzicht.plans.models import Case
from ketenzicht.refusals import Refused

from .conftest import professional
from .support import application


@pytest.mark.postgres_only
def test_two_teamleiders_leaving_at_once_never_leave_a_case_to_nobody(transactional_db, settings):
    from ketenzicht.demo.loader import load_demo

    settings.DEMO_MODE = True
    load_demo(households=3)
    ProfessionalFactory(organisation=Organisation.objects.get(slug="cjg-de-monden"), role=Role.TEAM_LEAD,
                        user__username="teamleider-twee")
    application()  # held by teamleider-demonden until assigned
    together, refused, errors = threading.Barrier(2), [], []

    def leave(username: str) -> None:
        try:
            together.wait()
            deactivate(professional(username), by=professional("beheer"))
        except Refused as refusal:
            refused.append((username, refusal.code))
        except Exception as error:  # the test reports it below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=leave, args=(name,))
               for name in ("teamleider-demonden", "teamleider-twee")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert len(refused) == 1 and refused[0][1] == "geen-teamleider"
    still_active = get_user_model().objects.filter(username=refused[0][0], is_active=True)
    assert still_active.exists()
    case = Case.objects.select_related("responsible__user").get()
    assert case.responsible.user.is_active and case.responsible.user.username == refused[0][0]
