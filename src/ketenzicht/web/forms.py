"""Forms of the web UI: login with password and authenticator code, BSN search, access report.

Error texts are Dutch and specific where that helps the professional (BSN), and deliberately
vague where specificity would help an attacker (which of password, code or account set-up was
wrong).
"""

from datetime import date, timedelta
from typing import NoReturn

from django import forms
from django.contrib.auth import user_login_failed
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from ketenzicht.access.resident_search import MAX_REASON, SearchPurpose
from ketenzicht.organisations.services import professional_for_user
from ketenzicht.people.bsn import validate_bsn
from ketenzicht.refusals import Refused

from .guards import record_failed_login

INVALID_LOGIN = _(
    "De combinatie van gebruikersnaam, wachtwoord en code klopt niet. Let op: na herhaalde "
    "mislukte pogingen wordt uw account tijdelijk geblokkeerd."
)


def add_refusal(form: forms.Form, refusal: Refused) -> None:
    """Show a service's refusal next to the field it concerns (the form's ``REFUSAL_FIELDS``
    maps the service's field to the form's), or above the form."""
    field = getattr(form, "REFUSAL_FIELDS", {}).get(refusal.field)
    form.add_error(field if field in form.fields else None, refusal.message)


class LoginForm(AuthenticationForm):
    """Username, password and the six-digit code, checked together.

    Every way a checked login can fail gives the same message and counts as a failed login for
    django-axes (``user_login_failed``): a wrong password, a wrong code, and also an account
    that has no place in the chain or no authenticator yet. A more helpful message for those
    last two would appear only after the password was accepted, so it would tell whoever is
    guessing that the password is right; the functioneel beheerder sees the reason in the
    audit trail instead. Each failure is written to that trail (``record_failed_login``).
    """

    otp_token = forms.CharField(
        label=_("Code uit uw authenticator-app"),
        help_text=_("De zes cijfers die uw authenticator-app nu toont."),
        max_length=6,
        min_length=6,
        validators=[RegexValidator(r"^\d{6}$", _("De code bestaat uit zes cijfers."))],
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
        error_messages={"required": _("Vul de code uit uw authenticator-app in.")},
    )
    # Accepted for compatibility with clients that name the device; must belong to the user.
    otp_device = forms.CharField(required=False, widget=forms.HiddenInput)

    error_messages = {"invalid_login": INVALID_LOGIN, "inactive": INVALID_LOGIN}

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = _("Gebruikersnaam")
        self.fields["username"].error_messages["required"] = _("Vul uw gebruikersnaam in.")
        self.fields["password"].label = _("Wachtwoord")
        self.fields["password"].error_messages["required"] = _("Vul uw wachtwoord in.")
        self.otp_device: TOTPDevice | None = None

    def clean(self):
        if self.errors:
            # Without a well-formed code nothing is checked, so the answer reveals nothing.
            return self.cleaned_data
        username = self.cleaned_data.get("username") or ""
        try:
            super().clean()
        except ValidationError:
            # Django's authenticate() already sent user_login_failed (axes counted it).
            locked = getattr(self.request, "axes_locked_out", False)
            record_failed_login(self.request, username, "geblokkeerd" if locked else "wachtwoord")
            raise
        user = self.user_cache
        professional = professional_for_user(user)
        if professional is None:  # no place in the chain, or the organisation left it
            self._refuse(user, "geen-organisatie-of-rol")
        devices = list(TOTPDevice.objects.devices_for_user(user, confirmed=True))
        if not devices:
            self._refuse(user, "geen-tweede-factor")
        self.otp_device = self._verified_device(devices, self.cleaned_data["otp_token"])
        if self.otp_device is None:
            self._refuse(user, "code")
        return self.cleaned_data

    def _refuse(self, user, reason: str) -> NoReturn:
        """Fail like a wrong password: same message, counted by axes, written to the trail."""
        self.user_cache = None
        user_login_failed.send(
            sender=__name__, credentials={"username": user.get_username()}, request=self.request
        )
        record_failed_login(self.request, user.get_username(), reason)
        raise ValidationError(INVALID_LOGIN, code="invalid_login")

    def _verified_device(self, devices: list[TOTPDevice], token: str) -> TOTPDevice | None:
        wanted = self.cleaned_data.get("otp_device")
        if wanted:
            devices = [d for d in devices if d.persistent_id == wanted] or devices
        for device in devices:
            allowed, _extra = device.verify_is_allowed()
            if allowed and device.verify_token(token):
                return device
        return None


class BsnSearchForm(forms.Form):
    """One BSN, posted (never in a URL), validated with the specific Dutch BSN messages."""

    bsn = forms.CharField(
        label=_("Burgerservicenummer (BSN)"),
        help_text=_("Negen cijfers, bijvoorbeeld 999990019."),
        max_length=20,
        error_messages={"required": _("Vul een BSN in.")},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    def clean_bsn(self) -> str:
        return validate_bsn(self.cleaned_data["bsn"])


class ResidentSearchForm(BsnSearchForm):
    """A district team's search without a basis: the BSN, the purpose and the reason, all
    audited (``access.resident_search``); the service checks the purpose and the reason."""

    doel = forms.ChoiceField(
        label=_("Waarvoor zoekt u deze inwoner?"), choices=SearchPurpose.choices,
        widget=forms.RadioSelect, required=False,
    )
    reden = forms.CharField(
        label=_("Reden"), required=False, max_length=MAX_REASON, widget=forms.Textarea,
        help_text=_("Bijvoorbeeld: moeder belt met een vraag over haar zoon. De reden staat in de "
                    "auditlog, bij deze inwoner."),
    )

    REFUSAL_FIELDS = {"bsn": "bsn", "doel": "doel", "reden": "reden"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, auto_id="inwoner_%s", **kwargs)


class AccessReportForm(BsnSearchForm):
    """Whose trail, and over which period (both dates inclusive)."""

    start = forms.DateField(
        label=_("Van"), widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": _("Vul een begindatum in."),
                        "invalid": _("Vul een geldige datum in.")},
    )
    end = forms.DateField(
        label=_("Tot en met"), widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": _("Vul een einddatum in."),
                        "invalid": _("Vul een geldige datum in.")},
    )

    def __init__(self, *args, **kwargs):
        today = timezone.localdate()
        kwargs.setdefault("initial", {"start": today - timedelta(days=365), "end": today})
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        start: date | None = cleaned.get("start")
        end: date | None = cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", _("De einddatum ligt vóór de begindatum."))
        return cleaned
