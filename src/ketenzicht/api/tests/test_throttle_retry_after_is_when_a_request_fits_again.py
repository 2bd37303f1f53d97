"""A refused system is told in Retry-After when its next request fits: not before, and then it does."""

import time_machine

from .throttle_support import api_rate

MINUTE = 1_800_000_000
RATE = 5


def refused_then_allowed_at_retry_after(client, url: str, clock, now: float) -> float:
    """Spend what is left of the budget at ``now``; check the answer to the request that does not
    fit; return the moment Retry-After announced, after checking both sides of it."""
    clock.move_to(now)
    while (response := client.get(url)).status_code == 200:
        pass
    assert response.status_code == 429
    assert response["Content-Type"] == "application/problem+json"
    retry_after = int(response["Retry-After"])
    assert retry_after >= 1

    clock.move_to(now + retry_after - 1)
    assert client.get(url).status_code == 429
    clock.move_to(now + retry_after)
    assert client.get(url).status_code == 200
    return now + retry_after


def test_retry_after_is_the_moment_the_next_request_fits(parties, api_for):
    client = api_for(parties.involved)
    url = f"/api/v1/personen/{parties.child.uuid}"
    with api_rate(f"{RATE}/minute"), time_machine.travel(MINUTE + 20.5, tick=False) as clock:
        now = MINUTE + 20.5
        for _ in range(4):  # a full window, then room that comes back while the previous slides out
            now = refused_then_allowed_at_retry_after(client, url, clock, now)
