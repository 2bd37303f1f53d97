"""Error reports without BSNs. (Log lines are redacted by the log formatters: ``runtime.logs``.)"""

from django.http import HttpRequest
from django.views.debug import SafeExceptionReporterFilter


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
