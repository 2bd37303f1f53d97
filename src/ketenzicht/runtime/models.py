"""The runner's memory of each job: when it is due, who runs it now, how its last run went."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class JobState(models.Model):
    """One row per declared job, shared by every worker.

    ``next_run_at`` and ``leased_until`` are the whole schedule: a worker claims a due job with
    one conditional UPDATE (due, and not leased or the lease has run out), so two workers never
    start the same run, and a run whose worker died is taken over once its lease has passed.
    """

    name = models.CharField(_("taak"), max_length=60, primary_key=True)
    next_run_at = models.DateTimeField(_("volgende run"))
    leased_until = models.DateTimeField(_("bezet tot"), null=True, blank=True)
    leased_by = models.CharField(_("bezet door"), max_length=100, blank=True)
    last_started_at = models.DateTimeField(_("laatst gestart"), null=True, blank=True)
    last_succeeded_at = models.DateTimeField(_("laatst geslaagd"), null=True, blank=True)
    last_failed_at = models.DateTimeField(_("laatst mislukt"), null=True, blank=True)
    last_duration_ms = models.PositiveIntegerField(_("duur laatste run (ms)"), null=True, blank=True)
    last_result = models.JSONField(_("resultaat laatste run"), default=dict, blank=True)
    last_error = models.CharField(_("laatste fout"), max_length=300, blank=True)
    failures_in_a_row = models.PositiveIntegerField(_("mislukt op rij"), default=0)

    class Meta:
        verbose_name = _("periodieke taak")
        verbose_name_plural = _("periodieke taken")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
