"""``ketenzicht worker``: the one job runner of every app (reminders, escalations, lifetimes, …).

Run it next to the server, as a service that restarts when it stops. Two or more at once (on
several hosts) are safe: each run of a job is claimed by one of them. ``--once`` runs what is due
and stops (for a cron-style schedule), ``--run`` runs named jobs at once, ``--list`` shows them.
"""

import signal
import threading
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from ketenzicht.runtime import runner
from ketenzicht.runtime.health import job_health
from ketenzicht.runtime.models import JobState
from ketenzicht.runtime.registry import REGISTRY, Job


class Command(BaseCommand):
    help = ("Voert de periodieke taken van alle onderdelen uit op hun schema (herinneringen, "
            "opschalen, termijnen, bewaartermijnen). Veilig met meer workers tegelijk.")

    def add_arguments(self, parser: CommandParser) -> None:
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument("--once", action="store_true",
                          help="Voer uit wat nu aan de beurt is en stop.")
        mode.add_argument("--run", nargs="+", metavar="TAAK",
                          help="Voer deze taken nu uit, los van hun schema.")
        mode.add_argument("--list", action="store_true", help="Toon de taken en hun laatste run.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["list"]:
            self._list()
        elif options["run"]:
            self._run(options["run"])
        elif options["once"]:
            self._report(runner.run_due())
        else:
            self._work()

    def _work(self) -> None:
        """Until SIGTERM or Ctrl-C: the job in progress finishes, then the worker stops."""
        stop = threading.Event()

        def request_stop(signum: int, _frame: Any) -> None:
            stop.set()
            signal.signal(signum, signal.SIG_DFL)  # a second Ctrl-C stops at once

        signal.signal(signal.SIGTERM, request_stop)
        signal.signal(signal.SIGINT, request_stop)
        self.stdout.write(f"Worker gestart met {len(REGISTRY.all())} taken. Stoppen: Ctrl-C.")
        runner.work(stop, settings.KETENZICHT_WORKER_POLL_SECONDS)
        self.stdout.write("Worker gestopt.")

    def _run(self, names: list[str]) -> None:
        jobs = [self._job(name) for name in names]
        outcomes = []
        for job in jobs:
            outcome = runner.run_now(job)
            if outcome is None:
                self.stdout.write(f"{job.name}: overgeslagen, een andere worker voert deze taak nu uit.")
            else:
                outcomes.append(outcome)
        self._report(outcomes)

    def _job(self, name: str) -> Job:
        job = REGISTRY.get(name)
        if job is None:
            known = ", ".join(j.name for j in REGISTRY.all())
            raise CommandError(f"Onbekende taak {name!r}. Bekende taken: {known}.")
        return job

    def _report(self, outcomes: list[runner.Outcome]) -> None:
        for outcome in outcomes:
            if outcome.succeeded:
                counts = "; ".join(f"{outcome.job.label(key)}: {value}"
                                   for key, value in outcome.counts.items())
                self.stdout.write(f"{outcome.job.name}: klaar. {counts}".rstrip(". ") + ".")
            else:
                self.stderr.write(f"{outcome.job.name}: mislukt: {outcome.error}")
        if any(not outcome.succeeded for outcome in outcomes):
            raise CommandError("Niet alle taken zijn geslaagd.")

    def _list(self) -> None:
        states = {state.name: state for state in JobState.objects.all()}
        health = {item.name: item for item in job_health()}
        for job in REGISTRY.all():
            state = states.get(job.name)
            interval = int(job.interval.total_seconds())
            self.stdout.write(f"{job.name} (elke {interval} s): {job.description}")
            if state is None:
                self.stdout.write("    nog nooit uitgevoerd")
                continue
            last = _moment(state.last_succeeded_at)
            lag = " — LOOPT ACHTER" if health[job.name].lagging else ""
            self.stdout.write(f"    laatst geslaagd: {last}; volgende run: {_moment(state.next_run_at)}{lag}")
            if state.last_error:
                self.stdout.write(f"    laatste fout: {state.last_error} ({_moment(state.last_failed_at)})")


def _moment(value) -> str:
    return "nooit" if value is None else f"{timezone.localtime(value):%d-%m-%Y %H:%M:%S}"
