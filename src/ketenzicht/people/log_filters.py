"""A logging filter that keeps BSNs out of every log line, whatever a developer logs."""

import logging

from django.http import HttpRequest
from django.views.debug import SafeExceptionReporterFilter

from .bsn import redact


class RedactBsnFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg = cleaned
            record.args = ()
        return True


class BsnExceptionReporterFilter(SafeExceptionReporterFilter):
    """Error reports (debug pages, error e-mails) never show a posted BSN, in any view.

    Marking views one by one with ``sensitive_post_parameters`` would be forgotten in one of them.
    """

    def get_post_parameters(self, request: HttpRequest | None) -> dict:
        parameters = super().get_post_parameters(request)
        if request is None or "bsn" not in parameters:
            return parameters
        cleansed = parameters.copy()
        cleansed["bsn"] = self.cleansed_substitute
        return cleansed
