"""Text a client controls cannot start a line of its own in the readable (text) log.

A path is decoded before it is logged (``%0A`` becomes a newline), so without escaping a request
could write a line that looks like the log's own, e.g. a request that never happened. The text
formatter writes control characters escaped (``\\n``), as JSON does.
"""

import logging

from .captured_log import CapturedLog

FORGED = "2026-03-12 09:41:07 INFO ketenzicht.request [0af7651916cd43dd8448eb211c80319c] GET / 200"
logger = logging.getLogger("ketenzicht.proef")


def test_a_newline_in_a_path_stays_in_its_own_line(client, db):
    with CapturedLog("text") as log:
        answer = client.get("/bestaat-niet/%0A" + FORGED.replace(" ", "%20"))

    assert answer.status_code == 404
    assert not any(line.startswith(FORGED) for line in log.text.splitlines())
    assert "/bestaat-niet/\\n2026-03-12" in log.text


def test_control_characters_in_a_message_and_a_field_are_escaped():
    with CapturedLog("text") as log:
        logger.warning("regel\neen\r%s", "twee\x1b[31m", extra={"veld": "drie\nvier\u2028vijf"})

    (line,) = log.text.splitlines()
    assert line.endswith("regel\\neen\\rtwee\\x1b[31m veld=drie\\nvier\\u2028vijf")
