"""Two organisations appointing a regisseur for one household at the same moment (a match and
a plan): the partial unique index lets one through; the other is told who it is (PostgreSQL)."""

import threading

import pytest
from django.db import connection

from ketenzicht.leads.models import HouseholdLead
from ketenzicht.leads.services import LeadChoice, Source, appoint
from ketenzicht.refusals import Refused

from .conftest import acting, de_vries, involve_de_vries


@pytest.mark.postgres_only
def test_parallel_appointments_make_one_regisseur(transactional_db, settings):
    from ketenzicht.demo.loader import load_demo

    settings.DEMO_MODE = True
    load_demo(households=3)
    involve_de_vries()
    household = de_vries()
    together, refused, errors = threading.Barrier(4), [], []
    usernames = ["cjg-demonden", "jgz", "sgt-demonden", "teamleider-demonden"]

    def appoint_one(username: str) -> None:
        try:
            by, actor = acting(username)
            together.wait()
            appoint(by, actor, household, LeadChoice(professional=by, family_preference="Voorkeur."),
                    Source("gezinsplan"))
        except Refused as refusal:
            refused.append(refusal.code)
        except Exception as error:  # the test reports it below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=appoint_one, args=(name,)) for name in usernames]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert refused == ["regisseur-bestaat"] * 3
    assert HouseholdLead.objects.filter(household=household, ended_at__isnull=True).count() == 1
