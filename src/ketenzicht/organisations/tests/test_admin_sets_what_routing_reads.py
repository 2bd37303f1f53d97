"""The functioneel beheerder configures in the admin what routing reads: whether an organisation
type reports concerns about children to Veilig Thuis (the police), and a school's level (the
pupils of a secondary school may also go to the CJG 12+ team)."""

import pytest
from django.contrib import admin

from ketenzicht.organisations.models import Organisation, OrganisationType, SchoolLevel
from ketenzicht.organisations.tests.factories import OrganisationFactory, OrganisationTypeFactory

pytestmark = pytest.mark.django_db


def test_admin_edits_and_lists_the_veilig_thuis_flag_of_an_organisation_type(rf, admin_user):
    request = rf.get("/beheer/")
    request.user = admin_user
    type_admin = admin.site._registry[OrganisationType]
    police = OrganisationTypeFactory(slug="politie", name="Politie")

    form = type_admin.get_form(request, police)(instance=police, data={
        "slug": "politie", "name": "Politie", "may_register_in_index": "on",
        "reports_child_concerns_to_veilig_thuis": "on",
    })
    assert form.is_valid(), form.errors
    form.save()

    police.refresh_from_db()
    assert police.reports_child_concerns_to_veilig_thuis
    assert "reports_child_concerns_to_veilig_thuis" in type_admin.get_list_display(request)
    assert str(form.fields["reports_child_concerns_to_veilig_thuis"].label) == (
        "Meldt zorg over kinderen bij Veilig Thuis")


def test_admin_edits_lists_and_filters_a_schools_level(rf, admin_user):
    request = rf.get("/beheer/")
    request.user = admin_user
    organisation_admin = admin.site._registry[Organisation]
    school = OrganisationFactory(slug="esdal-college", name="Esdal College")

    field = organisation_admin.get_form(request, school)().fields["school_level"]
    assert list(field.choices) == [("", "---------"), ("po", "Primair onderwijs"),
                                   ("vo", "Voortgezet onderwijs")]
    assert not field.required  # most organisations are no school
    assert "school_level" in organisation_admin.get_list_display(request)
    assert "school_level" in organisation_admin.get_list_filter(request)
    school.school_level = SchoolLevel.SECONDARY
    school.full_clean()
    assert school.is_secondary_school
