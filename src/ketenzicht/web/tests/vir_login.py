"""The Emmen demo and a login through the real form, for the verwijsindex page tests."""

from django.test import Client

from ketenzicht.access.audited import actor_for
from ketenzicht.conftest import totp_code
from ketenzicht.demo.accounts import DEMO_PASSWORD
from ketenzicht.organisations.models import Professional
from ketenzicht.organisations.tests.factories import TOTPDeviceFactory
from ketenzicht.verwijsindex.services import Contact, RegistrationRequest, register


def professional(username: str) -> Professional:
    return Professional.objects.select_related("organisation__type", "user").get(
        user__username=username)


def logged_in(username: str) -> Client:
    client = Client()
    device = TOTPDeviceFactory(user=professional(username).user)
    response = client.post("/inloggen/", {
        "username": username, "password": DEMO_PASSWORD,
        "otp_device": device.persistent_id, "otp_token": totp_code(device)})
    assert response.status_code == 302
    return client


def acting(username: str):
    who = professional(username)
    return who, actor_for(who, access_point="127.0.0.1")


def register_as(username: str, bsn: str):
    return register(*acting(username), RegistrationRequest(
        bsn=bsn, risk_categories=("e",), suspicion_confirmed=True,
        contact=Contact(name="Ingrid Hofstede", phone="0591 123456",
                        email="i.hofstede@kristalla.example")))
