"""The log output as an operator's log collector receives it: the real formatters on a stream."""

import io
import json
import logging
from types import TracebackType

from ketenzicht.runtime.logs import JsonFormatter, TextFormatter


class CapturedLog:
    """Everything logged (INFO and up) inside the ``with`` block, formatted as JSON or text."""

    def __init__(self, log_format: str = "json") -> None:
        self.stream = io.StringIO()
        self.handler = logging.StreamHandler(self.stream)
        self.handler.setFormatter(JsonFormatter() if log_format == "json" else TextFormatter())
        self._root = logging.getLogger()
        self._level = self._root.level

    def __enter__(self) -> "CapturedLog":
        self._root.addHandler(self.handler)
        self._root.setLevel(logging.INFO)
        return self

    def __exit__(self, kind: type | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self._root.removeHandler(self.handler)
        self._root.setLevel(self._level)

    @property
    def text(self) -> str:
        return self.stream.getvalue()

    def lines(self) -> list[dict]:
        """Every line as JSON: a line that is not one JSON object fails the test here."""
        return [json.loads(line) for line in self.text.splitlines()]

    def request_lines(self) -> list[dict]:
        return [line for line in self.lines() if line["logger"] == "ketenzicht.request"]

    def request_line(self) -> dict:
        """The request line of the one request made while capturing."""
        (line,) = self.request_lines()
        return line
