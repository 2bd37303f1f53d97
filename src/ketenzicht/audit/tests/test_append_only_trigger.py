"""On PostgreSQL the database itself refuses to change or remove audit rows."""

import pytest
from django.db import DatabaseError, connection, transaction

from ketenzicht.audit.models import AuditEvent

from .tampering import write_events

pytestmark = [pytest.mark.django_db, pytest.mark.postgres_only]


def test_update_of_audit_row_is_refused_on_postgresql():
    write_events(2)
    with pytest.raises(DatabaseError, match="alleen aan te vullen: UPDATE"), transaction.atomic():
        AuditEvent.objects.filter(sequence=1).update(user_name="Iemand anders")
    assert AuditEvent.objects.get(sequence=1).user_name == "Ketenzicht"


def test_delete_of_audit_row_is_refused_on_postgresql():
    write_events(2)
    with pytest.raises(DatabaseError, match="alleen aan te vullen: DELETE"), transaction.atomic():
        AuditEvent.objects.filter(sequence=2).delete()
    assert AuditEvent.objects.count() == 2


def test_raw_sql_cannot_get_around_the_trigger():
    write_events(1)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET purpose = 'verzonnen'")
    assert AuditEvent.objects.get().purpose == ""


def test_appending_is_still_allowed_on_postgresql():
    write_events(3)
    assert list(AuditEvent.objects.values_list("sequence", flat=True)) == [1, 2, 3]
