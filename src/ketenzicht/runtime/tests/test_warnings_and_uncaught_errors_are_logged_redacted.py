"""A warning and an error nobody caught reach stderr as log lines, redacted, not as raw text.

Python prints both on stderr by itself, bypassing the log's formatters: a BSN in them would
reach the log collector as it is, and a JSON collector would get lines that are not JSON.
Django's logging set-up (``LOGGING_CONFIG``) routes warnings into the log (``py.warnings``)
and gives the process an ``excepthook`` that logs an uncaught error with its traceback.
"""

import json
import subprocess
import sys

from ketenzicht.conf.tests.test_production_settings import PRODUCTION_ENV

from .processes import clean_environment

WARN_THEN_FAIL = """
import warnings
import django

django.setup()
warnings.warn("verouderd: BSN 111222333 in een oproep")
raise ValueError("BSN 111222333 onbekend")
"""


def test_a_warning_and_an_uncaught_error_are_json_lines_without_a_bsn():
    result = subprocess.run([sys.executable, "-c", WARN_THEN_FAIL],
                            env=clean_environment({**PRODUCTION_ENV,
                                                   "DJANGO_SETTINGS_MODULE": "ketenzicht.conf.production"}),
                            capture_output=True, text=True, timeout=60, check=False)

    assert result.returncode == 1
    assert "111222333" not in result.stderr
    warning, error = [json.loads(text) for text in result.stderr.splitlines()]
    assert (warning["logger"], warning["level"]) == ("py.warnings", "WARNING")
    assert "UserWarning: verouderd: BSN [BSN] in een oproep" in warning["message"]
    assert (error["level"], error["message"]) == ("CRITICAL", "Onverwachte fout: het proces stopt")
    assert error["exception"].endswith("ValueError: BSN [BSN] onbekend")
