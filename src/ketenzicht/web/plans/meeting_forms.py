"""The form to record a consultation or MDO: the meeting, its participants and its actions as
repeated rows of one form (so every problem shows at once, in one summary).

The meetings service decides (``plans.meetings.problems``); this form only collects input and
carries every refusal back to the row and field it concerns. Rows left empty are ignored; "Nog
een deelnemer" and "Nog een actie" add a row without recording anything. A hidden token
(``formulier``) makes a second submit of the same form return the meeting already recorded.
"""

import uuid
from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from ketenzicht.organisations.models import CLIENT_ROLES, Organisation, Professional
from ketenzicht.plans import meetings
from ketenzicht.plans.models import ActionHolder, Case, ConsultantRole, MeetingKind, SharingBasis
from ketenzicht.refusals import Refused

PARTICIPANT_ROWS = 3
ACTION_ROWS = 3
MAX_ROWS = 20
DATE_INPUT = "%Y-%m-%d"
#: What an invited organisation's basis may be (the own team needs none).
SHARING_CHOICES = [(SharingBasis.CONSENT, SharingBasis.CONSENT.label),
                   (SharingBasis.SAFETY, SharingBasis.SAFETY.label)]
PARTICIPANT_FIELDS = ("professional", "organisatie", "naam", "rol", "grondslag", "toestemming",
                      "veiligheidsreden")
ACTION_FIELDS = ("wie", "professional", "organisatie", "naam", "wat", "uiterlijk", "hulp")


def _date(label, help_text="") -> forms.DateField:
    return forms.DateField(label=label, help_text=help_text, required=False, input_formats=[DATE_INPUT],
                           widget=forms.DateInput(attrs={"type": "date"}, format=DATE_INPUT),
                           error_messages={"invalid": _("Vul een geldige datum in.")})


def _choice(label, choices, help_text="") -> forms.ChoiceField:
    return forms.ChoiceField(label=label, help_text=help_text, required=False,
                             choices=[("", _("— kies —")), *choices])


def _textarea(label, help_text="", max_length=5000) -> forms.CharField:
    return forms.CharField(label=label, help_text=help_text, required=False, max_length=max_length,
                           widget=forms.Textarea, strip=False)


def professional_choices(case: Case) -> list[Professional]:
    """Client professionals of the municipality's active organisations (the team's first)."""
    found = (Professional.objects.filter(organisation__municipality_id=case.team.municipality_id,
                                         organisation__is_active=True, role__in=CLIENT_ROLES,
                                         user__is_active=True)
             .select_related("user", "organisation").order_by("organisation__name", "user__last_name", "id"))
    return sorted(found, key=lambda p: p.organisation_id != case.team_id)


def organisation_choices(case: Case) -> list[Organisation]:
    return list(Organisation.objects.filter(municipality_id=case.team.municipality_id, is_active=True)
                .order_by("name"))


