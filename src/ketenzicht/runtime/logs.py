"""Log lines an operator can search: one JSON object per line in production, plain text in the demo.

Every line carries the id of the request or job run it was written for (``context.current_id``),
so the request line of ``RequestLogMiddleware``, an error's traceback and the audit events of
one request share one id. ``KETENZICHT_LOG_FORMAT`` picks the formatter of the console handler
in ``LOGGING``; ``gunicorn_logconfig`` makes gunicorn's own error log use that same handler.

No BSN reaches the output: both formatters redact the message, the exception text and
traceback, the stack and every string field (``redaction.redact``), whatever a developer logs
and whichever logger wrote it. The request id alone is left as it is, so that it can be searched
for exactly: it is always Ketenzicht's own, 32 hex digits (often with nine digits in a row), never
one a client sent (``middleware``). A line about a request (Django's own, for an error answer)
names its route instead of its path, as the request line does (``paths``).

Everything that reaches stderr goes through these formatters: ``LOGGING`` leaves Django's own
loggers no handlers of their own (they would print a traceback unredacted, or mail it), and
``configure`` (``LOGGING_CONFIG``) routes Python's warnings and an uncaught error into the log.
"""

import json
import logging
import logging.config
import sys
from datetime import UTC, datetime
from types import TracebackType
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest

from .context import current_id
from .paths import logged_path
from .redaction import redact

FORMATTERS = {
    "json": "ketenzicht.runtime.logs.JsonFormatter",
    "text": "ketenzicht.runtime.logs.TextFormatter",
}
#: Attributes every LogRecord has; anything else on a record came in through ``extra=``.
_STANDARD_ATTRIBUTES = frozenset(vars(logging.makeLogRecord({}))) | {"message", "asctime", "taskName"}
#: Returned by ``_plain`` for a value that is left out of the line.
_LEFT_OUT = object()

logger = logging.getLogger(__name__)


def request_id_of(record: logging.LogRecord) -> str:
    """The id given with the record (the request line passes its own), else the current one.

    Django's line about a 4xx answer is written after the middleware has finished, when no id is
    current: it carries the request, on which the middleware left the id.
    """
    of_request = getattr(getattr(record, "request", None), "request_id", "")
    return str(getattr(record, "request_id", "") or current_id() or of_request or "")


def extra_fields(record: logging.LogRecord) -> dict[str, Any]:
    """The ``extra=`` fields of a record that are plain data, with every string redacted.

    Objects are left out: Django logs its request with every error, and the request's text
    holds the query string, which may hold anything a user typed into a search field.
    """
    fields = {}
    for name, value in vars(record).items():
        if name in _STANDARD_ATTRIBUTES or name == "request_id" or name.startswith("_"):
            continue
        plain = _plain(value)
        if plain is not _LEFT_OUT:
            fields[name] = plain
    return fields


def _plain(value: Any) -> Any:
    if isinstance(value, str):
        return redact(value)
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, list | tuple):
        items = [_plain(item) for item in value]
        return [item for item in items if item is not _LEFT_OUT]
    if isinstance(value, dict) and all(isinstance(key, str) for key in value):
        found = {redact(key): _plain(item) for key, item in value.items()}
        return {key: item for key, item in found.items() if item is not _LEFT_OUT}
    return _LEFT_OUT


def message_of(record: logging.LogRecord) -> str:
    """The record's message; a request's path in it (Django's error lines) given as its route.

    Django logs an error answer as ``"Not Found: %s"`` with the request's path as argument and
    the request itself on the record; the path may name a child (``paths``).
    """
    request = getattr(record, "request", None)
    if not isinstance(request, HttpRequest) or not isinstance(record.args, tuple) or not record.args:
        return record.getMessage()
    asked = {request.path, request.path.encode("unicode_escape").decode("ascii")}
    shown = logged_path(request, getattr(record, "status_code", None))
    return str(record.msg) % tuple(shown if isinstance(arg, str) and arg in asked else arg
                                   for arg in record.args)


class RedactingFormatter(logging.Formatter):
    """What both formatters share: a redacted message, and a traceback and stack redacted, never cached.

    ``logging.Formatter`` caches the traceback on the record (``exc_text``) for the next handler.
    Here it is formatted afresh: the unredacted text is never left behind for another handler of
    the same record (the test runner's, a mail handler), nor is anyone else's text taken over.
    """

    def message(self, record: logging.LogRecord) -> str:
        return redact(message_of(record))

    def exception_text(self, record: logging.LogRecord) -> str:
        if record.exc_info:
            return redact(self.formatException(record.exc_info))
        return redact(record.exc_text or "")

    def stack_text(self, record: logging.LogRecord) -> str:
        return redact(self.formatStack(record.stack_info)) if record.stack_info else ""


class JsonFormatter(RedactingFormatter):
    """One JSON object per line: time (UTC), level, logger, message, request id, extra fields.

    ASCII-only JSON (``ensure_ascii``): a log shipper never meets a byte it cannot decode, and a
    path with a stray surrogate cannot make the handler fail.
    """

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds")
            .replace("+00:00", "Z"),
            "level": record.levelname,
            "logger": record.name,
            "message": self.message(record),
            "request_id": request_id_of(record),
        }
        entry |= {name: value for name, value in extra_fields(record).items() if name not in entry}
        for name, text in (("exception", self.exception_text(record)), ("stack", self.stack_text(record))):
            if text:
                entry[name] = text
        return json.dumps(entry, default=str)


