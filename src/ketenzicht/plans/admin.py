"""Only the configuration is in the admin (for the functioneel beheerder): the municipality's case
deadlines and its risk questions. Cases, intakes and assessments are client data, reached through
the audited pages.

The risk questions are versioned: an answered screening points at the version it answered, so a
version is never changed or deleted — new wording is a new version (a new row; its number is the
municipality's next), and from then on that version is asked.
"""

from django import forms
from django.contrib import admin
from django.db.models import Max
from django.http import HttpRequest

from .models import CaseSettings, RiskQuestionnaire


@admin.register(CaseSettings)
class CaseSettingsAdmin(admin.ModelAdmin):
    list_display = ["municipality", "first_contact_working_days", "intake_working_days",
                    "assessment_working_days", "plan_working_days", "review_months",
                    "accountability_working_days"]


class QuestionsField(forms.CharField):
    """The questions one per line; stored as the list the screening copies."""

    widget = forms.Textarea(attrs={"rows": 6, "cols": 100})

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        lines = [line.strip() for line in (value or "").splitlines()]
        return [line for line in lines if line]

    def validate(self, value):
        if not value:
            raise forms.ValidationError("Geef ten minste één vraag, één per regel.")
        if any(len(line) > 500 for line in value):
            raise forms.ValidationError("Een vraag is ten hoogste 500 tekens.")
        if len(value) > 10:
            raise forms.ValidationError("Ten hoogste 10 vragen.")


class RiskQuestionnaireForm(forms.ModelForm):
    questions = QuestionsField(label="Vragen", help_text="Eén vraag per regel, in de volgorde waarin ze "
                               "gesteld worden. Antwoorden: ja, nee of onbekend.")

    class Meta:
        model = RiskQuestionnaire
        fields = ["municipality", "questions"]


@admin.register(RiskQuestionnaire)
class RiskQuestionnaireAdmin(admin.ModelAdmin):
    form = RiskQuestionnaireForm
    list_display = ["municipality", "version", "created_at"]
    list_filter = ["municipality"]
    ordering = ["municipality", "-version"]

    def get_readonly_fields(self, request: HttpRequest, obj=None):
        return ["municipality", "version", "questions", "created_at"] if obj else ["version", "created_at"]

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        # A version that may have been answered is never edited: add a new version instead.
        return obj is None and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: RiskQuestionnaire, form, change: bool) -> None:
        if not change:
            latest = RiskQuestionnaire.objects.filter(municipality=obj.municipality).aggregate(
                latest=Max("version"))["latest"]
            obj.version = (latest or 0) + 1
        super().save_model(request, obj, form, change)
