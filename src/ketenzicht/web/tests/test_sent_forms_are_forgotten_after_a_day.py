"""The guard against a form sent twice (``web.once``) remembers a sent form for a day; the worker
then forgets it, and a form sent within the day stays remembered."""

import uuid
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from ketenzicht.organisations.tests.factories import UserFactory
from ketenzicht.web.models import FormSubmission


@pytest.mark.django_db
def test_sent_forms_are_forgotten_by_the_worker_after_a_day():
    user, now = UserFactory(), timezone.now()
    old = FormSubmission.objects.create(user=user, token=uuid.uuid4(), result_url="/casussen/",
                                        submitted_at=now - timedelta(days=1, minutes=1))
    recent = FormSubmission.objects.create(user=user, token=uuid.uuid4(), result_url="/casussen/",
                                           submitted_at=now - timedelta(hours=23))
    out = StringIO()
    call_command("worker", "--run", "formulieren-opschonen", stdout=out)
    assert list(FormSubmission.objects.values_list("pk", flat=True)) == [recent.pk]
    assert not FormSubmission.objects.filter(pk=old.pk).exists()
    assert out.getvalue() == "formulieren-opschonen: klaar. verstuurde formulieren vergeten: 1.\n"