def escaped(text: str) -> str:
    """``text`` with every control character written as its escape (``\\n``, ``\\x1b``, ``\\u2028``)."""
    return "".join(char if char.isprintable() else char.encode("unicode_escape").decode("ascii")
                   for char in text)


class TextFormatter(RedactingFormatter):
    """One readable line for a developer's terminal (the demo), redacted like the JSON one.

    Extra fields follow the message as ``name=value``, except empty ones and those whose value
    is already a word of the message (the request line's method, path, status and duration).
    Control characters in the message and fields are escaped, as JSON does: a path holding a
    newline (``%0A``) cannot start a line that looks like one of the log's own. (A traceback keeps
    its lines: it follows its record's line, as in any Python log.)
    """

    def format(self, record: logging.LogRecord) -> str:
        time = datetime.fromtimestamp(record.created).astimezone().strftime("%Y-%m-%d %H:%M:%S")
        message = escaped(self.message(record))
        shown = {name: escaped(value) if isinstance(value, str) else json.dumps(value)
                 for name, value in extra_fields(record).items() if value not in ("", None)}
        words = set(message.split())
        fields = "".join(f" {name}={value}" for name, value in shown.items() if value not in words)
        line = f"{time} {record.levelname} {record.name} [{request_id_of(record) or '-'}] {message}{fields}"
        parts = (line, self.exception_text(record), self.stack_text(record))
        return "\n".join(part for part in parts if part)


def logging_config(log_format: str, level: str) -> dict:
    """``LOGGING``: everything to one console handler (stderr) in ``log_format``, at ``level``.

    Redaction is the formatters' own, so there is no filter to forget. Django's default logging
    (applied before this) gives its ``django`` logger a console handler of its own (under DEBUG:
    each error printed a second time, unredacted and without the request id) and ``mail_admins``
    (error e-mails with the traceback as it is); naming the logger here takes both away, so
    Django's lines reach the root's handler alone. Django's development server loses its own
    request line (``django.server``): it would hold the query string, and the middleware's line
    replaces it, as it replaces gunicorn's access log.
    """
    if log_format not in FORMATTERS:
        raise ImproperlyConfigured(
            f"KETENZICHT_LOG_FORMAT moet 'json' of 'text' zijn, niet {log_format!r}."
        )
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {name: {"()": path} for name, path in FORMATTERS.items()},
        "handlers": {
            "console": {"class": "logging.StreamHandler", "formatter": log_format},
            "null": {"class": "logging.NullHandler"},
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            "django": {"handlers": [], "propagate": True},
            "django.server": {"handlers": ["null"], "propagate": False},
        },
    }


def configure(config: dict) -> None:
    """``LOGGING_CONFIG``: ``LOGGING`` applied, and what Python prints itself led into the log too.

    A warning (``warnings.warn``) and an uncaught error would reach stderr as raw text, around the
    formatters: with a BSN as it is, and as lines a JSON log collector cannot read. Warnings go
    to the ``py.warnings`` logger; an uncaught error is logged with its traceback before the
    process stops (``serve``'s master, ``worker``, any command; a Ctrl-C stays Python's own).
    """
    logging.config.dictConfig(config)
    logging.captureWarnings(True)
    sys.excepthook = log_uncaught_error


def log_uncaught_error(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, tb)
        return
    logger.critical("Onverwachte fout: het proces stopt", exc_info=(kind, error, tb))


def gunicorn_logconfig() -> dict:
    """gunicorn's ``logconfig_dict``: its error log through our console handler, no access log.

    gunicorn's errors (a worker timed out, a worker booted) then come out as JSON lines among the
    application's own. Its access log is switched off: the request line of
    ``RequestLogMiddleware`` replaces it, with the request id, organisation and user, and
    without the query string that gunicorn's line would contain. (With a ``logconfig_dict``
    gunicorn always writes access lines to ``gunicorn.access``, so that logger gets a null
    handler rather than being left to the root logger.) ``gunicorn.error`` does not propagate,
    so no line is written twice, and keeps the level of gunicorn's ``--log-level``.

    Built from ``settings.LOGGING``, so the format and level follow the settings.
    Django configures logging again in each worker when it loads the application; gunicorn's
    loggers keep the handler given here, as they are not named in ``LOGGING``.
    """
    from copy import deepcopy

    from django.conf import settings

    config = deepcopy(settings.LOGGING)
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": config.get("formatters", {}),
        "filters": config.get("filters", {}),
        "handlers": {"console": config["handlers"]["console"], "null": {"class": "logging.NullHandler"}},
        "root": config.get("root", {"handlers": ["console"], "level": "INFO"}),
        "loggers": {
            "gunicorn.error": {"handlers": ["console"], "propagate": False},
            "gunicorn.access": {"handlers": ["null"], "propagate": False},
        },
    }
