"""Kindcheck: adult care (volwassen-GGZ, verslavingszorg, ziekenhuis, schuldhulp) asks at the
intake of an adult client whether children are in the picture; every check is recorded so its
use can be measured, and a positive check with concerns opens a signal about the child and its
Meldcode (the child and the parent: ``test_a_kindchecks_concern_is_a_signal_about_each_child``)."""

from datetime import datetime

import pytest

from ketenzicht.access.models import AccessBasis
from ketenzicht.organisations.models import Organisation
from ketenzicht.refusals import RefusalKind, Refused
from ketenzicht.signals.childcheck import (
    ChildCheckAnswers,
    Concern,
    child_check_use,
    record_child_check,
)
from ketenzicht.signals.models import ChildCheck, MeldcodeStep, Signal, Source

from .conftest import AMSTERDAM, KEVIN, LINDA, NOAH, OFFICE_HOURS, acting
from .support import colleague, fresh, person

NEGATIVE = ChildCheckAnswers(False, False, False, False)
POSITIVE = ChildCheckAnswers(children_in_home=True, cares_for_children=False,
                             partner_has_children=False, pregnant=False)
WITH_CONCERNS = ChildCheckAnswers(True, False, False, False, concerns=True)


def concern(*children) -> Concern:
    return Concern(facts="Moeder is psychotisch; Noah (2) is vaak alleen thuis.",
                   children=children or (person(NOAH),))


def _check(answers, concern=None, username="ggz", bsn=LINDA, now=OFFICE_HOURS) -> ChildCheck:
    return record_child_check(*acting(username), person(bsn), answers, concern, now)


def test_positive_check_with_concerns_opens_a_signal_routed_to_the_childs_cjg(emmen):
    check = _check(WITH_CONCERNS, concern())
    signal = Signal.objects.get(child_check=check)
    assert signal.source == Source.CHILD_CHECK
    assert (signal.person, signal.concerns_parent) == (person(NOAH), person(LINDA))
    assert list(signal.categories.values_list("category", flat=True)) == ["psychiatrie-ouder"]
    assert signal.proposed_desk.slug == "cjg-emmen-oost"  # where Noah lives
    assert signal.signaller.user.username == "ggz"
    assert signal.facts == concern().facts
    assert fresh(signal).next_step == MeldcodeStep.CONSULTATION  # the Meldcode guide starts


@pytest.mark.parametrize("answers", [NEGATIVE, POSITIVE], ids=["negatief", "positief-zonder-zorgen"])
def test_every_check_is_recorded_without_a_signal(emmen, answers):
    check = _check(answers)
    assert not check.signals.exists()
    assert (check.children_in_home, check.concerns) == (answers.children_in_home, False)
    assert not Signal.objects.exists()


@pytest.mark.parametrize("username", [
    pytest.param("leerkracht", id="school"),
    pytest.param("jgz", id="jeugdgezondheidszorg"),
    pytest.param("cjg-demonden", id="cjg"),
])
def test_only_adult_care_records_a_kindcheck(emmen, username):
    with pytest.raises(Refused) as refused:
        _check(NEGATIVE, username=username, bsn=LINDA)
    assert (refused.value.code, refused.value.kind) == ("geen-volwassenenzorg", RefusalKind.FORBIDDEN)
    assert not ChildCheck.objects.exists()


def test_only_for_adult_clients(emmen):
    with pytest.raises(Refused) as refused:
        _check(NEGATIVE, bsn=NOAH)  # in view through Linda's household, but a child
    assert refused.value.code == "geen-volwassene"
    assert not ChildCheck.objects.exists()


def test_only_for_own_clients(emmen):
    with pytest.raises(Refused) as refused:
        _check(NEGATIVE, bsn=KEVIN)
    assert (refused.value.code, refused.value.kind) == ("client-onbekend", RefusalKind.FORBIDDEN)


def test_concerns_need_children_in_the_picture_and_a_description(emmen):
    with pytest.raises(Refused) as refused:
        _check(ChildCheckAnswers(False, False, False, False, concerns=True))
    assert refused.value.code == "zorgen-zonder-kinderen"
    with pytest.raises(Refused) as refused:
        _check(WITH_CONCERNS)
    assert refused.value.code == "zorg-ontbreekt"
    assert not ChildCheck.objects.exists() and not Signal.objects.exists()


def test_other_kinds_of_adult_care_propose_their_own_category(emmen):
    vnn = Organisation.objects.get(slug="vnn")
    AccessBasis.objects.create(organisation=vnn, person=person(LINDA), kind="client")
    colleague("vnn", "vnn-intake")
    check = _check(WITH_CONCERNS, concern(), username="vnn-intake")
    assert list(check.signals.get().categories.values_list("category", flat=True)) == [
        "verslaving-ouder"]


def test_use_of_the_kindcheck_is_counted_in_sql(emmen, django_assert_num_queries):
    vnn = Organisation.objects.get(slug="vnn")
    AccessBasis.objects.create(organisation=vnn, person=person(LINDA), kind="client")
    colleague("vnn", "vnn-intake")
    _check(NEGATIVE, now=datetime(2026, 10, 1, 10, tzinfo=AMSTERDAM))
    _check(POSITIVE)
    _check(WITH_CONCERNS, concern())
    _check(NEGATIVE, username="vnn-intake")
    with django_assert_num_queries(1):
        rows = list(child_check_use())
    assert [(r["organisation__slug"], r["checks"], r["positive"], r["signals"]) for r in rows] == [
        ("ggz-drenthe", 3, 2, 1), ("vnn", 1, 0, 0)]
    recent = list(child_check_use([Organisation.objects.get(slug="ggz-drenthe").pk],
                                  since=datetime(2026, 11, 1, tzinfo=AMSTERDAM)))
    assert [(r["checks"], r["positive"], r["signals"]) for r in recent] == [(2, 2, 1)]
