"""Synthetic BSNs for the demo population and the tests: the 999xxxxxx range, never a real person.

The demo needs valid numbers, but it does not compute the elfproef itself: python-stdnum decides
what is valid, as it does for ``people.bsn.validate_bsn``, so shipped code holds one elfproef.
"""

from collections.abc import Iterator

from stdnum.nl import bsn as stdnum_bsn


def elfproef_check_digit(first_eight: str) -> int | None:
    """The ninth digit that makes a valid BSN of ``first_eight``, or None if no digit does."""
    return next((digit for digit in range(10) if stdnum_bsn.is_valid(f"{first_eight}{digit}")), None)


def synthetic_bsns(first_serial: int = 0) -> Iterator[str]:
    """Valid BSNs 999000000 and up, in order (the demo's fixed ones start at 999990000)."""
    for serial in range(first_serial, 10**5):
        first_eight = f"999{serial:05d}"
        digit = elfproef_check_digit(first_eight)
        if digit is not None:
            yield first_eight + str(digit)
