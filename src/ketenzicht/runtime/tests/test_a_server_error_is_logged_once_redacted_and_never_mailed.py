"""A 500 leaves one log line with its traceback, redacted, and nothing else: no raw copy, no e-mail.

Django's default logging gives its ``django`` logger handlers of its own: a console handler
(under DEBUG) that prints the traceback as it is, unredacted and without the request id, and
``mail_admins`` that would mail it once ``ADMINS`` is set. ``LOGGING`` takes both away, so
everything Django logs reaches the one redacting handler of the root logger.
"""

import json
import logging
import subprocess
import sys

import pytest
from django.urls import path

from .processes import clean_environment

BSN = "111222333"


def look_up_the_person(request):
    raise LookupError(f"geen persoon met BSN {BSN}")


urlpatterns = [path("faalt/", look_up_the_person)]

A_SERVER_ERROR = f"""
import django
from django.test import Client, override_settings

django.setup()
with override_settings(ROOT_URLCONF="{__name__}", ALLOWED_HOSTS=["testserver"]):
    status = Client(raise_request_exception=False).get("/faalt/").status_code
print(status)
"""


def test_the_django_logger_has_no_handlers_of_its_own():
    django_logger = logging.getLogger("django")

    assert django_logger.handlers == []
    assert django_logger.propagate


@pytest.mark.embedded_only  # a process of its own, on an SQLite file of its own
def test_a_server_error_is_logged_once_and_redacted_under_the_demo_settings(tmp_path):
    environment = clean_environment({
        "DJANGO_SETTINGS_MODULE": "ketenzicht.conf.dev",  # DEBUG: Django's console handler is on
        "KETENZICHT_LOG_FORMAT": "json",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "KETENZICHT_VAR_DIR": str(tmp_path),
    })

    result = subprocess.run([sys.executable, "-c", A_SERVER_ERROR], env=environment, capture_output=True,
                            text=True, timeout=60, check=False)

    assert (result.returncode, result.stdout.strip()) == (0, "500"), result.stderr
    assert BSN not in result.stderr
    lines = [json.loads(text) for text in result.stderr.splitlines()]  # no raw traceback lines
    (error,) = [line for line in lines if "exception" in line]
    assert error["logger"] == "django.request"
    assert error["exception"].endswith("LookupError: geen persoon met BSN [BSN]")
    assert result.stderr.count("Traceback (most recent call last)") == 1
    (request_line,) = [line for line in lines if line["logger"] == "ketenzicht.request"]
    assert error["request_id"] == request_line["request_id"] != ""


def test_a_server_error_is_not_mailed_to_the_admins(client, db, settings, mailoutbox):
    settings.ROOT_URLCONF = __name__
    settings.ADMINS = [("Beheer", "beheer@example.nl")]
    client.raise_request_exception = False

    answer = client.get("/faalt/")

    assert answer.status_code == 500
    assert mailoutbox == []
