"""The request id on every audit event, so an operator can go from a log line to its events.

Existing rows get an empty id through the column's default while the column is added: a schema
change, not a row UPDATE, so the append-only trigger is not involved, and on PostgreSQL 11+ a
constant default needs no table rewrite. Nothing is re-hashed: an empty id is left out of the
hashed form (``services._canonical``), so the old rows still verify as they are.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("audit", "0004_chain_indexes")]

    operations = [
        migrations.AddField(
            model_name="auditevent",
            name="request_id",
            field=models.CharField(blank=True, max_length=64, verbose_name="verzoek-id"),
        ),
    ]
