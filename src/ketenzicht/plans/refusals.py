"""Several refusals at once: a long form (the intake, the risk assessment) is told every problem
in one answer, not one per attempt. ``Refusals`` is a ``Refused`` (the first problem's message,
code and field), so every face that handles one refusal handles it too; a form or the API's
``invalidParams`` shows ``problems``, all of them."""

from dataclasses import dataclass, field

from ketenzicht.refusals import RefusalKind, Refused


@dataclass
class Refusals(Refused):
    problems: tuple[Refused, ...] = field(default_factory=tuple)


def problem(code: str, message: str, field_name: str = "") -> Refused:
    return Refused(RefusalKind.INVALID, code, message, field_name)


def raise_all(problems: list[Refused]) -> None:
    """Refuse with every problem found, if any."""
    if problems:
        first = problems[0]
        raise Refusals(first.kind, first.code, first.message, first.field, problems=tuple(problems))


def all_of(refusal: Refused) -> tuple[Refused, ...]:
    return refusal.problems if isinstance(refusal, Refusals) and refusal.problems else (refusal,)
