"""What must never leave the process in a log line: anything that looks like a BSN, or its keyed hash.

The pattern lives here, at ground level, rather than in ``people`` (which keeps validating,
encrypting and looking up BSNs) because the log formatter in ``runtime.logs`` must apply it to
every line and ``runtime`` imports no domain app. A setting naming a redaction function was the
other way; it would make "no BSN in the logs" something a deployment can configure away or get
wrong, where this rule has no reason to vary.

What counts as a BSN is what ``people.bsn.validate_bsn`` accepts, wherever it stands: nine digits,
with spaces, dots or dashes between them (``1234.56.782``, ``123 456 782``), and no digit right
before or after. A letter or ``_`` before them does not protect them
(``bsn123456782``), as a word boundary (``\\b``) would. The price: nine digits inside other
things are redacted too (a UUID or 32-hex id that happens to hold nine digits in a row, an IP
address like ``192.168.100.200``). What must stay readable does: an ISO date and time (the
date's eight digits run on into the hour's two, and a ``:`` or ``T`` ends a run), a ten-digit
phone number, any longer number. The request id field alone is not redacted (``logs``):
Ketenzicht makes that id itself.
"""

import re

#: Nine digits, with spaces, dots or dashes between them and no digit right before or after:
#: a BSN in any form the app accepts, or something the log cannot tell from one.
BSN_PATTERN = re.compile(r"(?<!\d)(?:\d[\s.\-]*){8}\d(?!\d)")
#: 64 hex digits: a SHA-256 HMAC, as the keyed look-up hash of a BSN (``bsn_hash``) is. Redacted
#: first, since nine digits inside it would otherwise break it up and leave the rest.
HASH_PATTERN = re.compile(r"(?<![0-9A-Fa-f])[0-9A-Fa-f]{64}(?![0-9A-Fa-f])")
REDACTED = "[BSN]"
REDACTED_HASH = "[HASH]"


def redact(text: str) -> str:
    """Replace anything that looks like a BSN, or like a keyed hash of one, in free text."""
    return BSN_PATTERN.sub(REDACTED, HASH_PATTERN.sub(REDACTED_HASH, text))
