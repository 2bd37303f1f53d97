"""The municipality sets the desks' own terms in the admin (``SignalSettings``): how many working
days a local team has to accept a signal (default 2) and Veilig Thuis's investigation target
(default 10 weeks), each within sensible bounds."""

import pytest
from django.contrib import admin
from django.forms.models import model_to_dict

from ketenzicht.signals.models import SignalSettings


def _form(rf, admin_user, **changes):
    request = rf.get("/beheer/")
    request.user = admin_user
    settings_admin = admin.site._registry[SignalSettings]
    current = SignalSettings.objects.get()
    data = {key: value for key, value in model_to_dict(current).items() if value is not None}
    form = settings_admin.get_form(request, current)(instance=current, data={**data, **changes})
    return form, settings_admin.get_list_display(request)


def test_the_defaults_are_two_working_days_and_ten_weeks(emmen):
    current = SignalSettings.objects.get()
    assert (current.acceptance_working_days, current.investigation_weeks) == (2, 10)


def test_the_admin_edits_and_lists_both_terms(emmen, rf, admin_user):
    form, listed = _form(rf, admin_user, acceptance_working_days=3, investigation_weeks=8)
    assert form.is_valid(), form.errors
    form.save()
    current = SignalSettings.objects.get()
    assert (current.acceptance_working_days, current.investigation_weeks) == (3, 8)
    assert {"acceptance_working_days", "investigation_weeks"} <= set(listed)


@pytest.mark.parametrize(("field", "value"), [("acceptance_working_days", 0),
                                              ("acceptance_working_days", 11),
                                              ("investigation_weeks", 0),
                                              ("investigation_weeks", 27)])
def test_a_term_out_of_bounds_is_refused(emmen, rf, admin_user, field, value):
    form, _listed = _form(rf, admin_user, **{field: value})
    assert not form.is_valid()
    assert field in form.errors