class MeetingForm(forms.Form):
    formulier = forms.UUIDField(required=False, widget=forms.HiddenInput)
    deelnemer_rijen = forms.IntegerField(required=False, widget=forms.HiddenInput)
    actie_rijen = forms.IntegerField(required=False, widget=forms.HiddenInput)
    soort = forms.ChoiceField(label=_("Soort overleg"), choices=MeetingKind.choices, required=False,
                              widget=forms.RadioSelect)
    datum = _date(_("Datum van het overleg"), _("Het overleg is gehouden: vandaag of eerder."))
    ouders_namen_deel = forms.BooleanField(label=_("De ouders namen deel"), required=False)
    jeugdige_nam_deel = forms.BooleanField(label=_("De jeugdige nam deel"), required=False)
    feiten = _textarea(_("Besproken feiten"), _("Wat is er bekend en besproken: feiten, geen meningen."))
    besluiten = _textarea(_("Besluiten"), _("Wat is er besloten? Verplicht."))

    def __init__(self, data=None, *, case: Case, today: date, **kwargs):
        super().__init__(data, **kwargs)
        self.case = case
        self.professionals = {str(p.pk): p for p in professional_choices(case)}
        self.organisations = {str(o.pk): o for o in organisation_choices(case)}
        self.givers = {str(p.pk): p for p in meetings.consent_givers(case.household, today)}
        self.initial.setdefault("formulier", uuid.uuid4())
        self.initial.setdefault("soort", MeetingKind.MDO)
        self.participant_rows = self._rows("deelnemer_rijen", "meer_deelnemers", PARTICIPANT_ROWS)
        self.action_rows = self._rows("actie_rijen", "meer_acties", ACTION_ROWS)
        self.initial["deelnemer_rijen"] = self.participant_rows
        self.initial["actie_rijen"] = self.action_rows
        if data is not None:  # the counts travel with the form, one more after "add a row"
            self.data = data.copy()
            self.data["deelnemer_rijen"] = self.participant_rows
            self.data["actie_rijen"] = self.action_rows
        people = [(pk, f"{p.display_name} — {p.organisation.name}") for pk, p in self.professionals.items()]
        places = [(pk, o.name) for pk, o in self.organisations.items()]
        for row in range(self.participant_rows):
            number = row + 1
            self.fields[f"d{row}_professional"] = _choice(
                _("Deelnemer %(n)s: professional") % {"n": number}, people,
                _("Met een account in Ketenzicht. Anders: vul naam en organisatie in."))
            self.fields[f"d{row}_naam"] = forms.CharField(
                label=_("Deelnemer %(n)s: naam (zonder account)") % {"n": number}, required=False,
                max_length=200)
            self.fields[f"d{row}_organisatie"] = _choice(_("Deelnemer %(n)s: organisatie") % {"n": number},
                                                         places)
            self.fields[f"d{row}_rol"] = _choice(_("Deelnemer %(n)s: rol") % {"n": number},
                                                 ConsultantRole.choices)
            self.fields[f"d{row}_grondslag"] = forms.ChoiceField(
                label=_("Deelnemer %(n)s: grondslag voor delen") % {"n": number}, required=False,
                choices=SHARING_CHOICES, widget=forms.RadioSelect,
                help_text=_("Alleen voor een andere organisatie dan uw team."))
            self.fields[f"d{row}_toestemming"] = forms.MultipleChoiceField(
                label=_("Deelnemer %(n)s: toestemming gegeven door") % {"n": number}, required=False,
                choices=[(pk, f"{p.full_name} ({p.age_on(today)})") for pk, p in self.givers.items()],
                widget=forms.CheckboxSelectMultiple,
                help_text=_("Onder 12 jaar beslissen de ouders; van 12 tot 16 de jeugdige én een ouder; "
                            "vanaf 16 de jeugdige zelf; een volwassene zelf."))
            self.fields[f"d{row}_veiligheidsreden"] = _textarea(
                _("Deelnemer %(n)s: reden om zonder toestemming te delen") % {"n": number}, max_length=2000)
        holders = [(kind.value, kind.label) for kind in ActionHolder]
        for row in range(self.action_rows):
            number = row + 1
            self.fields[f"a{row}_wie"] = _choice(_("Actie %(n)s: wie") % {"n": number}, holders)
            self.fields[f"a{row}_professional"] = _choice(_("Actie %(n)s: professional") % {"n": number},
                                                          people)
            self.fields[f"a{row}_organisatie"] = _choice(_("Actie %(n)s: organisatie") % {"n": number},
                                                         places)
            self.fields[f"a{row}_naam"] = forms.CharField(
                label=_("Actie %(n)s: naam (gezinslid of netwerk)") % {"n": number}, required=False,
                max_length=200)
            self.fields[f"a{row}_wat"] = _textarea(_("Actie %(n)s: wat") % {"n": number}, max_length=2000)
            self.fields[f"a{row}_uiterlijk"] = _date(_("Actie %(n)s: uiterlijk") % {"n": number})
            self.fields[f"a{row}_hulp"] = forms.BooleanField(
                label=_("Actie %(n)s: dit is hulp voor het gezin") % {"n": number}, required=False)

    def _rows(self, name: str, button: str, default: int) -> int:
        try:
            rows = int(self.data.get(name) or default)
        except (TypeError, ValueError):
            rows = default
        if button in self.data:
            rows += 1
        return max(1, min(rows, MAX_ROWS))

    @property
    def adds_a_row(self) -> bool:
        return "meer_deelnemers" in self.data or "meer_acties" in self.data

    def participant_fields(self) -> list[dict]:
        return [{name: self[f"d{row}_{name}"] for name in PARTICIPANT_FIELDS} | {"number": row + 1}
                for row in range(self.participant_rows)]

    def action_fields(self) -> list[dict]:
        return [{name: self[f"a{row}_{name}"] for name in ACTION_FIELDS} | {"number": row + 1}
                for row in range(self.action_rows)]

    # --- To the service ----------------------------------------------------------------------------

    def _filled(self, prefix: str, rows: int, names: tuple[str, ...]) -> list[int]:
        return [row for row in range(rows)
                if any(self.cleaned_data.get(f"{prefix}{row}_{name}") not in (None, "", [], False)
                       for name in names)]

    def meeting_request(self) -> meetings.MeetingRequest:
        data = self.cleaned_data
        self._participant_rows = self._filled("d", self.participant_rows,
                                              ("professional", "naam", "organisatie", "rol"))
        self._action_rows = self._filled("a", self.action_rows, ("wie", "professional", "organisatie",
                                                                 "naam", "wat", "uiterlijk"))
        participants = tuple(meetings.ParticipantData(
            role=data[f"d{row}_rol"], professional=self.professionals.get(data[f"d{row}_professional"]),
            organisation=self.organisations.get(data[f"d{row}_organisatie"]), name=data[f"d{row}_naam"],
            sharing_basis=data[f"d{row}_grondslag"],
            consent_given_by=tuple(self.givers[pk] for pk in data[f"d{row}_toestemming"]),
            safety_reason=data[f"d{row}_veiligheidsreden"],
        ) for row in self._participant_rows)
        actions = tuple(meetings.ActionData(
            holder_kind=data[f"a{row}_wie"], what=data[f"a{row}_wat"], due_on=data[f"a{row}_uiterlijk"],
            professional=self.professionals.get(data[f"a{row}_professional"]),
            organisation=self.organisations.get(data[f"a{row}_organisatie"]),
            holder_name=data[f"a{row}_naam"],
            is_help=data[f"a{row}_hulp"],
        ) for row in self._action_rows)
        return meetings.MeetingRequest(
            kind=data["soort"], held_on=data["datum"], facts=data["feiten"], decisions=data["besluiten"],
            participants=participants, actions=actions, parents_took_part=data["ouders_namen_deel"],
            youth_took_part=data["jeugdige_nam_deel"], form_token=data["formulier"],
        )

    def add_refusal(self, refusal: Refused) -> None:
        """A service problem next to its field: ``deelnemers.2.rol`` is the third filled row's role."""
        parts = refusal.field.split(".")
        name = None
        if len(parts) == 3 and parts[0] in ("deelnemers", "acties") and parts[1].isdigit():
            participant = parts[0] == "deelnemers"
            prefix, rows = ("d", self._participant_rows) if participant else ("a", self._action_rows)
            index = int(parts[1])
            if index < len(rows):
                name = f"{prefix}{rows[index]}_{parts[2]}"
        elif refusal.field == "deelnemers":
            name = "d0_professional"
        elif refusal.field in self.fields:
            name = refusal.field
        self.add_error(name if name in self.fields else None, refusal.message)
