"""Two people acting on one signal at the same moment are serialised by the signal's row lock:
two shares with the same desk make exactly one route, and two recordings of the same Meldcode step
make exactly one entry, and two uploads onto the ninth attachment make ten, not eleven; the other
gets a conflict refusal (PostgreSQL, real parallel writers)."""

import threading
from collections.abc import Callable

import pytest
from django.db import connection

from ketenzicht.demo.loader import load_demo
from ketenzicht.refusals import RefusalKind, Refused
from ketenzicht.signals.attachments import MAX_PER_SIGNAL, Upload, attach
from ketenzicht.signals.models import Attachment, DossierEntry, MeldcodeStep, Route, Signal

from .conftest import acting, signal_as
from .support import consult, share

pytestmark = [pytest.mark.postgres_only, pytest.mark.django_db(transaction=True)]


def _race(action: Callable[[str], object], usernames: tuple[str, ...]) -> list[BaseException]:
    """Run ``action`` for each user at the same moment; the refusals and errors, in any order."""
    start = threading.Barrier(len(usernames))
    errors: list[BaseException] = []

    def run(username: str) -> None:
        try:
            start.wait(timeout=10)
            action(username)
        except BaseException as error:  # reported by the test, with the thread's own traceback
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(u,)) for u in usernames]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


@pytest.fixture
def signal(settings):
    settings.DEMO_MODE = True
    load_demo(households=0)
    return signal_as("leerkracht")


def _own_copy(signal: Signal) -> Signal:
    """Each thread acts on its own instance, as two requests would."""
    return Signal.objects.get(pk=signal.pk)


def _only_conflicts(errors: list[BaseException], code: str) -> None:
    assert len(errors) == 1, errors
    (error,) = errors
    assert isinstance(error, Refused), error
    assert (error.kind, error.code) == (RefusalKind.CONFLICT, code)


def test_parallel_shares_with_one_desk_make_exactly_one_route(signal):
    errors = _race(lambda username: share(_own_copy(signal), username),
                   ("leerkracht", "aandacht-kristalla"))
    _only_conflicts(errors, "al-gedeeld")
    assert Route.objects.filter(signal=signal, desk__slug="cjg-de-monden").count() == 1


def test_parallel_recordings_of_one_step_make_exactly_one_entry(signal):
    errors = _race(lambda username: consult(_own_copy(signal), username),
                   ("leerkracht", "aandacht-kristalla"))
    _only_conflicts(errors, "stap-al-vastgelegd")
    assert DossierEntry.objects.filter(signal=signal, step=MeldcodeStep.CONSULTATION).count() == 1


def test_parallel_uploads_never_pass_the_maximum(signal):
    for number in range(MAX_PER_SIGNAL - 1):
        attach(*acting("leerkracht"), signal, Upload(f"verslag-{number}.pdf", b"%PDF-1.7\n"))
    errors = _race(lambda username: attach(*acting(username), _own_copy(signal),
                                           Upload("laatste.pdf", b"%PDF-1.7\n")),
                   ("leerkracht", "aandacht-kristalla"))
    _only_conflicts(errors, "te-veel-bijlagen")
    assert Attachment.objects.filter(signal=signal).count() == MAX_PER_SIGNAL
