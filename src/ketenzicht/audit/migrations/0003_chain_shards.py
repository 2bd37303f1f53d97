"""Split the audit trail into independent chains: a ``chain`` on every event and on the heads.

The existing single chain becomes chain 0, unchanged:

- its events get ``chain = 0`` through the column's default while the column is added. That is
  a schema change, not a row UPDATE, so the append-only trigger is not involved, and on
  PostgreSQL 11+ a constant default without a CHECK constraint needs no table rewrite or scan;
- nothing is re-hashed: chain 0 is hashed without its number (``services._canonical``), so
  its old hashes are still what the verifier computes;
- its head (the row with id 1) becomes the head of chain 0. Heads for the other chains are made
  now so there are ``KETENZICHT_AUDIT_CHAINS`` rows; ``record`` creates any missing one itself.

Going back is only possible while chain 0 is the only chain with events.
"""

from django.conf import settings
from django.db import migrations, models

GENESIS = "0" * 64


def single_head_to_chain_heads(apps, schema_editor) -> None:
    ChainHead = apps.get_model("audit", "ChainHead")
    db = schema_editor.connection.alias
    heads = ChainHead.objects.using(db)
    # Before this migration the one head always had id 1 (now the ``chain`` column).
    old = heads.filter(chain=1).first()
    if old is not None:
        heads.filter(chain=1).delete()
        heads.create(chain=0, sequence=old.sequence, hash=old.hash)
    for chain in range(getattr(settings, "KETENZICHT_AUDIT_CHAINS", 16)):
        heads.get_or_create(chain=chain, defaults={"sequence": 0, "hash": GENESIS})


def chain_heads_to_single_head(apps, schema_editor) -> None:
    ChainHead = apps.get_model("audit", "ChainHead")
    AuditEvent = apps.get_model("audit", "AuditEvent")
    db = schema_editor.connection.alias
    if AuditEvent.objects.using(db).exclude(chain=0).exists():
        raise RuntimeError(
            "Terugdraaien kan niet: er staan gebeurtenissen in andere ketens dan keten 0."
        )
    heads = ChainHead.objects.using(db)
    first = heads.filter(chain=0).first()
    heads.all().delete()
    if first is not None:
        heads.create(chain=1, sequence=first.sequence, hash=first.hash)


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_append_only_trigger")]

    operations = [
        migrations.RenameField(model_name="chainhead", old_name="id", new_name="chain"),
        migrations.AlterField(
            model_name="chainhead",
            name="chain",
            field=models.PositiveSmallIntegerField(primary_key=True, serialize=False, verbose_name="keten"),
        ),
        migrations.AlterModelOptions(
            name="chainhead",
            options={"verbose_name": "kop van een auditketen", "verbose_name_plural": "koppen van de auditketens"},
        ),
        migrations.AddField(
            model_name="auditevent",
            name="chain",
            field=models.SmallIntegerField(default=0, verbose_name="keten"),
            preserve_default=False,
        ),
        migrations.RunPython(single_head_to_chain_heads, chain_heads_to_single_head, elidable=False),
    ]
