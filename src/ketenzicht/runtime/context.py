"""The id of the work in progress — a web request or a job run — for logs and the audit trail.

An operator follows one request from the load balancer through the log lines to its audit
events by this id. It lives in a context variable rather than on the request object so the
audit trail (which is handed plain values, never a request) and the log formatter can read it
without every caller passing it along. Each thread of a server worker has its own context, so
concurrent requests never see each other's id.
"""

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_current_id: ContextVar[str] = ContextVar("ketenzicht_request_id", default="")


def new_id() -> str:
    """A fresh id: 32 hex digits, as a load balancer's own request ids usually are."""
    return uuid.uuid4().hex


def current_id() -> str:
    """The id of the request or job run this code runs for; empty outside of both."""
    return _current_id.get()


@contextmanager
def working_on(work_id: str) -> Iterator[str]:
    """Everything logged or audited inside the block carries ``work_id``."""
    token = _current_id.set(work_id)
    try:
        yield work_id
    finally:
        _current_id.reset(token)
