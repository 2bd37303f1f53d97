"""Forms of the case page's actions: hand the case over (or assign it), decline a handover with
its reason, and close the case with a reason and its explanation.

``plans.cases`` decides; these forms only collect input, offer what the service accepts, and carry
the service's Dutch refusals back to their field (``add_refusal``).
"""

from collections.abc import Iterable

from django import forms
from django.utils.translation import gettext_lazy as _

from ketenzicht.organisations.models import Professional
from ketenzicht.plans.cases import CLOSING_BY_HAND
from ketenzicht.plans.models import CloseReason

MAX_REASON = 1000
MAX_EXPLANATION = 2000


class HandOverForm(forms.Form):
    """Ask a colleague of the team to take the case over (warm handover)."""

    aan = forms.ChoiceField(
        label=_("Aan"),
        help_text=_("Een professional van uw team. U blijft verantwoordelijk tot die de casus aanneemt."),
        error_messages={"required": _("Kies aan wie u de casus overdraagt."),
                        "invalid_choice": _("Kies een professional van dit team.")},
    )

    REFUSAL_FIELDS = {"aan": "aan"}

    def __init__(self, *args, colleagues: Iterable[Professional] = (), **kwargs):
        kwargs.setdefault("auto_id", "id_overdragen_%s")  # several forms on one page: unique ids
        super().__init__(*args, **kwargs)
        self.fields["aan"].choices = [("", _("— Kies een collega —")), *(
            (str(colleague.uuid), _label(colleague)) for colleague in colleagues)]


def _label(colleague: Professional) -> str:
    title = colleague.job_title or colleague.get_role_display()
    return f"{colleague.display_name} ({title})"


class DeclineForm(forms.Form):
    """The receiver cannot take the case: the reason stays on the case."""

    reden = forms.CharField(
        label=_("Reden"), max_length=MAX_REASON, widget=forms.Textarea,
        help_text=_("De casus blijft bij wie haar nu heeft; die leest de reden bij de casus."),
        error_messages={"required": _("Leg vast waarom u de casus niet kunt overnemen."),
                        "max_length": _("Noteer de reden in ten hoogste %(limit_value)d tekens.")},
    )

    REFUSAL_FIELDS = {"reden": "reden"}

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "id_weigeren_%s")
        super().__init__(*args, **kwargs)


class CloseForm(forms.Form):
    """Close the case, only with a reason that lets nobody go, and its explanation."""

    reden = forms.ChoiceField(
        label=_("Waarom sluit de casus?"), widget=forms.RadioSelect,
        choices=[(reason.value, reason.label) for reason in CloseReason if reason in CLOSING_BY_HAND],
        error_messages={"required": _("Kies waarom de casus sluit."),
                        "invalid_choice": _("Kies waarom de casus sluit.")},
    )
    toelichting = forms.CharField(
        label=_("Toelichting"), max_length=MAX_EXPLANATION, widget=forms.Textarea,
        help_text=_("Met wie is de hulp gestart, waarom zijn er geen zorgen, of welk team heeft het "
                    "gezin na de verhuizing aangenomen?"),
        error_messages={"required": _("Licht toe waarom de casus kan sluiten."),
                        "max_length": _("Noteer de toelichting in ten hoogste %(limit_value)d tekens.")},
    )

    REFUSAL_FIELDS = {"reden": "reden", "toelichting": "toelichting"}

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "id_sluiten_%s")
        super().__init__(*args, **kwargs)


