"""Forms of the household plan's pages, one per part (one task at a time).

The plan services decide; these forms only collect input. Every field is optional here where a
service checks it, so each rule has one Dutch message (the service's), and a whole-form refusal
(``PlanRefused``) puts every problem next to its field at once. The forms that create something
(an action, a concern, a goal, a member, a review, an aanspreken) and those that change a goal,
remove a concern or change a member's contact details are sent once (``web.once``):
a second submit of the same form shows the first one's result.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from ketenzicht.organisations.models import Organisation, Professional
from ketenzicht.people.models import Person
from ketenzicht.plans.household_plan import PlanRefused, Sharing
from ketenzicht.plans.models import ActionHolder, LifeArea, PlanCloseReason, SharingBasis
from ketenzicht.refusals import Refused

from ..once import SentOnce

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def add_refusal(form: forms.Form, refusal: Refused) -> None:
    """Every problem of a whole-form refusal next to its field; one refusal above the form."""
    problems = refusal.problems if isinstance(refusal, PlanRefused) else ((refusal.field, refusal.message),)
    mapping = getattr(form, "REFUSAL_FIELDS", {})
    for field, message in problems:
        name = mapping.get(field, field)
        form.add_error(name if name in form.fields else None, message)


def _text(label, help_text="", max_length=4000) -> forms.CharField:
    return forms.CharField(label=label, help_text=help_text, required=False, max_length=max_length,
                           widget=forms.Textarea)


def _date(label, help_text="") -> forms.DateField:
    return forms.DateField(label=label, help_text=help_text, required=False, widget=DATE,
                           error_messages={"invalid": _("Vul een geldige datum in.")})


class TextsForm(forms.Form):
    family_question = _text(_("Vraag van het gezin"), _("In de woorden van het gezin zelf."))
    family_view = _text(_("Visie van het gezin"), _("Hoe het gezin zelf naar de situatie kijkt."))
    strengths = _text(_("Krachten"))
    network = _text(_("Netwerk"), _("Wie uit de familie, buurt of vriendenkring helpt mee?"))
    safety_agreements = _text(_("Veiligheidsafspraken"))
    review_months = forms.IntegerField(label=_("Evaluatie elke (maanden)"), min_value=1, max_value=12,
                                       error_messages={"required": _("Kies hoe vaak het plan wordt "
                                                                     "geëvalueerd (1 tot 12 maanden)."),
                                                       "min_value": _("Kies 1 tot 12 maanden."),
                                                       "max_value": _("Kies 1 tot 12 maanden.")})


class ConcernForm(SentOnce, forms.Form):
    area = forms.ChoiceField(label=_("Leefgebied"), required=False,
                             choices=[("", _("— kies —")), *LifeArea.choices])
    concern = _text(_("Zorg"))


class GoalForm(SentOnce, forms.Form):
    member = forms.ChoiceField(label=_("Voor wie"), required=False)
    goal = _text(_("Doel"))
    progress_sign = _text(_("Waaraan zien we vooruitgang?"),
                          _("Wat ziet het gezin (en u) als het beter gaat?"))
    achieved_on = _date(_("Bereikt op"), _("Alleen invullen als het doel bereikt is."))

    def __init__(self, *args, members: list[Person] = (), with_achieved: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.members = {str(p.uuid): p for p in members}
        self.fields["member"].choices = [("", _("Het hele huishouden")),
                                         *((key, p.full_name) for key, p in self.members.items())]
        if not with_achieved:
            del self.fields["achieved_on"]

    def chosen_member(self) -> Person | None:
        return self.members.get(self.cleaned_data.get("member") or "")


class GoalUpdateForm(SentOnce, forms.Form):
    """A goal changed: its words, how progress is seen, and the day it was achieved."""

    goal = _text(_("Doel"))
    progress_sign = _text(_("Waaraan zien we vooruitgang?"),
                          _("Wat ziet het gezin (en u) als het beter gaat?"))
    achieved_on = _date(_("Bereikt op"), _("Alleen invullen als het doel bereikt is."))


class ConcernRemoveForm(SentOnce, forms.Form):
    """Removing a concern asks nothing but the confirmation (and is sent once)."""


class ContactForm(SentOnce, forms.Form):
    role = forms.CharField(label=_("Rol in het plan"), required=False, max_length=200)
    phone = forms.CharField(label=_("Telefoon"), required=False, max_length=30)
    email = forms.CharField(label=_("E-mail"), required=False, max_length=254)


class ActionForm(SentOnce, forms.Form):
    holder_kind = forms.ChoiceField(label=_("Wie voert de actie uit?"), required=False,
                                    widget=forms.RadioSelect, choices=ActionHolder.choices)
    professional = forms.ChoiceField(label=_("Professional"), required=False,
                                     help_text=_("Als een professional de actie uitvoert."))
    organisation = forms.ChoiceField(label=_("Organisatie"), required=False,
                                     help_text=_("Als een organisatie de actie uitvoert."))
    holder_name = forms.CharField(label=_("Naam"), required=False, max_length=200,
                                  help_text=_("Als een gezinslid of iemand uit het netwerk de actie "
                                              "uitvoert."))
    what = _text(_("Wat"))
    due_on = _date(_("Uiterlijk"))
    is_help = forms.BooleanField(label=_("Dit is hulp voor het gezin (het plan sluit pas als de hulp is "
                                         "gestart)"), required=False)

    def __init__(self, *args, professionals: list[Professional] = (),
                 organisations: list[Organisation] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.professionals = {str(p.uuid): p for p in professionals}
        self.organisations = {o.slug: o for o in organisations}
        self.fields["professional"].choices = [("", _("— kies —")), *(
            (key, f"{p.display_name} — {p.organisation.name}") for key, p in self.professionals.items())]
        self.fields["organisation"].choices = [("", _("— kies —")), *(
            (key, o.name) for key, o in self.organisations.items())]


class ActionUpdateForm(forms.Form):
    what = _text(_("Wat"))
    due_on = _date(_("Uiterlijk"))
    is_help = forms.BooleanField(label=_("Dit is hulp voor het gezin"), required=False)
    help_started_on = _date(_("Hulp gestart op"))
    done_on = _date(_("Gedaan op"))


#: The basis for sharing the household with an organisation not yet involved (domain.md §5).
SHARING_CHOICES = [(SharingBasis.CONSENT, SharingBasis.CONSENT.label),
                   (SharingBasis.SAFETY, SharingBasis.SAFETY.label)]


class MemberForm(SentOnce, forms.Form):
    organisation = forms.ChoiceField(label=_("Organisatie"), required=False)
    professional = forms.ChoiceField(label=_("Professional"), required=False,
                                     help_text=_("Het vaste aanspreekpunt van die organisatie (mag leeg)."))
    role = forms.CharField(label=_("Rol in het plan"), required=False, max_length=200)
    phone = forms.CharField(label=_("Telefoon"), required=False, max_length=30)
    email = forms.CharField(label=_("E-mail"), required=False, max_length=254)
    sharing_basis = forms.ChoiceField(
        label=_("Grondslag om het plan te delen"), required=False, widget=forms.RadioSelect,
        choices=SHARING_CHOICES,
        help_text=_("Deelnemen deelt het hele huishouden. Alleen nodig voor een organisatie die nog niet "
                    "zelf bij het gezin betrokken is."))
    consent_given_by = forms.MultipleChoiceField(
        label=_("Toestemming gegeven door"), required=False, widget=forms.CheckboxSelectMultiple,
        help_text=_("Onder 12 jaar beslissen de ouders; van 12 tot 16 de jeugdige én een ouder; vanaf 16 "
                    "de jeugdige zelf; een volwassene zelf."))
    safety_reason = _text(_("Reden om zonder toestemming te delen"), max_length=2000)

    def __init__(self, *args, professionals: list[Professional] = (),
                 organisations: list[Organisation] = (), givers: list[tuple[Person, int]] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.professionals = {str(p.uuid): p for p in professionals}
        self.organisations = {o.slug: o for o in organisations}
        self.givers = {str(person.uuid): person for person, _age in givers}
        self.fields["professional"].choices = [("", _("— geen —")), *(
            (key, f"{p.display_name} — {p.organisation.name}") for key, p in self.professionals.items())]
        self.fields["organisation"].choices = [("", _("— kies —")), *(
            (key, o.name) for key, o in self.organisations.items())]
        self.fields["consent_given_by"].choices = [
            (str(person.uuid), f"{person.full_name} ({age})") for person, age in givers]

    def sharing(self) -> Sharing:
        data = self.cleaned_data
        return Sharing(basis=data.get("sharing_basis") or "",
                       consent_given_by=tuple(self.givers[key] for key in data.get("consent_given_by") or ()
                                              if key in self.givers),
                       safety_reason=data.get("safety_reason") or "")


class AgreementForm(forms.Form):
    parents_agreed_on = _date(_("Ouders akkoord op"))
    youth_agreed_on = _date(_("Jeugdige akkoord op"), _("Vanaf 12 jaar stemt de jeugdige zelf in."))

    REFUSAL_FIELDS = {"regisseur": None, "family_question": None, "goals": None}


class ReviewForm(SentOnce, forms.Form):
    held_on = _date(_("Geëvalueerd op"))
    summary = _text(_("Wat leverde de evaluatie op?"), max_length=2000)


class CloseForm(forms.Form):
    reason = forms.ChoiceField(label=_("Waarom sluit het plan?"), required=False, widget=forms.RadioSelect,
                               choices=PlanCloseReason.choices)
    explanation = _text(_("Toelichting"), _("Waarom kan het gezin verder zonder plan?"), max_length=2000)


class CallToAccountForm(SentOnce, forms.Form):
    question = _text(_("Wat vraagt u van de deelnemer?"), max_length=2000)
    due_on = _date(_("Antwoord uiterlijk"))


class AnswerForm(forms.Form):
    answer = _text(_("Uw antwoord aan de regisseur"), max_length=2000)
