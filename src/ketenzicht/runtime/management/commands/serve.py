"""``ketenzicht serve``: the production application server (gunicorn) with Django's settings."""

import ipaddress
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ketenzicht.runtime.server import KetenzichtServer, gunicorn_options


class Command(BaseCommand):
    help = (
        "Start de applicatieserver (gunicorn) met KETENZICHT_WEB_WORKERS processen van elk "
        "KETENZICHT_WEB_THREADS threads. Zet er een TLS-loadbalancer voor."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--bind", default=None,
            help="adres:poort of unix:/pad waarop de server luistert (standaard KETENZICHT_BIND, "
                 "127.0.0.1:8000)",
        )

    def handle(self, *args, bind: str | None, **options) -> None:
        bind = bind or settings.KETENZICHT_BIND
        check_debug_stays_on_this_machine(bind)
        check_static_files_collected()
        KetenzichtServer(gunicorn_options(bind)).run()


def check_debug_stays_on_this_machine(bind: str) -> None:
    """Refuse to open debug pages and the demo's published keys and logins to the network.

    The ``ketenzicht`` command takes the demo settings unless told otherwise: a forgotten
    ``DJANGO_SETTINGS_MODULE`` together with ``--bind 0.0.0.0:8000`` must not put them online.
    """
    if not (settings.DEBUG or settings.DEMO_MODE) or bind.startswith("unix:"):
        return
    host = bind.rpartition(":")[0].strip("[]") if ":" in bind else bind
    if host == "localhost" or _is_loopback(host):
        return
    raise CommandError(
        f"Met de demo- of ontwikkelinstellingen (DEBUG of demomodus) luistert de server alleen op "
        f"dit apparaat (127.0.0.1), niet op {host}. Zet DJANGO_SETTINGS_MODULE=ketenzicht.conf.production "
        "om Ketenzicht in het netwerk aan te bieden."
    )


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_static_files_collected() -> None:
    """Refuse to serve without collected static files where WhiteNoise serves only those.

    With DEBUG off WhiteNoise serves ``STATIC_ROOT`` alone: without ``collectstatic`` every page
    would come without its stylesheets, silently, instead of the server failing at the start.
    """
    if getattr(settings, "WHITENOISE_USE_FINDERS", settings.DEBUG):
        return
    root = Path(settings.STATIC_ROOT)
    if not root.is_dir() or not any(root.iterdir()):
        raise CommandError(
            f"De statische bestanden ontbreken in {root}. Voer bij elke deploy eerst "
            "'ketenzicht collectstatic --noinput' uit en start daarna 'ketenzicht serve' opnieuw."
        )
