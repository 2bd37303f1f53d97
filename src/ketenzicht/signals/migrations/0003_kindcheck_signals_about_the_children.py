"""A kindcheck's concern is a signal about the child (or one per child), naming the parent it
concerns: ``Signal.concerns_parent``; the check's signals hang from it (``Signal.child_check``)
instead of the check holding one signal."""

import django.db.models.deletion
from django.db import migrations, models


def link_existing_signals(apps, schema_editor):
    """Checks recorded before: their one signal keeps pointing back at its check."""
    ChildCheck = apps.get_model("signals", "ChildCheck")
    Signal = apps.get_model("signals", "Signal")
    for check_id, signal_id in ChildCheck.objects.filter(signal__isnull=False).values_list(
            "id", "signal_id").iterator():
        Signal.objects.filter(pk=signal_id).update(child_check_id=check_id)


def unlink(apps, schema_editor):
    ChildCheck = apps.get_model("signals", "ChildCheck")
    Signal = apps.get_model("signals", "Signal")
    for signal_id, check_id in Signal.objects.filter(child_check__isnull=False).values_list(
            "id", "child_check_id").iterator():
        ChildCheck.objects.filter(pk=check_id, signal__isnull=True).update(signal_id=signal_id)


class Migration(migrations.Migration):

    dependencies = [
        ('people', '0001_initial'),
        ('signals', '0002_clocks_of_the_desks'),
    ]

    operations = [
        migrations.AddField(
            model_name='signal',
            name='child_check',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='signals', to='signals.childcheck', verbose_name='kindcheck'),
        ),
        migrations.AddField(
            model_name='signal',
            name='concerns_parent',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='people.person', verbose_name='zorgen over de ouder'),
        ),
        migrations.RunPython(link_existing_signals, unlink),
        migrations.RemoveField(
            model_name='childcheck',
            name='signal',
        ),
    ]
