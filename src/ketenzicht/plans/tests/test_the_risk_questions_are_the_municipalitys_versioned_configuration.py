"""The risk questions are the municipality's configuration, versioned: three by default (written as
version 1 the first time they are answered), the highest version asked, and every screening keeps
the very texts it answered, so an old one reads as it was asked."""

import threading

import pytest
from django.db import connection

from ketenzicht.organisations.models import Municipality
from ketenzicht.people.services import find_person_by_bsn
from ketenzicht.plans import cases, intake
from ketenzicht.plans.applications import ApplicationRequest, record_application
from ketenzicht.plans.models import DEFAULT_RISK_QUESTIONS, ArrivalKind, RiskQuestionnaire, RiskScreening
from ketenzicht.refusals import Refused

from .conftest import DAAN, WEDNESDAY, acting, de_vries
from .intake_support import ALL_NO, NO, YES, apply


def test_the_three_default_questions_are_asked_and_written_as_version_1_when_first_answered(emmen):
    emmen_id = Municipality.objects.get(slug="emmen").pk
    assert intake.current_questions(emmen_id) == intake.Questions(1, DEFAULT_RISK_QUESTIONS)
    assert not RiskQuestionnaire.objects.exists()  # showing them writes nothing
    apply(ALL_NO)
    questionnaire = RiskQuestionnaire.objects.get()
    assert (questionnaire.version, tuple(questionnaire.questions)) == (1, DEFAULT_RISK_QUESTIONS)
    assert len(DEFAULT_RISK_QUESTIONS) == 3


def test_a_new_version_is_asked_and_an_old_screening_keeps_its_texts(emmen):
    first = apply(ALL_NO)
    emmen_id = Municipality.objects.get(slug="emmen").pk
    RiskQuestionnaire.objects.create(municipality_id=emmen_id, version=2,
                                     questions=["Is een kind nu onveilig?", "Is er geweld thuis?"])
    assert intake.current_questions(emmen_id).texts == ("Is een kind nu onveilig?", "Is er geweld thuis?")
    old = RiskScreening.objects.get(case=first)
    assert tuple(old.questions) == DEFAULT_RISK_QUESTIONS and old.questionnaire.version == 1
    second = apply((NO, YES), username="teamleider-demonden")
    newest = RiskScreening.objects.filter(case=second).order_by("-id").first()
    assert newest.questionnaire.version == 2
    assert newest.answered() == [("Is een kind nu onveilig?", "Nee"), ("Is er geweld thuis?", "Ja")]


def test_answers_to_a_version_the_form_no_longer_shows_are_refused(emmen):
    emmen_id = Municipality.objects.get(slug="emmen").pk
    RiskQuestionnaire.objects.create(municipality_id=emmen_id, version=2, questions=["Een vraag?"])
    with pytest.raises(Refused) as refused:
        record_application(*acting("cjg-demonden"), ApplicationRequest(
            bsn=DAAN, applicant="ouder", channel="telefoon", question="Vraag", risk_answers=("nee",),
            questionnaire_version=1))
    assert refused.value.code == "vragen-gewijzigd"


@pytest.mark.postgres_only
def test_parallel_first_answers_write_one_version_1(transactional_db, settings):
    """Two teams of one municipality answer its questions for the first time at the same moment:
    both screenings use the one version-1 row (the unique constraint settles it)."""
    from ketenzicht.demo.loader import load_demo

    settings.DEMO_MODE = True
    load_demo(households=3)
    targets = []
    for username in ("cjg-demonden", "veiligthuis"):
        who, actor = acting(username)
        request = cases.ArrivalRequest(kind=ArrivalKind.ROUTE, person=find_person_by_bsn(DAAN))
        targets.append((who, actor, cases.arrive(who, actor, de_vries(), request, WEDNESDAY)))
    assert len({case.team.municipality_id for _who, _actor, case in targets}) == 1
    together, errors = threading.Barrier(len(targets)), []

    def answer(who, actor, case) -> None:
        try:
            together.wait()
            intake.record_screening(who, actor, case, ALL_NO, moment="intake", now=WEDNESDAY)
        except Exception as error:  # the test reports it below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=answer, args=target) for target in targets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert RiskQuestionnaire.objects.count() == 1
    assert list(RiskScreening.objects.values_list("questionnaire__version", flat=True)) == [1, 1]
