"""The risk assessment form: one block per child in the same format, one row per leefgebied, and
the household's judgement. Built from the household's children and the format's lists; every
rule (required judgement, the scale, 12+ for the child's own score, the reason when a low score
leads to no action) is the service's (``plans.assessment``), whose problems come back all at once
next to their fields (``show_refusals``). Sent once (``web.once``)."""

from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

from ketenzicht.people.ages import YOUTH_HAS_A_SAY_FROM
from ketenzicht.people.models import Person
from ketenzicht.plans.assessment import AreaEntry, AssessmentRequest, ChildEntry, Danger, OtherScore
from ketenzicht.plans.assessment_format import Format
from ketenzicht.plans.models import FollowUp, LifeArea, Scorer

from ..once import SentOnce

#: How many danger statements with their safety goals the form offers per child.
DANGER_ROWS = 3
SCORES = [("", "—")] + [(str(score), str(score)) for score in range(0, 11)]
AREA_SCORES = [("", "—")] + [(str(score), str(score)) for score in range(1, 6)]


def _textarea(label, help_text="", max_length: int = 10000) -> forms.CharField:
    return forms.CharField(label=label, help_text=help_text, required=False, max_length=max_length,
                           widget=forms.Textarea, strip=False)


def _score(label, choices=SCORES, help_text="") -> forms.TypedChoiceField:
    return forms.TypedChoiceField(label=label, help_text=help_text, choices=choices, coerce=int,
                                  empty_value=None, required=False)


def _checks(label, items) -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(label=label, choices=[(item.code, item.label) for item in items],
                                     required=False, widget=forms.CheckboxSelectMultiple)


@dataclass
class ChildBlock:
    """One child's fields, for the template (all children in the same format)."""

    person: Person
    age: int
    prefix: str
    fields: dict
    dangers: list
    other_scores: list


