"""Forms of the signaller's pages: recording a signal, the Meldcode steps, sharing with a desk,
the OGGZ agenda and the kindcheck.

The signals services decide; these forms only collect input, offer sensible defaults (now,
urgency ``regulier``, the proposed desk) and carry the services' Dutch refusals back to the field
they concern (``REFUSAL_FIELDS`` maps a ``Refused.field`` to a form field). Fields are optional
here wherever a service checks them, so each rule has one Dutch message, the service's.
"""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ketenzicht.refusals import Refused
from ketenzicht.signals.categories import Category, Urgency
from ketenzicht.signals.childcheck import QUESTIONS as CHILD_CHECK_QUESTIONS
from ketenzicht.signals.decision_framework import QUESTIONS as FRAMEWORK_QUESTIONS
from ketenzicht.signals.models import ConsentBasis, ConsentGiver, Decision
from ketenzicht.signals.services import MAX_FACTS, Consent

from ..forms import add_refusal

#: How many statements of others the form offers (kept apart from the facts).
STATEMENT_ROWS = 3
YES, NO, UNKNOWN = "ja", "nee", "onbekend"
YES_NO = [(YES, _("Ja")), (NO, _("Nee"))]
DATETIME_INPUT = "%Y-%m-%dT%H:%M"




def answer(value: str | None) -> bool | None:
    """A ja/nee radio as the services take it: None when not answered (or not yet known)."""
    return {YES: True, NO: False}.get(value or "")


def _text(label, *, help_text="", max_length: int | None = None) -> forms.CharField:
    return forms.CharField(label=label, help_text=help_text, required=False, max_length=max_length,
                           strip=False)


def _textarea(label, *, help_text="", max_length: int = 2000) -> forms.CharField:
    return forms.CharField(label=label, help_text=help_text, required=False, max_length=max_length,
                           widget=forms.Textarea, strip=False)


def _facts(help_text) -> forms.CharField:
    """What the professional observed themselves: the facts of a signal (step 1)."""
    return _textarea(_("Wat heeft u zelf waargenomen?"), help_text=help_text, max_length=MAX_FACTS)


def _checkbox(label, help_text="") -> forms.BooleanField:
    return forms.BooleanField(label=label, help_text=help_text, required=False)


def _radio(label, choices, *, help_text="") -> forms.ChoiceField:
    return forms.ChoiceField(label=label, help_text=help_text, choices=choices, required=False,
                             widget=forms.RadioSelect)


def _categories(help_text="") -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=_("Waar maakt u zich zorgen over?"), help_text=help_text, choices=Category.choices,
        required=False, widget=forms.CheckboxSelectMultiple,
    )


def _urgency() -> forms.ChoiceField:
    return _radio(_("Urgentie"), Urgency.choices,
                  help_text=_("Bij direct gevaar: bel 112."))


# --- Recording a signal ---------------------------------------------------------------------------

