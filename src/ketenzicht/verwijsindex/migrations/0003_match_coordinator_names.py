# Names after the glossary (issue 9, point 10): the matchregisseur is the match's
# ``match_coordinator``, the municipal rule's type ``match_coordinator_type``. Renames only:
# no data changes, and the index on (matchregisseur, status) is renamed in place (PostgreSQL:
# ALTER INDEX … RENAME), not rebuilt (SQLite rebuilds its table for the rename anyway).

from django.db import migrations, models

OLD_INDEX = 'verwijsinde_coordin_770272_idx'
NEW_INDEX = 'verwijsinde_match_c_bc11ba_idx'
FIELDS = ['match_coordinator', 'status']


def _rename_index(old: str, new: str):
    def rename(apps, schema_editor):
        match = apps.get_model('verwijsindex', 'Match')
        if schema_editor.connection.features.can_rename_index:
            schema_editor.rename_index(match, models.Index(fields=FIELDS, name=old),
                                       models.Index(fields=FIELDS, name=new))
            return
        # SQLite rebuilt the table for the rename (without the index the state no longer held).
        schema_editor.execute(f'DROP INDEX IF EXISTS "{old}"')
        schema_editor.add_index(match, models.Index(fields=FIELDS, name=new))
    return rename


class Migration(migrations.Migration):

    dependencies = [
        ('verwijsindex', '0002_postponement_reason_codes'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.RemoveIndex(model_name='match', name=OLD_INDEX)],
        ),
        migrations.RenameField(
            model_name='indexsettings',
            old_name='coordinator_type',
            new_name='match_coordinator_type',
        ),
        migrations.RenameField(
            model_name='match',
            old_name='coordinator',
            new_name='match_coordinator',
        ),
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.AddIndex(
                model_name='match', index=models.Index(fields=FIELDS, name=NEW_INDEX))],
            database_operations=[migrations.RunPython(
                _rename_index(OLD_INDEX, NEW_INDEX), _rename_index(NEW_INDEX, OLD_INDEX))],
        ),
    ]
