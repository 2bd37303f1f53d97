"""Sharing a signal records who consented, following the age rules (under 12 the parents; 12–15
the youth and the parents; 16+ the youth; an adult themselves), or the safety reason for sharing
without consent: in the service and in the database."""

import pytest
from django.db import IntegrityError, transaction

from ketenzicht.refusals import Refused
from ketenzicht.signals.models import ConsentBasis, ConsentGiver, Route, RouteKind
from ketenzicht.signals.services import Consent, ShareRequest, check_consent, consent_givers

from .conftest import DAAN, EMMA, KEVIN, OFFICE_HOURS, SANNE, acting, signal_as
from .support import share

PARENTS, BOTH, YOUTH, CLIENT = (ConsentGiver.PARENTS, ConsentGiver.YOUTH_AND_PARENTS,
                                ConsentGiver.YOUTH, ConsentGiver.CLIENT)


@pytest.mark.parametrize(("age", "givers"), [
    pytest.param(0, {PARENTS}, id="baby-ouders"),
    pytest.param(11, {PARENTS}, id="11-ouders"),
    pytest.param(12, {BOTH}, id="12-jeugdige-en-ouders"),
    pytest.param(15, {BOTH}, id="15-jeugdige-en-ouders"),
    pytest.param(16, {YOUTH}, id="16-jeugdige"),
    pytest.param(17, {YOUTH}, id="17-jeugdige"),
    pytest.param(18, {YOUTH, CLIENT}, id="18-zelf"),
    pytest.param(45, {YOUTH, CLIENT}, id="volwassene-zelf"),
])
def test_who_gives_consent_by_age(age, givers):
    assert consent_givers(age) == givers


@pytest.mark.parametrize(("consent", "age", "kind", "code"), [
    pytest.param(Consent(ConsentBasis.CONSENT, YOUTH), 9, RouteKind.SIGNAL,
                 "toestemming-verkeerde-persoon", id="9-jaar-jeugdige-alleen"),
    pytest.param(Consent(ConsentBasis.CONSENT, PARENTS), 14, RouteKind.SIGNAL,
                 "toestemming-verkeerde-persoon", id="14-jaar-ouders-alleen"),
    pytest.param(Consent(ConsentBasis.CONSENT, PARENTS), 16, RouteKind.SIGNAL,
                 "toestemming-verkeerde-persoon", id="16-jaar-ouders"),
    pytest.param(Consent(ConsentBasis.CONSENT, ""), 30, RouteKind.SIGNAL,
                 "toestemming-verkeerde-persoon", id="toestemming-zonder-wie"),
    pytest.param(Consent(ConsentBasis.SAFETY, safety_reason="  "), 9, RouteKind.REPORT,
                 "veiligheidsreden-ontbreekt", id="veiligheid-zonder-reden"),
    pytest.param(Consent(ConsentBasis.NOT_NEEDED), 9, RouteKind.SIGNAL, "toestemming-ontbreekt",
                 id="niet-nodig-alleen-bij-adviesvraag"),
    pytest.param(Consent(""), 9, RouteKind.SIGNAL, "toestemming-ontbreekt", id="geen-grondslag"),
])
def test_consent_refusals(consent, age, kind, code):
    with pytest.raises(Refused) as refused:
        check_consent(consent, age, kind)
    assert refused.value.code == code
    assert refused.value.field.startswith("toestemming")


@pytest.mark.parametrize(("consent", "age", "kind"), [
    pytest.param(Consent(ConsentBasis.CONSENT, PARENTS), 9, RouteKind.SIGNAL, id="9-ouders"),
    pytest.param(Consent(ConsentBasis.CONSENT, BOTH), 14, RouteKind.SIGNAL, id="14-beiden"),
    pytest.param(Consent(ConsentBasis.CONSENT, YOUTH), 16, RouteKind.REPORT, id="16-jeugdige"),
    pytest.param(Consent(ConsentBasis.CONSENT, CLIENT), 30, RouteKind.SIGNAL, id="volwassene"),
    pytest.param(Consent(ConsentBasis.SAFETY, safety_reason="Moeder is in gevaar."), 9,
                 RouteKind.REPORT, id="veiligheid-met-reden"),
    pytest.param(Consent(ConsentBasis.NOT_NEEDED), 9, RouteKind.ADVICE, id="adviesvraag"),
])
def test_consent_accepted(consent, age, kind):
    check_consent(consent, age, kind)


def test_wrong_consent_giver_shares_nothing(emmen):
    signal = signal_as("leerkracht", DAAN)  # 9 years old
    with pytest.raises(Refused) as refused:
        share(signal, request=ShareRequest(Consent(ConsentBasis.CONSENT, YOUTH)))
    assert "9 jaar" in refused.value.message and "ouders" in refused.value.message
    assert not signal.routes.exists()


@pytest.mark.parametrize(("bsn", "giver"), [
    pytest.param(DAAN, PARENTS, id="daan-9-ouders"),
    pytest.param(EMMA, BOTH, id="emma-14-jeugdige-en-ouders"),
    pytest.param(SANNE, YOUTH, id="sanne-16-jeugdige"),
    pytest.param(KEVIN, CLIENT, id="kevin-22-zelf"),
])
def test_sharing_records_who_consented(emmen, bsn, giver):
    signal = signal_as("jgz", bsn, categories=("gedrag-jeugdige",))
    route = share(signal, "jgz", ShareRequest(Consent(ConsentBasis.CONSENT, giver)))
    route.refresh_from_db()
    assert (route.consent_basis, route.consent_given_by, route.safety_reason) == (
        ConsentBasis.CONSENT, giver, "")


def test_sharing_without_consent_records_the_safety_reason(emmen):
    signal = signal_as("leerkracht")
    with pytest.raises(Refused) as refused:
        share(signal, request=ShareRequest(Consent(ConsentBasis.SAFETY)))
    assert refused.value.code == "veiligheidsreden-ontbreekt"
    route = share(signal, request=ShareRequest(
        Consent(ConsentBasis.SAFETY, safety_reason="  Vader dreigt als de ouders het horen. ")))
    route.refresh_from_db()
    assert route.consent_basis == ConsentBasis.SAFETY
    assert route.safety_reason == "Vader dreigt als de ouders het horen."


@pytest.mark.parametrize(("basis", "giver", "reason"), [
    pytest.param(ConsentBasis.SAFETY, "", "", id="veiligheid-zonder-reden"),
    pytest.param(ConsentBasis.CONSENT, "", "", id="toestemming-zonder-wie"),
])
def test_database_refuses_sharing_without_giver_or_reason(emmen, basis, giver, reason):
    signal = signal_as("leerkracht")
    who, _actor = acting("leerkracht")
    with pytest.raises(IntegrityError), transaction.atomic():
        Route.objects.create(signal=signal, desk=signal.proposed_desk, kind=RouteKind.SIGNAL,
                             shared_at=OFFICE_HOURS, shared_by=who, reason="test",
                             consent_basis=basis, consent_given_by=giver, safety_reason=reason)
