"""A BSN is redacted in every form ``people.bsn.validate_bsn`` accepts, also stuck to a word.

The app takes a BSN with dots, spaces or dashes between its digits, so a log line may hold it that
way (a form's input in an error). Nine digits are redacted wherever no digit stands right before
or after them, also after a letter or ``_`` (``bsn123456782``), where a word boundary is not.
What must stay readable does: dates and times, phone numbers, longer numbers.
"""

import logging

import pytest

from ketenzicht.people.bsn import validate_bsn
from ketenzicht.runtime.redaction import redact

from .captured_log import CapturedLog

logger = logging.getLogger("ketenzicht.proef")


@pytest.mark.parametrize(("text", "redacted"), [
    ("BSN 123456782", "BSN [BSN]"),
    ("BSN 1234.56.782", "BSN [BSN]"),
    ("BSN 123 456 782", "BSN [BSN]"),
    ("BSN 123-456-782", "BSN [BSN]"),
    ("bsn123456782", "bsn[BSN]"),
    ("id_123456782", "id_[BSN]"),
    ("x123456782y", "x[BSN]y"),
    ("BSN 123456782.", "BSN [BSN]."),
    ("123456782 en 111222333", "[BSN] en [BSN]"),
    ("123456782 111222333", "[BSN] [BSN]"),
])
def test_every_form_of_a_bsn_is_redacted(text, redacted):
    assert redact(text) == redacted


@pytest.mark.parametrize("bsn", ["1234.56.782", "123 456 782", "123-456-782", "123456782"])
def test_what_the_app_accepts_as_a_bsn_is_redacted_in_a_log_line(bsn):
    validate_bsn(bsn)  # the app takes it as a BSN

    with CapturedLog("text") as log:
        logger.warning("Zoeken op %s mislukt", bsn)

    assert "Zoeken op [BSN] mislukt" in log.text


@pytest.mark.parametrize("text", [
    "2026-03-12 09:41:07",
    "2026-03-12T09:41:07.318Z",
    "om 2026-03-12 09:41 verwerkt",
    "0591 123456",
    "06-12345678",
    "1234567890",
    "12345678",
    "61.0 ms",
    "pid 4242 na 120 s",
])
def test_dates_phone_numbers_and_other_numbers_stay_readable(text):
    assert redact(text) == text

