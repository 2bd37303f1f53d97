"""The Emmen demo (a few generated households) as the stage for verwijsindex tests."""

import pytest

from ketenzicht.access.audited import actor_for
from ketenzicht.demo.loader import load_demo
from ketenzicht.organisations.models import Professional
from ketenzicht.verwijsindex.services import Contact, RegistrationRequest

DAAN, EMMA, NOAH, KEVIN = "999990019", "999990020", "999990056", "999990159"


@pytest.fixture
def emmen(db, settings):
    settings.DEMO_MODE = True
    load_demo(households=3)


def professional(username: str) -> Professional:
    return Professional.objects.select_related("organisation__type", "user").get(
        user__username=username
    )


def request_for(bsn: str, *, categories=("e",), confirmed=True, name="Ingrid Hofstede",
                phone="0591 123456", email="i.hofstede@kristalla.example") -> RegistrationRequest:
    return RegistrationRequest(
        bsn=bsn, risk_categories=tuple(categories), suspicion_confirmed=confirmed,
        contact=Contact(name=name, phone=phone, email=email),
    )


def register_as(username: str, bsn: str, **kwargs):
    from ketenzicht.verwijsindex.services import register

    who = professional(username)
    return register(who, actor_for(who, access_point="127.0.0.1"), request_for(bsn, **kwargs))
