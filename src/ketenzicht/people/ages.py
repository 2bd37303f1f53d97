"""Age in whole years, and the age bands of consent and informing: the one home of both rules.

The chain's age rules (under 12, 16, 18, 23) all count birthdays with ``age_on``. Who speaks
for a youth follows one set of bands (domain.md §5, "Age rules for consent and informing", and
§2, "Informing"): under 12 the parents; from 12 to 15 the youth and the parents; from 16 the
youth alone. The same bands decide who gives consent to share a signal (``signals.services.
consent_givers``) and who is told of a verwijsindex registration (``verwijsindex.rules.
parties_to_inform``), so both derive from ``age_band`` here instead of counting on their own.
"""

import enum
from datetime import date

#: From 12 the youth has a say of their own, next to the parents (domain.md §5; §2: "the youth
#: from 12 [is] informed"). Below it the parents decide and are told alone.
YOUTH_HAS_A_SAY_FROM = 12
#: From 16 the youth decides and is told alone; the parents no longer (domain.md §5; §2: "parents
#: of a youth under 16").
PARENTS_HAVE_A_SAY_BELOW = 16
#: Adulthood (meerderjarigheid): from 18 a person is an adult client who decides for themselves.
ADULT_AGE = 18
#: The chain works with youths up to their 23rd birthday (Jeugdwet; the verwijsindex, domain.md §2).
YOUTH_AGE_LIMIT = 23


class AgeBand(enum.Enum):
    """Who speaks for a youth of a given age: decides on consent and is informed (domain.md §5)."""

    PARENTS = "parents"  # under 12
    YOUTH_AND_PARENTS = "youth-and-parents"  # 12 to 15
    YOUTH = "youth"  # 16 and over


def age_on(born: date, day: date) -> int:
    """Completed years on ``day``; someone born on 29 February ages on 1 March in other years."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def age_band(age: int) -> AgeBand:
    """The band of consent and informing for someone of ``age`` completed years (``age_on``):
    a birthday moves them into the next band on the day itself."""
    if age < YOUTH_HAS_A_SAY_FROM:
        return AgeBand.PARENTS
    if age < PARENTS_HAVE_A_SAY_BELOW:
        return AgeBand.YOUTH_AND_PARENTS
    return AgeBand.YOUTH
