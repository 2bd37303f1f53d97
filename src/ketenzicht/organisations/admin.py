from django.contrib import admin

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
        "reports_child_concerns_to_veilig_thuis",
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
