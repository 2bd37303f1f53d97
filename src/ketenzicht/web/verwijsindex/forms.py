"""Forms of the verwijsindex pages: registering (melden), and the actions on registrations and
matches. The services decide; these forms only collect input and carry the services' Dutch
refusals back to the field they concern.
"""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ketenzicht.people.bsn import validate_bsn
from ketenzicht.verwijsindex.errors import RegistrationRefused
from ketenzicht.verwijsindex.models import EndReason, InformedParty, PostponementReason
from ketenzicht.verwijsindex.rules import RISK_CATEGORIES

#: The condition of the law for registering, confirmed (checked, never stored).
SUSPICION_WORDING = _(
    "Ik heb een redelijk vermoeden dat deze jeugdige door een of meer van de gekozen risico's "
    "wordt bedreigd in de gezonde en veilige ontwikkeling naar volwassenheid (Jeugdwet)."
)


class RegisterForm(forms.Form):
    """A registration in under a minute: the youth, the categories, the confirmation, contact.

    The youth comes either from the person page (``persoon``: the person's uuid, the BSN is
    looked up on the server after an access check) or typed as a BSN. The form is posted, so a
    BSN never appears in a URL.
    """

    persoon = forms.UUIDField(required=False, widget=forms.HiddenInput)
    bsn = forms.CharField(
        label=_("Burgerservicenummer (BSN) van de jeugdige"),
        help_text=_("Negen cijfers, bijvoorbeeld 999990019."),
        max_length=20, required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    risicocategorieen = forms.MultipleChoiceField(
        label=_("Wettelijke risicocategorieën"),
        help_text=_("Kies een of meer categorieën. De categorieën worden gecontroleerd, niet "
                    "opgeslagen: de registratie bevat alleen dát uw organisatie betrokken is."),
        choices=lambda: [(code, f"{code}. {label}") for code, label in RISK_CATEGORIES.items()],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies ten minste één wettelijke risicocategorie (a–l).")},
    )
    redelijk_vermoeden = forms.BooleanField(
        label=SUSPICION_WORDING,
        error_messages={"required": _(
            "Bevestig dat u een redelijk vermoeden heeft dat de risico's de gezonde en veilige "
            "ontwikkeling van de jeugdige bedreigen.")},
    )
    contactpersoon_naam = forms.CharField(
        label=_("Naam contactpersoon"), max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Vul de naam van de contactpersoon in.")},
    )
    contactpersoon_telefoon = forms.CharField(
        label=_("Telefoon contactpersoon"), max_length=30,
        help_text=_("Waarop andere betrokkenen u bereiken, ten minste 10 cijfers."),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        error_messages={"required": _("Vul een telefoonnummer van ten minste 10 cijfers in.")},
    )
    contactpersoon_email = forms.EmailField(
        label=_("E-mail contactpersoon"), max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"required": _("Vul een geldig e-mailadres in."),
                        "invalid": _("Vul een geldig e-mailadres in.")},
    )

    #: Where each ``RegistrationRefused.field`` of the service is shown.
    REFUSAL_FIELDS = {
        "bsn": "bsn",
        "risicocategorieen": "risicocategorieen",
        "redelijkVermoeden": "redelijk_vermoeden",
        "contactpersoon.naam": "contactpersoon_naam",
        "contactpersoon.telefoon": "contactpersoon_telefoon",
        "contactpersoon.email": "contactpersoon_email",
    }

    def __init__(self, *args, from_person: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.from_person = from_person
        if from_person:
            # The person is known: no BSN to type (and none sent to the browser).
            del self.fields["bsn"]

    def clean_bsn(self) -> str:
        value = self.cleaned_data.get("bsn", "")
        if not value.strip():
            raise forms.ValidationError(_("Vul het BSN van de jeugdige in."), code="required")
        return validate_bsn(value)

    def add_refusal(self, refusal: RegistrationRefused) -> None:
        field = self.REFUSAL_FIELDS.get(refusal.field)
        if field not in self.fields:
            field = None  # the youth came from the person page: shown above the form
        self.add_error(field, refusal.message)



class EndForm(forms.Form):
    reden = forms.ChoiceField(
        label=_("Reden van beëindigen"),
        choices=[(EndReason.RISK_GONE.value, _("Het risico is weggenomen")),
                 (EndReason.UNJUSTIFIED.value, _("De registratie blijkt onterecht"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies waarom u de registratie beëindigt.")},
    )
    bevestig_verwijderen = forms.BooleanField(
        label=_("Ik begrijp dat een onterechte registratie direct en definitief wordt verwijderd, "
                "ook uit de historie."),
        required=False,
    )

    REFUSAL_FIELDS = {"reden": "reden"}

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("reden") == EndReason.UNJUSTIFIED and not cleaned.get("bevestig_verwijderen"):
            self.add_error("bevestig_verwijderen", _(
                "Bevestig dat de onterechte registratie wordt verwijderd."))
        return cleaned


class InformedForm(forms.Form):
    geinformeerd = forms.ChoiceField(
        label=_("Wie is geïnformeerd"), choices=InformedParty.choices, widget=forms.RadioSelect,
        error_messages={"required": _("Kies wie u heeft geïnformeerd.")},
    )
    op = forms.DateField(
        label=_("Geïnformeerd op"), widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": _("Vul de datum in waarop u heeft geïnformeerd."),
                        "invalid": _("Vul een geldige datum in.")},
    )

    REFUSAL_FIELDS = {"geinformeerd": "geinformeerd", "geinformeerdOp": "op"}

    def clean_op(self):
        day = self.cleaned_data["op"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("De datum ligt in de toekomst."))
        return day


class PostponeForm(forms.Form):
    reden_uitstel = forms.ChoiceField(
        label=_("Reden om het informeren uit te stellen"),
        help_text=_("De toelichting hoort in uw eigen dossier, niet in de verwijsindex."),
        choices=PostponementReason.choices, widget=forms.RadioSelect,
        error_messages={"required": _("Kies de reden van het uitstel.")},
    )

    REFUSAL_FIELDS = {"reden": "reden_uitstel"}


class ObjectionForm(forms.Form):
    registratie = forms.UUIDField(
        label=_("Kenmerk van de registratie"),
        help_text=_("Het kenmerk (uuid) uit het bezwaarschrift of van de registrerende organisatie."),
        error_messages={"required": _("Vul het kenmerk van de registratie in."),
                        "invalid": _("Dit is geen geldig kenmerk van een registratie.")},
    )
    ontvangen_op = forms.DateField(
        label=_("Bezwaar ontvangen op"), widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": _("Vul de datum van ontvangst in."),
                        "invalid": _("Vul een geldige datum in.")},
    )

    REFUSAL_FIELDS = {"ontvangenOp": "ontvangen_op"}


