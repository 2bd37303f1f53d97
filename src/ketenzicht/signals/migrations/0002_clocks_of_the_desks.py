"""The desks hold the family: a local team's acceptance term, Veilig Thuis's investigation with its
own clock and conclusion, no 5-day clock on an advice request, no Meldcode for an adult's own
circumstances. Routes and signals already stored are brought under the same rules."""

from datetime import timedelta

import django.core.validators
from django.db import migrations, models

#: The default of ``SignalSettings.investigation_weeks``.
INVESTIGATION_WEEKS = 10


def hold_the_family(apps, schema_editor):
    Route = apps.get_model("signals", "Route")
    Signal = apps.get_model("signals", "Signal")
    # An advice request names nobody: it never had a safety assessment to make.
    Route.objects.filter(kind="advies").update(due_at=None)
    # An investigation in progress gets its own clock, counted from the decision, flagged anew.
    for route in Route.objects.filter(status="beoordeeld", outcome="onderzoek",
                                      concluded_at__isnull=True, assessed_at__isnull=False):
        route.due_at = route.assessed_at + timedelta(weeks=INVESTIGATION_WEEKS)
        route.overdue_notified_at = None
        route.save(update_fields=["due_at", "overdue_notified_at"])
    # Only an adult's own circumstances: no Meldcode steps left to remind about.
    Signal.objects.filter(proposed_rule="omstandigheden-volwassene", child_concern=False).update(
        meldcode_applies=False, next_step=None, step_due=None)


class Migration(migrations.Migration):

    dependencies = [
        ('signals', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='route',
            name='concluded_at',
            field=models.DateTimeField(blank=True, null=True, verbose_name='onderzoek afgerond op'),
        ),
        migrations.AddField(
            model_name='route',
            name='investigation_conclusion',
            field=models.CharField(blank=True, choices=[('lokaal-team', 'Overdragen aan het lokale team'), ('betrokken-professional', 'Overdragen aan een betrokken organisatie die hulp biedt'), ('hulp-gestart', 'De hulp is gestart')], max_length=25, verbose_name='conclusie van het onderzoek'),
        ),
        migrations.AddField(
            model_name='signal',
            name='meldcode_applies',
            field=models.BooleanField(default=True, verbose_name='meldcode van toepassing'),
        ),
        migrations.AddField(
            model_name='signalsettings',
            name='acceptance_working_days',
            field=models.PositiveSmallIntegerField(default=2, help_text='Een signaal dat met een CJG-Jeugdteam of sociaal gebiedsteam is gedeeld, wordt uiterlijk aan het eind van de kantoordag zoveel werkdagen later aangenomen; anders hoort de teamleider het.', validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(10)], verbose_name='aannemen door een lokaal team binnen (werkdagen)'),
        ),
        migrations.AddField(
            model_name='signalsettings',
            name='investigation_weeks',
            field=models.PositiveSmallIntegerField(default=10, validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(26)], verbose_name='onderzoek Veilig Thuis afgerond binnen (weken)'),
        ),
        migrations.AlterField(
            model_name='feedback',
            name='moment',
            field=models.CharField(choices=[('aangenomen', 'Het loket heeft uw signaal aangenomen'), ('beoordeeld', 'Triage of veiligheidsbeoordeling afgerond'), ('hulp-gestart', 'De hulp is gestart'), ('route-beeindigd', 'De route is beëindigd'), ('overgedragen', 'Overgedragen aan het lokale team'), ('onderzoek-afgerond', 'Het onderzoek van Veilig Thuis is afgerond')], max_length=20, verbose_name='moment'),
        ),
        migrations.AlterField(
            model_name='signalsettings',
            name='safety_assessment_working_days',
            field=models.PositiveSmallIntegerField(default=5, help_text='Geldt voor een melding; een adviesvraag zonder naam heeft geen termijn.', validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(5)], verbose_name='veiligheidsbeoordeling Veilig Thuis binnen (werkdagen)'),
        ),
        migrations.AddConstraint(
            model_name='route',
            constraint=models.CheckConstraint(condition=models.Q(('investigation_conclusion', ''), ('outcome', 'onderzoek'), _connector='OR'), name='route_conclusion_only_after_investigation'),
        ),
        migrations.RunPython(hold_the_family, migrations.RunPython.noop),
    ]
