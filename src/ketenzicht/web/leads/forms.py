"""The regisseur's forms: who carries the regie (a named professional, or the parents with a named
back-up), chosen with the family; and the answer to a proposed change.

``LeadChoiceForm`` serves the match page (the matchregisseur records the family's regisseur) and
the change page (a warm handover). The leads services decide; the form collects every missing
answer at once and carries a service's refusal back to its field.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from ketenzicht.leads.models import LeadKind
from ketenzicht.leads.services import LeadChoice
from ketenzicht.organisations.models import Professional

PROFESSIONAL, PARENTS = LeadKind.PROFESSIONAL.value, LeadKind.PARENTS.value


def candidates_label(professional: Professional) -> str:
    return f"{professional.display_name} — {professional.organisation.name}"


class LeadChoiceForm(forms.Form):
    regie = forms.ChoiceField(
        label=_("Wie voert de regie?"), widget=forms.RadioSelect,
        choices=[(PROFESSIONAL, _("Een professional is regisseur")),
                 (PARENTS, _("De ouders voeren zelf regie, met een professional als achtervang"))],
        error_messages={"required": _("Kies of een professional of de ouders zelf de regie voeren.")},
    )
    professional = forms.ChoiceField(
        label=_("Regisseur, of achtervang als de ouders zelf regie voeren"),
        help_text=_("Een professional van een organisatie die bij het huishouden betrokken is."),
        error_messages={"required": _("Kies de regisseur of de achtervang.")},
    )
    voorkeur_gezin = forms.CharField(
        label=_("Voorkeur van het gezin"), required=False, max_length=2000, widget=forms.Textarea,
        help_text=_("De regisseur wordt met het gezin gekozen: wat wil het gezin zelf?"),
    )
    afspraken = forms.CharField(
        label=_("Afspraken als de ouders zelf regie voeren"), required=False, max_length=4000,
        widget=forms.Textarea,
        help_text=_("Wat de ouders doen, wanneer zij de achtervang inschakelen, en wie wat weet."),
    )

    REFUSAL_FIELDS = {"professional": "professional", "family_preference": "voorkeur_gezin",
                      "agreements": "afspraken", "regisseur": "professional"}

    def __init__(self, *args, candidates: list[Professional] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.candidates = {str(p.uuid): p for p in candidates}
        self.fields["professional"].choices = [("", _("— kies —")), *(
            (key, candidates_label(p)) for key, p in self.candidates.items())]

    def clean(self):
        data = super().clean()
        if data.get("regie") == PARENTS and not (data.get("afspraken") or "").strip():
            self.add_error("afspraken", _("Leg de afspraken vast als de ouders zelf regie voeren."))
        if data.get("regie") == PROFESSIONAL and not (data.get("voorkeur_gezin") or "").strip():
            self.add_error("voorkeur_gezin",
                           _("Leg vast wat het gezin wil: de regisseur wordt met het gezin gekozen."))
        return data

    def choice(self) -> LeadChoice:
        data = self.cleaned_data
        return LeadChoice(professional=self.candidates[data["professional"]],
                          parents_keep_regie=data["regie"] == PARENTS,
                          family_preference=data.get("voorkeur_gezin", ""),
                          agreements=data.get("afspraken", "") if data["regie"] == PARENTS else "")


class LeadChangeForm(LeadChoiceForm):
    reden = forms.CharField(
        label=_("Waarom wisselt de regisseur?"), required=False, max_length=2000,
        widget=forms.Textarea,
    )

    REFUSAL_FIELDS = {**LeadChoiceForm.REFUSAL_FIELDS, "reason": "reden"}


class DeclineForm(forms.Form):
    reden = forms.CharField(
        label=_("Waarom neemt u de regie niet over?"), max_length=2000, widget=forms.Textarea,
        error_messages={"required": _("Geef aan waarom u de regie niet overneemt.")},
    )

    REFUSAL_FIELDS = {"reason": "reden"}
