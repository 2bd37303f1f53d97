"""Only the configuration is in the admin; signals themselves are client data, reached through
the audited pages."""

from django.contrib import admin

from .models import SignalSettings


@admin.register(SignalSettings)
class SignalSettingsAdmin(admin.ModelAdmin):
    list_display = ["municipality", "report_desk", "crisis_desk", "office_opens", "office_closes",
                    "step_working_days", "safety_assessment_working_days",
                    "acceptance_working_days", "investigation_weeks"]
