"""When the plan is agreed with a regisseur, every signaller of a signal about a member of the
household hears "Er is een plan en een regisseur", with the regisseur's name and organisation —
never the plan's content — once."""

from ketenzicht.plans import household_plan
from ketenzicht.signals.feedback import feedback_for
from ketenzicht.signals.models import FeedbackMoment
from ketenzicht.signals.services import SignalRequest, record_signal

from .conftest import DAAN, WEDNESDAY, acting
from .plan_support import agreed_plan, notices_of

EMMA = "999990020"


def _signal(username: str, bsn: str):
    return record_signal(*acting(username), SignalRequest(
        bsn=bsn, categories=("emotionele-verwaarlozing",), urgency="regulier",
        facts="Komt al een week zonder jas en ontbijt."), WEDNESDAY)


def test_every_signaller_hears_the_regisseurs_name_and_organisation_once(emmen):
    teacher_signal = _signal("leerkracht", DAAN)
    nurse_signal = _signal("jgz", EMMA)
    plan = agreed_plan()
    for username, signal in (("leerkracht", teacher_signal), ("jgz", nurse_signal)):
        [notice] = notices_of(username, "terugkoppeling")
        assert notice.title == "Er is een plan en een regisseur"
        assert "Bart Lubbers (CJG-Jeugdteam De Monden)" in notice.body
        assert notice.link == f"/signalen/{signal.uuid}/"
        for secret in (plan.family_question, "Rust in huis", "Daan"):
            assert secret not in notice.body
    # Agreed again (after a change): told once only.
    household_plan.record_agreement(*acting("cjg-demonden"), plan, parents_agreed_on=WEDNESDAY.date(),
                                    youth_agreed_on=WEDNESDAY.date(), now=WEDNESDAY)
    assert len(notices_of("leerkracht", "terugkoppeling")) == 1
    assert notices_of("ggz", "terugkoppeling") == []


def test_a_shared_signal_keeps_it_as_feedback_with_the_regisseur(emmen):
    from ketenzicht.signals.models import ConsentBasis, ConsentGiver
    from ketenzicht.signals.services import Consent, ShareRequest, share_signal

    signal = _signal("leerkracht", DAAN)
    share_signal(*acting("leerkracht"), signal,
                 ShareRequest(Consent(ConsentBasis.CONSENT, given_by=ConsentGiver.PARENTS)), WEDNESDAY)
    agreed_plan()
    rows = [row for row in feedback_for(signal) if row.moment == FeedbackMoment.PLAN_AND_REGISSEUR]
    [row] = rows
    assert row.with_organisation.slug == "cjg-de-monden" and row.regisseur_name == "Bart Lubbers"
    assert row.route_started is None and row.safety_conditions == ""
