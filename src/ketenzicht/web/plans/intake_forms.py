"""Forms of the application (aanmelding) and the intake, with the municipality's risk questions.

Only input: every rule is the plans service's (``plans.applications``, ``plans.intake``), which
refuses with a Dutch message naming the field; ``show_refusals`` puts each next to its field,
all at once.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from ketenzicht.plans.intake import Questions
from ketenzicht.plans.models import Applicant, Channel, ParentsRegie, RiskAnswer
from ketenzicht.plans.refusals import all_of
from ketenzicht.refusals import Refused

from ..once import SentOnce


def _textarea(label, help_text="", max_length: int = 4000) -> forms.CharField:
    return forms.CharField(label=label, help_text=help_text, required=False, max_length=max_length,
                           widget=forms.Textarea, strip=False)


def _radio(label, choices, help_text="") -> forms.ChoiceField:
    return forms.ChoiceField(label=label, help_text=help_text, choices=choices, required=False,
                             widget=forms.RadioSelect)


def question_field(number: int, text: str = "") -> str:
    return f"risicovraag_{number}"


class RiskQuestionsMixin:
    """One ja/nee/onbekend radio group per question of the version shown, and that version."""

    def add_questions(self, questions: Questions) -> None:
        self.questions = questions
        self.fields["versie"] = forms.IntegerField(widget=forms.HiddenInput, required=False,
                                                   initial=questions.version)
        for number, text in enumerate(questions.texts, start=1):
            self.fields[question_field(number, text)] = _radio(
                f"{number}. {text}", RiskAnswer.choices)

    def question_fields(self) -> list:
        return [self[question_field(number, text)] for number, text in enumerate(self.questions.texts, 1)]

    def risk_answers(self) -> tuple[str, ...]:
        return tuple(self.cleaned_data.get(question_field(number, text)) or ""
                     for number, text in enumerate(self.questions.texts, start=1))

    def refusal_field(self, name: str) -> str | None:
        head, _dot, index = name.partition(".")
        if head == "risicovragen" and index.isdigit():
            return question_field(int(index) + 1, "")
        return getattr(self, "REFUSAL_FIELDS", {}).get(name, name)


def show_refusals(form: forms.Form, refusal: Refused) -> None:
    """Every problem of the refusal next to its field (or above the form)."""
    for one in all_of(refusal):
        field = form.refusal_field(one.field) if hasattr(form, "refusal_field") else one.field
        form.add_error(field if field in form.fields else None, one.message)


class ApplicationForm(SentOnce, RiskQuestionsMixin, forms.Form):
    """A family's own application: who, how it came in, their question, and the risk questions.
    Sent once (``web.once``): a second submit of the same form records no second arrival."""

    REFUSAL_FIELDS = {"bsn": "bsn", "aanmelder": "aanmelder", "kanaal": "kanaal", "vraag": "vraag",
                      "risicovragen": None}

    bsn = forms.CharField(
        label=_("Burgerservicenummer (BSN)"), max_length=20, required=False,
        help_text=_("Van de ouder of jeugdige die zich aanmeldt, of van het kind om wie het gaat. Negen "
                    "cijfers; iemand die nog niet in Ketenzicht staat wordt met het huishouden opgezocht "
                    "in de basisregistratie personen."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    aanmelder = _radio(_("Wie meldt zich aan?"), Applicant.choices,
                       help_text=_("Een jeugdige van 16 jaar of ouder mag zich alleen aanmelden."))
    kanaal = _radio(_("Hoe kwam de aanmelding binnen?"), Channel.choices)
    vraag = _textarea(_("De vraag van het gezin, in hun eigen woorden"))

    def __init__(self, *args, questions: Questions, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.add_questions(questions)


class IntakeForm(RiskQuestionsMixin, forms.Form):
    """The intake; the risk questions only while the case has none answered."""

    REFUSAL_FIELDS = {"gehouden_op": "gehouden_op", "vraag": "vraag", "samenvatting": "samenvatting",
                      "regie": "regie", "onderbouwing": "onderbouwing", "risicovragen": None}

    gehouden_op = forms.DateField(label=_("Datum van de intake"), required=False,
                                  widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    vraag = _textarea(_("De vraag van het gezin, in hun eigen woorden"))
    samenvatting = _textarea(_("Samenvatting van het gesprek"), max_length=10000)
    regie = _radio(_("Kunnen de ouders zelf de regie voeren?"), ParentsRegie.choices)
    onderbouwing = _textarea(_("Onderbouwing"), help_text=_(
        "Waarom wel of niet: wat kunnen de ouders zelf, wat lukt niet, wie uit het netwerk helpt?"),
        max_length=10000)

    def __init__(self, *args, questions: Questions | None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.questions = Questions(0, ())
        if questions is not None:
            self.add_questions(questions)
