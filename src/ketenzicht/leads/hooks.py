"""How the chain apps above tell ``leads`` what it cannot know itself (it imports none of them).

- **needs** (``register_need``): a check ``(household) -> str`` that returns a Dutch reason why
  the household still needs a regisseur, or "" when it does not. ``services.end`` refuses while
  any check gives a reason. ``plans`` registers "er is een open gezinsplan" here, so a household
  with an open plan is never left without a regisseur, whoever asks to end it.
- **involvement** (``register_involvement``): a function ``(household) -> iterable of
  Professional ids`` naming the professionals personally involved with the household (the
  registrant of a verwijsindex registration, the case holder, a plan member). They hear of a new
  regisseur. An involved organisation none of whose professionals is named this way is told
  through its teamleiders and aandachtsfunctionarissen (or, without those, its client
  professionals), so no involved organisation misses it.

Register from an app's ``AppConfig.ready``; registering the same function twice is harmless.
"""

from collections.abc import Callable, Iterable

from ketenzicht.people.models import Household

NeedCheck = Callable[[Household], str]
InvolvementProvider = Callable[[Household], Iterable[int]]

_needs: list[NeedCheck] = []
_involvement: list[InvolvementProvider] = []


def register_need(check: NeedCheck) -> NeedCheck:
    if check not in _needs:
        _needs.append(check)
    return check


def register_involvement(provider: InvolvementProvider) -> InvolvementProvider:
    if provider not in _involvement:
        _involvement.append(provider)
    return provider


def reasons_still_needed(household: Household) -> list[str]:
    return [reason for check in _needs if (reason := check(household))]


def personally_involved(household: Household) -> set[int]:
    found: set[int] = set()
    for provider in _involvement:
        found.update(provider(household))
    return found
