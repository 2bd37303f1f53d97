"""A new professional's authenticator is enrolled by the functioneel beheerder from a QR code."""

from django.contrib.auth.models import Permission

from ketenzicht.organisations.tests.factories import TOTPDeviceFactory, UserFactory


def test_functional_admin_shows_enrolment_qr_code_for_a_new_device(operator_admin, verified_login):
    operator_admin.user.is_staff = True
    operator_admin.user.save()
    operator_admin.user.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="otp_totp")
    )
    client = verified_login(operator_admin)
    newcomer = TOTPDeviceFactory(user=UserFactory(username="nieuwe-collega"), confirmed=False)

    response = client.get(f"/beheer/otp_totp/totpdevice/{newcomer.pk}/qrcode/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/svg+xml")
    assert b"<svg" in response.content


def test_admin_without_verified_second_factor_is_refused(client, operator_admin):
    operator_admin.user.is_staff = True
    operator_admin.user.save()
    client.force_login(operator_admin.user)  # password only: no authenticator code
    response = client.get("/beheer/")
    assert response.status_code == 302
    assert "/login/" in response["Location"] or "inloggen" in response["Location"]
