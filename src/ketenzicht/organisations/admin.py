from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.http import HttpResponseRedirect

from ketenzicht.refusals import Refused

from .accounts import DEACTIVATED_BY
from .models import (
    District,
    Municipality,
    Organisation,
    OrganisationType,
    PostcodeArea,
    Professional,
    Team,
)


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "cbs_code"]


class PostcodeAreaInline(admin.TabularInline):
    model = PostcodeArea
    extra = 0


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "municipality"]
    inlines = [PostcodeAreaInline]


@admin.register(OrganisationType)
class OrganisationTypeAdmin(admin.ModelAdmin):
    list_display = [
        "name", "may_register_in_index", "may_coordinate_match", "receives_reports",
        "receives_signals", "grants_district_basis", "is_adult_care", "is_volunteer",
        "reports_child_concerns_to_veilig_thuis", "assesses_risk",
    ]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "type", "school_level", "municipality", "is_active"]
    list_filter = ["type", "school_level", "municipality"]
    search_fields = ["name", "slug"]
    filter_horizontal = ["districts"]


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "district"]


@admin.register(Professional)
class ProfessionalAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "role", "team"]
    list_filter = ["role", "organisation"]
    search_fields = ["user__username", "user__last_name"]
    list_select_related = ["user", "organisation", "team"]


class AccountAdmin(UserAdmin):
    """The user admin, where an account is made inactive: what the professional holds goes where
    the listening apps send it (``accounts``); when one refuses, the page says why in Dutch and
    the account stays active."""

    def save_model(self, request, obj, form, change):
        setattr(obj, DEACTIVATED_BY, Professional.objects.filter(user_id=request.user.pk).first())
        super().save_model(request, obj, form, change)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except Refused as refusal:  # its transaction was rolled back: nothing changed
            self.message_user(request, refusal.message, messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())


if admin.site.is_registered(get_user_model()):
    admin.site.unregister(get_user_model())
admin.site.register(get_user_model(), AccountAdmin)
