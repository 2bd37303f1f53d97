"""Production settings write one JSON object per line to stderr; the demo's settings readable text.

Each case is a fresh process with those settings, as an operator starts it, logging an error
with a BSN in its message and exception.
"""

import json
import subprocess
import sys

import pytest

from ketenzicht.conf.tests.test_production_settings import PRODUCTION_ENV

from .processes import clean_environment

LOG_AN_ERROR = """
import logging
import django

django.setup()
try:
    raise ValueError("BSN 111222333 onbekend")
except ValueError:
    logging.getLogger("ketenzicht.proef").exception("Opzoeken van %s mislukt", "111222333")
"""


def log_an_error(settings_module: str, **extra: str) -> subprocess.CompletedProcess:
    environment = {**PRODUCTION_ENV, "DJANGO_SETTINGS_MODULE": settings_module, **extra}
    return subprocess.run([sys.executable, "-c", LOG_AN_ERROR], env=clean_environment(environment),
                          capture_output=True, text=True, timeout=60, check=False)


def test_production_settings_log_one_json_object_per_line():
    result = log_an_error("ketenzicht.conf.production")

    assert result.returncode == 0, result.stderr
    (line,) = [json.loads(text) for text in result.stderr.splitlines()]
    assert (line["level"], line["logger"], line["message"], line["request_id"]) == (
        "ERROR", "ketenzicht.proef", "Opzoeken van [BSN] mislukt", "")
    assert line["exception"].endswith("ValueError: BSN [BSN] onbekend")
    assert "111222333" not in result.stderr


def test_the_demo_logs_readable_text():
    result = log_an_error("ketenzicht.conf.dev")

    assert result.returncode == 0, result.stderr
    first, *traceback = result.stderr.splitlines()
    assert first.endswith(" ERROR ketenzicht.proef [-] Opzoeken van [BSN] mislukt")
    assert traceback[-1] == "ValueError: BSN [BSN] onbekend"
    assert "111222333" not in result.stderr


@pytest.mark.parametrize(("settings_module", "log_format"), [
    ("ketenzicht.conf.production", "text"),
    ("ketenzicht.conf.dev", "json"),
])
def test_the_log_format_setting_overrides_the_default(settings_module, log_format):
    result = log_an_error(settings_module, KETENZICHT_LOG_FORMAT=log_format)

    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith("{") == (log_format == "json")


def test_an_unknown_log_format_is_refused():
    result = log_an_error("ketenzicht.conf.production", KETENZICHT_LOG_FORMAT="yaml")

    assert result.returncode != 0
    assert "KETENZICHT_LOG_FORMAT moet 'json' of 'text' zijn, niet 'yaml'." in result.stderr
