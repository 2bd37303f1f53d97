"""Requests served at the same time by threads of one worker never see each other's id.

The id lives in a context variable, which each thread has on its own. Both requests are held
inside their views at once (a barrier), then each logs and answers.
"""

import logging
import threading

from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory

from ketenzicht.runtime.context import current_id
from ketenzicht.runtime.middleware import RequestLogMiddleware

from .captured_log import CapturedLog

THREADS = 4
logger = logging.getLogger("ketenzicht.proef")


def test_concurrent_requests_keep_their_own_ids():
    all_inside = threading.Barrier(THREADS, timeout=30)
    seen_in_view: dict[str, str] = {}

    def view(request: HttpRequest) -> HttpResponse:
        all_inside.wait()  # every request is in progress now
        seen_in_view[request.path] = current_id()
        logger.info("in de view van %s", request.path)
        return HttpResponse()

    middleware = RequestLogMiddleware(view)
    answers: dict[str, HttpResponse] = {}

    def serve(number: int) -> None:
        path = f"/verzoek-{number}/"
        answers[path] = middleware(RequestFactory().get(path))

    with CapturedLog() as log:
        threads = [threading.Thread(target=serve, args=(n,)) for n in range(THREADS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    ids = {path: answer["X-Request-ID"] for path, answer in answers.items()}
    assert len(set(ids.values())) == THREADS
    assert seen_in_view == ids
    lines = log.lines()
    assert len(lines) == 2 * THREADS
    for line in lines:
        path = line.get("path") or line["message"].removeprefix("in de view van ")
        assert line["request_id"] == ids[path]
    assert current_id() == ""  # nothing left behind in the thread that ran the test
