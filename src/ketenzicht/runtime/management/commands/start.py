"""``ketenzicht start``: the server and the job runner together, stopped together (one Ctrl-C).

For the demo (``make demo``) and a single-host installation. On several hosts run
``ketenzicht serve`` and ``ketenzicht worker`` as separate services instead.
"""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from ketenzicht.runtime.supervisor import ketenzicht_command, run_together


class Command(BaseCommand):
    help = ("Start de applicatieserver en de worker samen; Ctrl-C (of SIGTERM) stopt ze allebei. "
            "Stopt een van beide, dan stopt ook de ander.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--bind", default=None,
                            help="adres:poort van de server (standaard KETENZICHT_BIND, 127.0.0.1:8000)")

    def handle(self, *args: Any, bind: str | None, **options: Any) -> None:
        bind = bind or settings.KETENZICHT_BIND
        self.stdout.write(f"Ketenzicht start: server op {bind} en de worker. Stoppen: Ctrl-C.")
        code = run_together([ketenzicht_command("serve", "--bind", bind), ketenzicht_command("worker")])
        self.stdout.write("Server en worker gestopt.")
        if code:
            raise SystemExit(code)
