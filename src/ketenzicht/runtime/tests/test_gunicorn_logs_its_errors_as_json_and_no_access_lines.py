"""gunicorn's own log lines (a worker booted, timed out, was killed) come through our JSON formatter.

Its access log writes nothing: the middleware's request line replaces it, without the query
string gunicorn's line would hold. The case runs in a fresh process the way ``ketenzicht
serve`` runs: Django's logging, then gunicorn's (``logconfig_dict``), then Django's again as the
application is loaded; gunicorn's loggers must survive that last step, once each.
"""

import json
import subprocess
import sys

from ketenzicht.conf.tests.test_production_settings import PRODUCTION_ENV

from .processes import clean_environment

GUNICORN_LOGS = """
import django
from django.conf import settings
from django.utils.log import configure_logging
from gunicorn.config import Config
from gunicorn.glogging import Logger

from ketenzicht.runtime.logs import gunicorn_logconfig

django.setup()
config = Config()
config.set("errorlog", "-")
config.set("logconfig_dict", gunicorn_logconfig())
log = Logger(config)
configure_logging(settings.LOGGING_CONFIG, settings.LOGGING)  # the application is loaded

log.info("Booting worker with pid: %s", 4242)
log.critical("WORKER TIMEOUT (pid:%s) bij BSN 111222333", 4242)
log.access_log.info('"GET /zoeken/?q=geheime-zoekterm HTTP/1.1" 200')
"""


def test_gunicorn_error_log_uses_the_json_formatter_and_the_access_log_is_off():
    result = subprocess.run([sys.executable, "-c", GUNICORN_LOGS],
                            env=clean_environment({**PRODUCTION_ENV,
                                                   "DJANGO_SETTINGS_MODULE": "ketenzicht.conf.production"}),
                            capture_output=True, text=True, timeout=60, check=False)

    assert result.returncode == 0, result.stderr
    lines = [json.loads(text) for text in result.stderr.splitlines()]
    assert [(line["logger"], line["level"], line["message"]) for line in lines] == [
        ("gunicorn.error", "INFO", "Booting worker with pid: 4242"),
        ("gunicorn.error", "CRITICAL", "WORKER TIMEOUT (pid:4242) bij BSN [BSN]"),
    ]
    assert result.stdout == ""
    assert "geheime-zoekterm" not in result.stderr