class AssessmentForm(SentOnce, forms.Form):
    datum = forms.DateField(label=_("Datum van de risicotaxatie"), required=False,
                            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    zorgmijding = forms.BooleanField(label=_("Er zijn signalen van zorgmijding"), required=False)
    zorgmijding_toelichting = _textarea(_("Toelichting zorgmijding"), _(
        "Welke signalen: afspraken niet nakomen, hulp weigeren, eerdere hulp vastgelopen?"))
    netwerk = _textarea(_("Het sociaal netwerk van het gezin"), _(
        "Wie staat om het gezin heen (familie, vrienden, buren, school, kerk of vereniging), en wat "
        "kunnen zij doen?"))
    ouders_lossen_niet_op = forms.BooleanField(
        label=_("De ouders kunnen de problemen niet zelf oplossen"), required=False)
    huidige_veiligheid = _textarea(_("Oordeel over de huidige veiligheid, met onderbouwing"))
    toekomstige_veiligheid = _textarea(_("Oordeel over de toekomstige veiligheid, met onderbouwing"))
    vervolg = forms.ChoiceField(label=_("Vervolg (uw besluit)"), choices=FollowUp.choices, required=False,
                                widget=forms.RadioSelect)
    vervolg_reden = _textarea(_("Reden voor het vervolg"), _(
        "Verplicht als een kind 4 of lager scoort op de veiligheidsschaal en u geen verdere actie "
        "kiest."))

    def __init__(self, *args, children: list[Person], parents: list[Person], ages: dict[int, int],
                 assessment_format: Format, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.blocks: list[ChildBlock] = []
        self.score_fields: dict[str, list[str]] = {}
        for index, child in enumerate(children):
            self.blocks.append(self._child_block(index, child, ages[child.pk], parents, assessment_format))
        self.areas = []
        for area in LifeArea:
            names = {kind: f"{area.value}_{kind}" for kind in ("draagkracht", "draaglast", "langdurig",
                                                                "toelichting")}
            self.fields[names["draagkracht"]] = _score(_("%(area)s: draagkracht") % {"area": area.label},
                                                       AREA_SCORES)
            self.fields[names["draaglast"]] = _score(_("%(area)s: draaglast") % {"area": area.label},
                                                     AREA_SCORES)
            self.fields[names["langdurig"]] = forms.BooleanField(
                label=_("%(area)s: langdurig probleem") % {"area": area.label}, required=False)
            self.fields[names["toelichting"]] = _textarea(_("%(area)s: toelichting") % {"area": area.label})
            self.areas.append((area, {kind: self[name] for kind, name in names.items()}))

    def _child_block(self, index: int, child: Person, age: int, parents: list[Person],
                     assessment_format: Format) -> ChildBlock:
        prefix = f"kind{index}"
        name = child.full_name
        own = {
            "signalen": _checks(_("Signalen bij %(name)s") % {"name": name}, assessment_format.signals),
            "andere_signalen": _textarea(_("Andere signalen bij %(name)s") % {"name": name}),
            "risicofactoren": _checks(_("Risicofactoren"), assessment_format.risk_factors),
            "andere_risicofactoren": _textarea(_("Andere risicofactoren")),
            "beschermend": _checks(_("Beschermende factoren"), assessment_format.protective_factors),
            "andere_beschermend": _textarea(_("Andere beschermende factoren")),
            "score": _score(_("Veiligheidsschaal voor %(name)s: uw oordeel") % {"name": name}, help_text=_(
                "0: het kind is niet veilig en moet nu beschermd worden; 10: veilig genoeg om af te "
                "sluiten.")),
        }
        for key, field in own.items():
            self.fields[f"{prefix}_{key}"] = field
        dangers = []
        for row in range(1, DANGER_ROWS + 1):
            self.fields[f"{prefix}_gevaar{row}"] = _textarea(
                _("Gevaarsomschrijving %(row)s") % {"row": row},
                _("Waar maken we ons zorgen over als er niets verandert?") if row == 1 else "")
            self.fields[f"{prefix}_doel{row}"] = _textarea(
                _("Veiligheidsdoel %(row)s") % {"row": row},
                _("Wat moet er zijn om te zeggen dat het kind veilig genoeg is?") if row == 1 else "")
            dangers.append((self[f"{prefix}_gevaar{row}"], self[f"{prefix}_doel{row}"]))
        others = []
        scorers = [(f"{prefix}_score_ouder{parent.pk}", Scorer.PARENT, parent.full_name,
                    _("Score van %(name)s (ouder)") % {"name": parent.full_name}) for parent in parents]
        if age >= YOUTH_HAS_A_SAY_FROM:
            scorers.append((f"{prefix}_score_kind", Scorer.CHILD, name,
                            _("Score van %(name)s zelf") % {"name": name}))
        scorers.append((f"{prefix}_score_netwerk", Scorer.NETWORK, "", _("Score van het netwerk")))
        self.score_fields[prefix] = []
        for field_name, scorer, scorer_name, label in scorers:
            self.fields[field_name] = _score(label)
            self.fields[field_name].scorer = (scorer, scorer_name)
            self.score_fields[prefix].append(field_name)
            others.append(self[field_name])
        return ChildBlock(child, age, prefix, {key: self[f"{prefix}_{key}"] for key in own}, dangers, others)

    # --- to the service, and its problems back -------------------------------------------------

    def request(self) -> AssessmentRequest:
        data = self.cleaned_data
        self._other_score_fields: dict[int, list[str]] = {}
        children = []
        for index, block in enumerate(self.blocks):
            prefix = block.prefix
            dangers = tuple(Danger(data.get(f"{prefix}_gevaar{row}") or "",
                                   data.get(f"{prefix}_doel{row}") or "")
                            for row in range(1, DANGER_ROWS + 1))
            scored = [name for name in self.score_fields[prefix] if data.get(name) is not None]
            self._other_score_fields[index] = scored
            children.append(ChildEntry(
                child=str(block.person.uuid), safety_score=data.get(f"{prefix}_score"),
                signals=tuple(data.get(f"{prefix}_signalen") or ()),
                risk_factors=tuple(data.get(f"{prefix}_risicofactoren") or ()),
                protective_factors=tuple(data.get(f"{prefix}_beschermend") or ()),
                other_signals=data.get(f"{prefix}_andere_signalen") or "",
                other_risk_factors=data.get(f"{prefix}_andere_risicofactoren") or "",
                other_protective_factors=data.get(f"{prefix}_andere_beschermend") or "",
                dangers=tuple(danger for danger in dangers
                              if danger.statement.strip() or danger.safety_goal.strip()),
                other_scores=tuple(OtherScore(self.fields[name].scorer[0], data[name],
                                              self.fields[name].scorer[1]) for name in scored),
            ))
        areas = tuple(AreaEntry(area=area.value, capacity=data.get(f"{area.value}_draagkracht"),
                                burden=data.get(f"{area.value}_draaglast"),
                                chronic=bool(data.get(f"{area.value}_langdurig")),
                                notes=data.get(f"{area.value}_toelichting") or "")
                      for area in LifeArea)
        return AssessmentRequest(
            assessed_on=data.get("datum"), children=tuple(children), life_areas=areas,
            current_safety=data.get("huidige_veiligheid") or "",
            future_safety=data.get("toekomstige_veiligheid") or "",
            follow_up=data.get("vervolg") or "", follow_up_reason=data.get("vervolg_reden") or "",
            care_avoidance=bool(data.get("zorgmijding")),
            care_avoidance_notes=data.get("zorgmijding_toelichting") or "",
            social_network=data.get("netwerk") or "",
            parents_unable_to_solve=bool(data.get("ouders_lossen_niet_op")),
        )

    KIND_FIELDS = {"signals": "signalen", "risk_factors": "risicofactoren",
                   "protective_factors": "beschermend", "safety_score": "score",
                   "other_signals": "andere_signalen", "other_risk_factors": "andere_risicofactoren",
                   "other_protective_factors": "andere_beschermend"}
    HOUSEHOLD_FIELDS = {"datum": "datum", "zorgmijding_toelichting": "zorgmijding_toelichting",
                        "netwerk": "netwerk", "huidige_veiligheid": "huidige_veiligheid",
                        "toekomstige_veiligheid": "toekomstige_veiligheid", "vervolg": "vervolg",
                        "vervolg_reden": "vervolg_reden"}

    def refusal_field(self, name: str) -> str | None:
        """The form field of a service problem's field name (None: above the form)."""
        parts = name.split(".")
        if parts[0] == "kinderen" and len(parts) >= 3 and parts[1].isdigit():
            index = int(parts[1])
            prefix = f"kind{index}"
            if parts[2] == "dangers" and len(parts) == 4:
                return f"{prefix}_gevaar{int(parts[3]) + 1}"
            if parts[2] == "other_scores" and len(parts) == 4:
                scored = getattr(self, "_other_score_fields", {}).get(index, [])
                position = int(parts[3])
                return scored[position] if position < len(scored) else None
            return f"{prefix}_{self.KIND_FIELDS.get(parts[2], parts[2])}"
        if parts[0] == "leefgebieden" and len(parts) == 2:
            return f"{parts[1]}_draagkracht"
        return self.HOUSEHOLD_FIELDS.get(name)
