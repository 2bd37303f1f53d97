"""No municipality can set an active term beyond the legal 24 months (domain.md §2)."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from ketenzicht.verwijsindex.models import IndexSettings

pytestmark = pytest.mark.usefixtures("emmen")


def test_active_term_beyond_24_months_is_refused():
    settings = IndexSettings.objects.get()
    settings.active_months = 25
    with pytest.raises(ValidationError) as caught:
        settings.full_clean()  # the admin form
    assert "active_months" in caught.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        IndexSettings.objects.update(active_months=25)  # and the database itself
    settings.active_months = 24
    settings.full_clean()
