"""No BSN leaves the process in a log line: not in a message, an exception, a traceback, a path or a field.

Checked on the formatted output, for both formats, whichever logger wrote the line.
"""

import logging

import pytest

from ketenzicht.runtime.context import working_on

from .captured_log import CapturedLog

BSN = "111222333"
logger = logging.getLogger("ketenzicht.proef")


def look_up_the_person():
    # The source line shows in the traceback (single quotes: they stay as they are in JSON).
    raise LookupError('geen persoon met BSN 111222333')


@pytest.mark.parametrize("log_format", ["json", "text"])
def test_a_bsn_in_a_message_is_redacted(log_format):
    with CapturedLog(log_format) as log:
        logger.warning("Zoeken op %s mislukt", BSN)

    assert BSN not in log.text
    assert "Zoeken op [BSN] mislukt" in log.text


@pytest.mark.parametrize("log_format", ["json", "text"])
def test_a_bsn_in_an_exception_and_its_traceback_is_redacted(log_format):
    with CapturedLog(log_format) as log:
        try:
            look_up_the_person()
        except LookupError:
            logger.exception("Opzoeken mislukt")

    assert BSN not in log.text
    assert "LookupError: geen persoon met BSN [BSN]" in log.text
    assert "raise LookupError('geen persoon met BSN [BSN]')" in log.text


def test_the_exception_is_a_field_of_the_json_line():
    with CapturedLog() as log:
        try:
            look_up_the_person()
        except LookupError:
            logger.exception("Opzoeken mislukt")

    (line,) = log.lines()
    assert line["message"] == "Opzoeken mislukt"
    assert line["exception"].startswith("Traceback (most recent call last):")


@pytest.mark.parametrize("log_format", ["json", "text"])
def test_a_bsn_in_extra_fields_is_redacted(log_format):
    with CapturedLog(log_format) as log:
        logger.info("Verhuizing verwerkt", extra={"persoon": BSN, "stappen": {"oud": [BSN, 3]}})

    assert BSN not in log.text


def test_a_bsn_in_a_path_is_redacted_in_every_line_of_the_request(client, db):
    with CapturedLog() as log:
        answer = client.get(f"/personen/{BSN}/")

    assert answer.status_code == 404
    assert BSN not in log.text
    # Django's own "Not Found" line and the request line both name the path.
    assert {line["logger"] for line in log.lines()} == {"django.request", "ketenzicht.request"}
    assert log.request_lines()[0]["path"] == "/personen/[BSN]/"


@pytest.mark.parametrize("log_format", ["json", "text"])
def test_the_request_id_itself_is_never_redacted(log_format):
    # 32 hex digits with nine digits in a row between letters, as made ids often have.
    request_id = "ab123456789cd0123456789012345678"

    with CapturedLog(log_format) as log, working_on(request_id):
        logger.info("Iets gedaan")

    assert request_id in log.text
