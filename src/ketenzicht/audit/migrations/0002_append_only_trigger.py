"""Make the audit event table append-only on PostgreSQL.

A row-level BEFORE trigger refuses every UPDATE and DELETE, whoever asks, so even a bug or an
operator with the application's database account cannot rewrite the trail. TRUNCATE is left
alone on purpose: the test runner flushes tables with it, and only the table owner may run it.
SQLite gets no trigger (its test runner flushes with DELETE); the hash chain still shows any
tampering there, and ``ketenzicht verify-audit`` checks it on both.
"""

from django.db import migrations

TABLE = "audit_auditevent"
FUNCTION = "audit_refuse_change"
TRIGGER = "audit_auditevent_append_only"

CREATE = f"""
CREATE FUNCTION {FUNCTION}() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'De audittrail is alleen aan te vullen: % op % is geweigerd.', TG_OP, TG_TABLE_NAME
        USING HINT = 'Auditgebeurtenissen worden nooit gewijzigd of verwijderd (NEN 7513).';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER {TRIGGER}
    BEFORE UPDATE OR DELETE ON {TABLE}
    FOR EACH ROW EXECUTE FUNCTION {FUNCTION}();
"""

DROP = f"""
DROP TRIGGER IF EXISTS {TRIGGER} ON {TABLE};
DROP FUNCTION IF EXISTS {FUNCTION}();
"""


def create_trigger(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)  # no %-placeholders


def drop_trigger(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [migrations.RunPython(create_trigger, drop_trigger, elidable=False)]
