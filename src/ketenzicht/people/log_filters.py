"""A logging filter that keeps BSNs out of every log line, whatever a developer logs."""

import logging

from .bsn import redact


class RedactBsnFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg = cleaned
            record.args = ()
        return True
