"""Every page carries the CSP, refuses framing, and keeps cookies away from scripts."""

from django.test import override_settings


def test_security_headers_on_every_page(parties, verified_login):
    client = verified_login(parties.involved)
    for url in ("/inloggen/", "/", f"/personen/{parties.child.uuid}/", "/bestaat-niet/"):
        response = client.get(url)
        csp = response["Content-Security-Policy"]
        assert "default-src 'self'" in csp, url
        assert "script-src 'self'" in csp and "'unsafe-inline'" not in csp, url
        assert "frame-ancestors 'none'" in csp, url
        assert response["X-Frame-Options"] == "DENY", url
        assert response["X-Content-Type-Options"] == "nosniff", url


def test_cookies_are_http_only(client, parties):
    from ketenzicht.conftest import totp_code
    from ketenzicht.organisations.tests.factories import TOTPDeviceFactory

    device = TOTPDeviceFactory(user=parties.involved.user)
    response = client.post("/inloggen/", {"username": "juf", "password": "correct-paard-batterij-niet",
                                           "otp_token": totp_code(device)})
    assert response.cookies["sessionid"]["httponly"]
    assert response.cookies["csrftoken"]["httponly"]
    assert response.cookies["sessionid"]["samesite"] == "Lax"


@override_settings(SESSION_COOKIE_SECURE=True, CSRF_COOKIE_SECURE=True)
def test_cookies_are_secure_when_configured(client, parties):
    from ketenzicht.conftest import totp_code
    from ketenzicht.organisations.tests.factories import TOTPDeviceFactory

    device = TOTPDeviceFactory(user=parties.involved.user)
    response = client.post("/inloggen/", {"username": "juf", "password": "correct-paard-batterij-niet",
                                           "otp_token": totp_code(device)})
    assert response.cookies["sessionid"]["secure"]


def test_no_inline_scripts_or_styles(parties, verified_login):
    client = verified_login(parties.involved)
    for url in ("/inloggen/", "/", "/zoeken/", f"/personen/{parties.child.uuid}/"):
        page = client.get(url).content.decode()
        assert "<script" not in page and "<style" not in page and " style=" not in page, url
