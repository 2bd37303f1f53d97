"""Steps the desk page tests share: signals shared with a desk through the services, on the Emmen
demo (``emmen`` from the signal tests), and logins through the real form (``vir_login``)."""

from datetime import datetime

from ketenzicht.demo.accounts import DEMO_PASSWORD
from ketenzicht.organisations.models import Organisation, Professional
from ketenzicht.organisations.tests.factories import ProfessionalFactory
from ketenzicht.signals.models import ConsentBasis, Route, Signal
from ketenzicht.signals.services import Consent, ShareRequest, request_advice, share_signal
from ketenzicht.signals.tests.conftest import OFFICE_HOURS, PARENTS_CONSENT, acting, signal_as

#: An advice request's own question, written without names (the signal's facts name Daan).
ADVICE_QUESTION = "Een leerling komt al een week zonder jas en ontbijt; melden of eerst hulp?"
#: Shared without consent because of the safety risk: fits a person of any age.
FOR_SAFETY = ShareRequest(Consent(ConsentBasis.SAFETY, safety_reason="Vader dreigt met geweld."))


def shared_signal(username: str = "leerkracht", bsn: str = "999990019", *,
                  now: datetime = OFFICE_HOURS, share: ShareRequest = PARENTS_CONSENT,
                  **extra) -> Route:
    """A signal (by default a regular one) shared with the proposed desk, by default with the
    parents' consent."""
    signal = signal_as(username, bsn, now=now, **extra)
    return share_signal(*acting(username), signal, share, now)


def report_to_veilig_thuis(username: str = "leerkracht", bsn: str = "999990019", *,
                           now: datetime = OFFICE_HOURS, **extra) -> Route:
    """Acute suspected abuse: proposed as a report (melding) to Veilig Thuis, and shared."""
    return shared_signal(username, bsn, now=now, categories=("lichamelijke-mishandeling",),
                         urgency="acuut", **extra)


def advice_request(username: str = "leerkracht", bsn: str = "999990019", *,
                   now: datetime = OFFICE_HOURS) -> Route:
    signal: Signal = signal_as(username, bsn, now=now)
    return request_advice(*acting(username), signal, ADVICE_QUESTION, now)


def crisis_desk_professional(username: str = "spoed") -> Professional:
    """The demo has no Spoed4Jeugd account: one with the demo password, to log in as."""
    spoed = ProfessionalFactory(organisation=Organisation.objects.get(slug="spoed4jeugd"),
                                user__username=username)
    spoed.user.set_password(DEMO_PASSWORD)
    spoed.user.save()
    return spoed
