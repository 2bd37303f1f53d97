"""Indexes for the sharded chains and the per-organisation access report.

On PostgreSQL the two new indexes are built with ``CREATE INDEX CONCURRENTLY``: the event table
is the largest in the system and every audited request appends to it, and a plain
``CREATE INDEX`` would block those appends for as long as the build takes. Hence this migration
is not atomic. The unique ``(chain, sequence)`` constraint is then attached to its prebuilt
index, which only takes a brief lock.

Only after that are the unique indexes on ``sequence`` (now per chain) and ``hash`` (the chain
guards integrity; the index only cost every append a write) dropped.
"""

from django.db import migrations, models

CHAIN_SEQUENCE = models.UniqueConstraint(fields=["chain", "sequence"], name="audit_event_chain_sequence")
CLIENT_ORGANISATION_TIME = models.Index(
    fields=["client_pseudonym", "organisation", "occurred_at"], name="audit_event_client_org_time"
)


class AddIndexConcurrentlyOnPostgres(migrations.AddIndex):
    def database_forwards(self, app_label, schema_editor, from_state, to_state) -> None:
        if schema_editor.connection.vendor != "postgresql":
            return super().database_forwards(app_label, schema_editor, from_state, to_state)
        model = to_state.apps.get_model(app_label, self.model_name)
        schema_editor.add_index(model, self.index, concurrently=True)
        return None


class AddUniqueConstraintConcurrentlyOnPostgres(migrations.AddConstraint):
    def database_forwards(self, app_label, schema_editor, from_state, to_state) -> None:
        if schema_editor.connection.vendor != "postgresql":
            return super().database_forwards(app_label, schema_editor, from_state, to_state)
        model = to_state.apps.get_model(app_label, self.model_name)
        table = schema_editor.quote_name(model._meta.db_table)
        name = schema_editor.quote_name(self.constraint.name)
        columns = ", ".join(
            schema_editor.quote_name(model._meta.get_field(field).column) for field in self.constraint.fields
        )
        schema_editor.execute(f"CREATE UNIQUE INDEX CONCURRENTLY {name} ON {table} ({columns})", params=None)
        schema_editor.execute(f"ALTER TABLE {table} ADD CONSTRAINT {name} UNIQUE USING INDEX {name}", params=None)
        return None


def refuse_if_sharded(apps, schema_editor) -> None:
    """Going back restores the unique sequence, which only one chain can satisfy."""
    AuditEvent = apps.get_model("audit", "AuditEvent")
    if AuditEvent.objects.using(schema_editor.connection.alias).exclude(chain=0).exists():
        raise RuntimeError(
            "Terugdraaien kan niet: er staan gebeurtenissen in andere ketens dan keten 0."
        )


class Migration(migrations.Migration):
    atomic = False

    dependencies = [("audit", "0003_chain_shards")]

    operations = [
        AddUniqueConstraintConcurrentlyOnPostgres(model_name="auditevent", constraint=CHAIN_SEQUENCE),
        AddIndexConcurrentlyOnPostgres(model_name="auditevent", index=CLIENT_ORGANISATION_TIME),
        migrations.AlterField(
            model_name="auditevent",
            name="sequence",
            field=models.BigIntegerField(verbose_name="volgnummer"),
        ),
        migrations.AlterField(
            model_name="auditevent",
            name="hash",
            field=models.CharField(max_length=64),
        ),
        migrations.AlterModelOptions(
            name="auditevent",
            options={
                "ordering": ["occurred_at", "id"],
                "verbose_name": "auditgebeurtenis",
                "verbose_name_plural": "auditgebeurtenissen",
            },
        ),
        migrations.RunPython(migrations.RunPython.noop, refuse_if_sharded, elidable=False),
    ]
