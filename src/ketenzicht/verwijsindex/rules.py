"""The legal rules of the verwijsindex that need no database: categories, ages, terms.

Jeugdwet art. 7.1.1.2 and domain.md §2. Each rule has a test named after it.
"""

from datetime import date, timedelta

from django.utils.translation import gettext_lazy as _

from ketenzicht.people.ages import YOUTH_AGE_LIMIT, AgeBand, age_band, age_on

#: The 12 legal risk categories (a–l). Checked on registration, never stored.
RISK_CATEGORIES: dict[str, str] = {
    "a": _("Geweld, vernederende behandeling of verwaarlozing"),
    "b": _("Psychische problemen, waaronder verslaving"),
    "c": _("Ernstige problemen bij het opgroeien of de opvoeding"),
    "d": _("Minderjarig moeder of zwanger"),
    "e": _("Veelvuldig schoolverzuim of voortijdig schoolverlaten"),
    "f": _("Niet gemotiveerd voor legale arbeid"),
    "g": _("Financiële problemen"),
    "h": _("Geen vaste woon- of verblijfplaats"),
    "i": _("Gevaar voor anderen"),
    "j": _("Betrokkenheid bij criminaliteit"),
    "k": _("Ouders of verzorgers schieten ernstig tekort in de zorg"),
    "l": _("Onevenredig risico in bepaalde etnische groepen"),
}

#: Who is informed of a registration in each age band of ``people.ages`` (domain.md §2): the
#: ``InformedParty`` values.
PARTIES_TO_INFORM: dict[AgeBand, str] = {
    AgeBand.PARENTS: "ouders",
    AgeBand.YOUTH_AND_PARENTS: "beiden",
    AgeBand.YOUTH: "jeugdige",
}


def is_registrable_age(date_of_birth: date, today: date) -> bool:
    return date_of_birth <= today and age_on(date_of_birth, today) < YOUTH_AGE_LIMIT


def last_registrable_day(date_of_birth: date) -> date:
    """The day before the 23rd birthday: the last day on which ``age_on`` is still below 23.

    As ``age_on`` counts, someone born on 29 February turns 23 on 1 March when that year has no
    29 February, so their last day is 28 February. An active term never runs past this day.
    """
    try:
        birthday = date_of_birth.replace(year=date_of_birth.year + YOUTH_AGE_LIMIT)
    except ValueError:  # 29 February in a year without one
        birthday = date(date_of_birth.year + YOUTH_AGE_LIMIT, 3, 1)
    return birthday - timedelta(days=1)


def parties_to_inform(date_of_birth: date, today: date) -> str:
    """Who must be informed of a registration: under 12 the parents, 12–15 both, 16+ the youth
    (the age bands of ``people.ages.age_band``, counted on ``today``).

    Returns an ``InformedParty`` value ("ouders", "beiden", "jeugdige").
    """
    return PARTIES_TO_INFORM[age_band(age_on(date_of_birth, today))]


def add_months(day: date, months: int) -> date:
    """``day`` plus whole months; the 31st becomes the last day of a shorter month."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    last = (date(year + (month == 12), month % 12 + 1, 1) - date.resolution).day
    return date(year, month, min(day.day, last))
