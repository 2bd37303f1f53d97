"""The application server: gunicorn, started by ``ketenzicht serve`` as a custom application.

gunicorn's documented "Custom Application" (``BaseApplication``) lets the operator start one
command with the settings the environment already gives Django, instead of a second
configuration file for the server that can drift from them.
"""

from typing import Any

from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler
from django.db import connections
from gunicorn.app.base import BaseApplication

from .logs import gunicorn_logconfig


def gunicorn_options(bind: str) -> dict[str, Any]:
    """The gunicorn settings for ``ketenzicht serve``, from Django's settings.

    Kept in one place so that a later option (e.g. ``logconfig_dict``) is one line.
    """
    return {
        "bind": [bind],
        "worker_class": "gthread",
        "workers": settings.KETENZICHT_WEB_WORKERS,
        "threads": settings.KETENZICHT_WEB_THREADS,
        "timeout": settings.KETENZICHT_WEB_TIMEOUT,
        "graceful_timeout": settings.KETENZICHT_WEB_GRACEFUL_TIMEOUT,
        "max_requests": settings.KETENZICHT_WEB_MAX_REQUESTS,
        "max_requests_jitter": settings.KETENZICHT_WEB_MAX_REQUESTS // 10,
        # Django decides the scheme (SECURE_PROXY_SSL_HEADER) and the client address
        # (``audit.network``); gunicorn only believes the load balancer listed here.
        "forwarded_allow_ips": settings.KETENZICHT_FORWARDED_ALLOW_IPS,
        # No access log: the request log line comes from our own middleware, without BSNs.
        "accesslog": None,
        "errorlog": "-",
        "logconfig_dict": gunicorn_logconfig(),
        "loglevel": "info",
        "proc_name": "ketenzicht",
        # gunicorn ≥ 25 opens a control socket at one fixed path per user ($HOME/.gunicorn): a
        # second server on the same host (or a test) would take it over. We do not use it.
        "control_socket_disable": True,
        # Load the app in the master: a broken deploy fails at start, not in a worker boot loop.
        "preload_app": True,
        "pre_fork": _before_fork,
    }


def close_database_connections() -> None:
    """Close the master's connections and pools so that no worker inherits a shared socket.

    A forked worker that reused its parent's PostgreSQL socket (or a pool whose threads do not
    exist in the child) would interleave its queries with another process's.
    """
    for connection in connections.all(initialized_only=True):
        connection.close()
        if hasattr(connection, "close_pool"):
            connection.close_pool()


def _before_fork(_arbiter: object, _worker: object) -> None:
    """gunicorn's ``pre_fork`` hook (its arity is checked: exactly two arguments)."""
    close_database_connections()


class KetenzichtServer(BaseApplication):
    """gunicorn running ``ketenzicht.wsgi:application`` with options from Django's settings."""

    def __init__(self, options: dict[str, Any]):
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for name, value in self.options.items():
            self.cfg.set(name, value)

    def load(self) -> WSGIHandler:
        from ketenzicht.wsgi import application

        close_database_connections()
        return application

