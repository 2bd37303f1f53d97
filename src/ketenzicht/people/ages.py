"""Age in whole years: the rules of the chain (under 12, 16, 23) all count birthdays."""

from datetime import date


def age_on(born: date, day: date) -> int:
    """Completed years on ``day``; someone born on 29 February ages on 1 March in other years."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))
