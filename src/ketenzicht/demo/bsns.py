"""Synthetic BSNs for demo data and tests: the 999xxxxxx range, valid by the elfproef."""

from collections.abc import Iterator


def elfproef_check_digit(first_eight: str) -> int | None:
    """The ninth digit that makes the number pass the elfproef, or None if none exists."""
    total = sum(int(d) * (9 - i) for i, d in enumerate(first_eight))
    digit = total % 11
    return digit if digit < 10 else None


def synthetic_bsns(first_serial: int = 0) -> Iterator[str]:
    """Valid BSNs 999000000 and up, in order (the demo's fixed ones start at 999990000)."""
    for serial in range(first_serial, 10**5):
        first_eight = f"999{serial:05d}"
        digit = elfproef_check_digit(first_eight)
        if digit is not None:
            yield first_eight + str(digit)
