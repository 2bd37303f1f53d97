"""Forms of the desk's route page (loket): triage or the safety assessment, the conclusion of
Veilig Thuis's own investigation, and the start of help.

The services in ``signals.desks`` decide; these forms only collect input, offer the outcomes the
service accepts for this route, and carry the service's Dutch refusals back to their field.
"""

from collections.abc import Iterable

from django import forms
from django.utils.translation import gettext_lazy as _

from ketenzicht.organisations.models import Organisation
from ketenzicht.signals.models import AssessmentOutcome, InvestigationConclusion

#: The order in which the outcomes are offered: from keeping the work to letting it go.
OUTCOME_ORDER = (
    AssessmentOutcome.OWN_HELP, AssessmentOutcome.INVESTIGATE, AssessmentOutcome.LOCAL_TEAM,
    AssessmentOutcome.EXISTING_PROFESSIONAL, AssessmentOutcome.ADVICE_ONLY, AssessmentOutcome.END,
)
MAX_SAFETY_CONDITIONS = 500


def organisation_choices(organisations: Iterable[Organisation],
                         empty_label: str) -> list[tuple[str, str]]:
    return [("", empty_label),
            *((organisation.slug, organisation.name) for organisation in organisations)]


class AssessmentForm(forms.Form):
    """Triage (a local team) or the safety assessment (Veilig Thuis), and where it leads."""

    uitkomst = forms.ChoiceField(
        label=_("Uitkomst"), widget=forms.RadioSelect,
        error_messages={"required": _("Kies de uitkomst van de beoordeling.")},
    )
    overdragen_aan = forms.ChoiceField(
        label=_("Overdragen aan"), required=False,
        help_text=_("Alleen bij overdragen aan het lokale team of aan een betrokken professional."),
    )
    melder_houdt_rol = forms.BooleanField(
        label=_("De melder houdt een rol"), required=False,
        help_text=_("Dan hoort de melder de afgesproken veiligheidsvoorwaarden."),
    )
    veiligheidsvoorwaarden = forms.CharField(
        label=_("Afgesproken veiligheidsvoorwaarden"), required=False,
        max_length=MAX_SAFETY_CONDITIONS, widget=forms.Textarea,
        help_text=_("Alleen de voorwaarden die de melder moet kennen; nooit de inhoud van uw "
                    "eigen dossier."),
    )

    #: Where each ``Refused.field`` of ``desks.record_assessment`` is shown.
    REFUSAL_FIELDS = {"uitkomst": "uitkomst", "overdragenAan": "overdragen_aan",
                      "veiligheidsvoorwaarden": "veiligheidsvoorwaarden"}

    def __init__(self, *args, outcomes: Iterable[str] = (),
                 organisations: Iterable[Organisation] = (), **kwargs):
        super().__init__(*args, **kwargs)
        allowed = set(outcomes)
        self.fields["uitkomst"].choices = [
            (outcome.value, outcome.label) for outcome in OUTCOME_ORDER if outcome in allowed
        ]
        self.fields["overdragen_aan"].choices = organisation_choices(
            organisations, _("— Kies een organisatie —"))


class ConclusionForm(forms.Form):
    """Veilig Thuis's investigation concluded: hand over (to the local team, or to an involved
    organisation that helps) or record that help has started. There is no "end": the family is
    let go only to someone who helps."""

    conclusie = forms.ChoiceField(
        label=_("Conclusie"), widget=forms.RadioSelect, choices=InvestigationConclusion.choices,
        error_messages={"required": _("Kies de conclusie van het onderzoek.")},
    )
    overdragen_aan = forms.ChoiceField(
        label=_("Overdragen aan"), required=False,
        help_text=_("Alleen bij overdragen: het lokale team of een betrokken organisatie die hulp "
                    "biedt."),
    )
    hulp_door = forms.ChoiceField(
        label=_("Hulp door een andere organisatie"), required=False,
        help_text=_("Alleen als de hulp is gestart; leeg als uw eigen organisatie de hulp biedt."),
    )
    melder_houdt_rol = AssessmentForm.base_fields["melder_houdt_rol"]
    veiligheidsvoorwaarden = AssessmentForm.base_fields["veiligheidsvoorwaarden"]

    REFUSAL_FIELDS = {"conclusie": "conclusie", "overdragenAan": "overdragen_aan",
                      "hulpDoor": "hulp_door", "veiligheidsvoorwaarden": "veiligheidsvoorwaarden"}

    def __init__(self, *args, receivers: Iterable[Organisation] = (),
                 helpers: Iterable[Organisation] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["overdragen_aan"].choices = organisation_choices(
            receivers, _("— Kies een organisatie —"))
        self.fields["hulp_door"].choices = organisation_choices(
            helpers, _("— Uw eigen organisatie —"))


class HelpStartedForm(forms.Form):
    """Help has really started: by the desk itself, or by another organisation."""

    hulp_door = forms.ChoiceField(
        label=_("Hulp door een andere organisatie"), required=False,
        help_text=_("Laat leeg als uw eigen organisatie de hulp biedt."),
    )

    REFUSAL_FIELDS = {"hulpDoor": "hulp_door"}

    def __init__(self, *args, organisations: Iterable[Organisation] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["hulp_door"].choices = organisation_choices(
            organisations, _("— Uw eigen organisatie —"))