class SignalForm(forms.Form):
    """A signal in under two minutes: who, what worries you, what you saw, how urgent.

    Required are only the person (from the person page, or a BSN), a category and the facts;
    the moment defaults to now and the urgency to ``regulier``. The person page passes the
    person's uuid (``persoon``): the BSN is never sent to the browser nor put in a URL.
    """

    persoon = forms.UUIDField(required=False, widget=forms.HiddenInput)
    bsn = forms.CharField(
        label=_("Burgerservicenummer (BSN)"),
        help_text=_("Van de jeugdige of de volwassene over wie u zich zorgen maakt. Negen cijfers, "
                    "bijvoorbeeld 999990019."),
        max_length=20, required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    categorieen = _categories(_("Kies een of meer categorieën."))
    waarneming = _facts(_("Alleen feiten: wat u zelf zag of hoorde, zo letterlijk mogelijk. Wat "
                          "anderen vertelden vult u hieronder apart in."))
    urgentie = _urgency()
    waargenomen_op = forms.DateTimeField(
        label=_("Waargenomen op"), required=False, input_formats=[DATETIME_INPUT],
        help_text=_("Datum en tijd van uw waarneming; standaard nu."),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_INPUT),
        error_messages={"invalid": _("Vul een geldige datum en tijd in.")},
    )
    bijlage = forms.FileField(
        label=_("Bijlage (niet verplicht)"), required=False,
        help_text=_("Een PDF, PNG of JPEG; de grootte is begrensd."),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,image/png,image/jpeg"}),
    )

    REFUSAL_FIELDS = {
        "bsn": "bsn", "categorieen": "categorieen", "waarneming": "waarneming",
        "urgentie": "urgentie", "tijdstip": "waargenomen_op", "bijlage": "bijlage",
    }

    def __init__(self, *args, from_person: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.from_person = from_person
        if from_person:
            del self.fields["bsn"]
        for row in range(1, STATEMENT_ROWS + 1):
            self.fields[f"bron_{row}"] = _text(
                _("Bron %(row)s: wie zei het?") % {"row": row}, max_length=200,
                help_text=_("Bijvoorbeeld: de jeugdige, de moeder, een klasgenoot."),
            )
            self.fields[f"gezegd_{row}"] = _textarea(
                _("Wat heeft bron %(row)s gezegd?") % {"row": row}, max_length=2000)
        self.initial.setdefault("urgentie", Urgency.REGULAR)
        self.initial.setdefault(
            "waargenomen_op", timezone.localtime().replace(second=0, microsecond=0))

    def statement_rows(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [(self[f"bron_{row}"], self[f"gezegd_{row}"]) for row in range(1, STATEMENT_ROWS + 1)]

    def statements(self) -> list[tuple[int, str, str]]:
        """The filled rows as (row, source, content); a row with either part filled counts."""
        rows = []
        for row in range(1, STATEMENT_ROWS + 1):
            source = self.cleaned_data.get(f"bron_{row}", "")
            content = self.cleaned_data.get(f"gezegd_{row}", "")
            if source.strip() or content.strip():
                rows.append((row, source, content))
        return rows

    def add_signal_refusal(self, refusal: Refused, rows: list[int]) -> None:
        """A statement's refusal names its index among the rows sent (``uitspraken.0.bron``)."""
        parts = refusal.field.split(".")
        if len(parts) == 3 and parts[0] == "uitspraken" and parts[1].isdigit() \
                and int(parts[1]) < len(rows):
            row = rows[int(parts[1])]
            self.add_error(f"bron_{row}" if parts[2] == "bron" else f"gezegd_{row}", refusal.message)
            return
        add_refusal(self, refusal)


# --- The consent part (sharing, and reporting in step 5) -----------------------------------------

class ConsentFields(forms.Form):
    """Consent of those the age rules name, or the safety reason for sharing without it."""

    toestemming = _radio(_("Grondslag om te delen"), [
        (ConsentBasis.CONSENT.value, _("Met toestemming")),
        (ConsentBasis.SAFETY.value, _("Zonder toestemming, vanwege de veiligheid")),
    ])
    gegeven_door = _radio(_("Toestemming gegeven door"), [])
    veiligheidsreden = _textarea(
        _("Reden om zonder toestemming te delen"),
        help_text=_("Alleen bij delen zonder toestemming: waarom vraagt de veiligheid erom?"))

    CONSENT_REFUSAL_FIELDS = {
        "toestemming": "toestemming", "toestemming.grondslag": "toestemming",
        "toestemming.gegevenDoor": "gegeven_door", "toestemming.veiligheidsreden": "veiligheidsreden",
    }

    def __init__(self, *args, givers: frozenset[str] = frozenset(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gegeven_door"].choices = [
            (giver.value, giver.label) for giver in ConsentGiver if giver in givers]
        if len(givers) == 1:
            self.initial.setdefault("gegeven_door", next(iter(givers)))

    def consent(self) -> Consent:
        """The consent as the service takes it: only the part that belongs to the basis chosen."""
        data = self.cleaned_data
        basis = data.get("toestemming", "")
        return Consent(basis, data.get("gegeven_door", "") if basis == ConsentBasis.CONSENT else "",
                       data.get("veiligheidsreden", "") if basis == ConsentBasis.SAFETY else "")


class AdviceForm(forms.Form):
    """Advies vragen aan Veilig Thuis: a question of its own, without names."""

    REFUSAL_FIELDS = {"adviesvraag": "adviesvraag"}

    adviesvraag = forms.CharField(
        label=_("Uw vraag aan Veilig Thuis"), max_length=2000, widget=forms.Textarea,
        help_text=_("Zonder namen, adressen of andere gegevens waaraan iemand te herkennen is: "
                    "Veilig Thuis ziet alleen deze vraag, de categorieën en de leeftijd."),
        error_messages={"required": _("Schrijf uw vraag aan Veilig Thuis.")},
    )


class ShareForm(ConsentFields):
    """Delen met een loket: the proposal preselected; another desk needs a reason."""

    loket = forms.ChoiceField(label=_("Loket"), choices=[], widget=forms.RadioSelect,
                              error_messages={"required": _("Kies een loket."),
                                              "invalid_choice": _("Kies een loket uit de lijst.")})
    reden_afwijking = _textarea(
        _("Reden om af te wijken van het voorstel"),
        help_text=_("Alleen nodig als u een ander loket kiest dan voorgesteld."))

    field_order = ["loket", "reden_afwijking", "toestemming", "gegeven_door", "veiligheidsreden"]

    def __init__(self, *args, desks=(), proposed: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.REFUSAL_FIELDS = {**self.CONSENT_REFUSAL_FIELDS, "loket": "loket",
                               "redenAfwijking": "reden_afwijking"}
        self.fields["loket"].choices = list(desks)
        self.initial.setdefault("loket", proposed)


# --- The Meldcode steps ----------------------------------------------------------------------------

class ConsultationForm(forms.Form):
    """Step 2: collegial consultation and/or advice from Veilig Thuis."""

    aandachtsfunctionaris = _checkbox(_("Ik heb de aandachtsfunctionaris geraadpleegd"))
    veilig_thuis = _checkbox(_("Ik heb advies gevraagd aan Veilig Thuis"))
    uitkomst = _textarea(_("Uitkomst van de consultatie"))
    afspraken = _textarea(_("Wie doet wat?"))
    coordinator = _text(_("Wie coördineert?"), max_length=200,
                        help_text=_("Naam en functie van wie de stappen coördineert."))

    REFUSAL_FIELDS = {"geraadpleegd": "aandachtsfunctionaris", "uitkomst": "uitkomst",
                      "afspraken": "afspraken", "coordinator": "coordinator"}


class ConversationForm(forms.Form):
    """Step 3: the conversation, or skipping it with a reason (two forms on the page)."""

    aantekeningen = _textarea(_("Wat is er in het gesprek besproken?"), max_length=10_000)
    reden_overslaan = _textarea(
        _("Reden om het gesprek over te slaan"),
        help_text=_("Alleen als een gesprek de veiligheid van iemand in gevaar brengt."))

    REFUSAL_FIELDS = {"aantekeningen": "aantekeningen", "redenOverslaan": "reden_overslaan"}


class WeighingForm(forms.Form):
    """Step 4: the afwegingskader's five questions; the service decides which ones count."""

    aantekeningen = _textarea(_("Toelichting (niet verplicht)"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.REFUSAL_FIELDS = {}
        fields = {}
        for number, question in enumerate(FRAMEWORK_QUESTIONS, start=1):
            choices = list(YES_NO)
            if number == len(FRAMEWORK_QUESTIONS):
                choices.append((UNKNOWN, _("Nog niet te zeggen")))
            fields[f"vraag{number}"] = _radio(f"{number}. {question}", choices)
            self.REFUSAL_FIELDS[f"vraag{number}"] = f"vraag{number}"
        self.fields = {**fields, **self.fields}

    def answers(self) -> tuple[bool | None, ...]:
        return tuple(answer(self.cleaned_data.get(f"vraag{n}"))
                     for n in range(1, len(FRAMEWORK_QUESTIONS) + 1))


class DecisionForm(ConsentFields):
    """Step 5: only the decisions the afwegingskader allows; reporting needs the consent part."""

    besluit = forms.ChoiceField(label=_("Besluit"), choices=[], required=False,
                                widget=forms.RadioSelect)
    evalueren_op = forms.DateField(
        label=_("Evalueren op"), required=False,
        help_text=_("Alleen bij hulp organiseren: de afgesproken datum waarop u vraag 5 "
                    "beantwoordt — leidt de hulp tot de nodige veiligheid?"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Vul een geldige datum in.")},
    )
    aantekeningen = _textarea(_("Toelichting (niet verplicht)"))

    field_order = ["besluit", "evalueren_op", "aantekeningen", "toestemming", "gegeven_door",
                   "veiligheidsreden"]

    def __init__(self, *args, decisions=frozenset(), **kwargs):
        super().__init__(*args, **kwargs)
        self.REFUSAL_FIELDS = {**self.CONSENT_REFUSAL_FIELDS, "besluit": "besluit",
                               "evaluerenOp": "evalueren_op"}
        self.fields["besluit"].choices = [
            (decision.value, decision.label) for decision in Decision if decision in decisions]
        #: Organising help asks for the date on which question 5 is evaluated.
        self.offers_help = Decision.ORGANISE_HELP in decisions
        if len(decisions) == 1:
            self.initial.setdefault("besluit", next(iter(decisions)).value)


class EvaluationForm(ConsentFields):
    """Question 5 at the agreed time; "nee" reports to Veilig Thuis, so it carries the consent."""

    vraag5 = forms.ChoiceField(
        label=_("5. Leidt de hulp binnen de gewenste termijn tot de noodzakelijke veiligheid en/of "
                "het welzijn van alle betrokkenen?"),
        choices=YES_NO, widget=forms.RadioSelect,
        error_messages={"required": _("Beantwoord vraag 5 met ja of nee.")})
    aantekeningen = _textarea(_("Toelichting (niet verplicht)"))

    field_order = ["vraag5", "aantekeningen", "toestemming", "gegeven_door", "veiligheidsreden"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.REFUSAL_FIELDS = dict(self.CONSENT_REFUSAL_FIELDS)


# --- Kindcheck ----------------------------------------------------------------------------------------

class ChildCheckForm(forms.Form):
    """The four kindcheck questions, the concern, and — with concerns — the signal's facts."""

    zorgen = forms.ChoiceField(
        label=_("Heeft u zorgen over de veiligheid of ontwikkeling van de kinderen?"),
        choices=YES_NO, widget=forms.RadioSelect, initial=NO,
        error_messages={"required": _("Beantwoord of u zorgen heeft over de kinderen.")},
    )
    categorieen = _categories(_("Voorgesteld bij uw soort zorg; pas aan waar nodig."))
    waarneming = _facts(_("Alleen bij zorgen: wat u zelf zag of hoorde. Dit opent een signaal "
                          "en de stappen van de meldcode."))
    urgentie = _urgency()

    REFUSAL_FIELDS = {"zorgen": "zorgen", "waarneming": "waarneming", "categorieen": "categorieen",
                      "urgentie": "urgentie", "kinderen": "kinderen"}

    def __init__(self, *args, children=(), **kwargs):
        super().__init__(*args, **kwargs)
        #: The children the concern can be about (``childcheck.children_in_view``): one signal
        #: each; without any the signal is about the client.
        self.children = {str(child.uuid): child for child in children}
        if self.children:
            today = timezone.localdate()
            self.fields["kinderen"] = forms.MultipleChoiceField(
                label=_("Over welke kinderen maakt u zich zorgen?"),
                help_text=_("Voor elk kind opent een eigen signaal, met de cliënt als de ouder "
                            "over wie de zorg gaat."),
                choices=[(key, _("%(name)s (%(age)s jaar)") % {
                    "name": child.full_name, "age": child.age_on(today)})
                    for key, child in self.children.items()],
                required=False, widget=forms.CheckboxSelectMultiple,
            )
            self.initial.setdefault("kinderen", list(self.children))
        questions = {
            name: forms.ChoiceField(
                label=question, choices=YES_NO, widget=forms.RadioSelect,
                error_messages={"required": _("Beantwoord deze vraag met ja of nee.")})
            for name, question in CHILD_CHECK_QUESTIONS.items()
        }
        self.fields = {**questions, **self.fields}
        self.initial.setdefault("urgentie", Urgency.REGULAR)

    def question_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in CHILD_CHECK_QUESTIONS]

    def chosen_children(self) -> tuple:
        return tuple(self.children[key] for key in self.cleaned_data.get("kinderen", ()))
