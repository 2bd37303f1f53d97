"""Terugkoppeling never carries the content of another organisation's file (domain.md §4).

Every free text another party writes on the way carries a unique marker: what Veilig Thuis and
the CJG agree when the teacher keeps no role, and the whole of the youth doctor's own signal
about the same child (observation, statements, Meldcode step 2, safety reason, the reason to
choose another desk, and the safety conditions agreed with *her*). None of it may appear in the
teacher's feedback or notices; the youth doctor gets her own safety conditions, because she keeps
a role. No notice names the child or carries a BSN.
"""

from datetime import timedelta

from ketenzicht.notify.models import Notice
from ketenzicht.signals import desks, meldcode
from ketenzicht.signals.feedback import feedback_for
from ketenzicht.signals.models import ConsentBasis, Feedback, Signal
from ketenzicht.signals.services import Consent, ShareRequest, StatementData

from .conftest import ANJA, DAAN, EMMA, OFFICE_HOURS, acting, signal_as
from .support import person, report_through_meldcode, route_at, share

LATER = [OFFICE_HOURS + timedelta(hours=hours) for hours in range(1, 11)]


class Marker:
    VT_CONDITIONS_NO_ROLE = "MARKER-VT-VOORWAARDEN-GEEN-ROL"
    CJG_CONDITIONS_NO_ROLE = "MARKER-CJG-VOORWAARDEN-GEEN-ROL"
    GGD_FACTS = "MARKER-GGD-WAARNEMING"
    GGD_STATEMENT = "MARKER-GGD-UITSPRAAK"
    GGD_STATEMENT_SOURCE = "MARKER-GGD-BRON"
    GGD_CONSULTATION = "MARKER-GGD-CONSULTATIE"
    GGD_AGREEMENTS = "MARKER-GGD-AFSPRAKEN"
    GGD_COORDINATOR = "MARKER-GGD-COORDINATOR"
    GGD_SAFETY_REASON = "MARKER-GGD-VEILIGHEIDSREDEN"
    GGD_DEVIATION = "MARKER-GGD-AFWIJKING"
    GGD_CONDITIONS_WITH_ROLE = "MARKER-GGD-VOORWAARDEN-MET-ROL"


FORBIDDEN_FOR_TEACHER = [v for k, v in vars(Marker).items() if k.isupper()]


def _teachers_signal() -> Signal:
    """Report → Veilig Thuis (teacher keeps no role) → CJG De Monden → help → end."""
    signal = signal_as("leerkracht")
    report = report_through_meldcode(signal)
    vt, vt_actor = acting("veiligthuis")
    desks.accept(vt, vt_actor, report, now=LATER[0])
    desks.record_assessment(vt, vt_actor, report, "lokaal-team", handed_to_slug="cjg-de-monden",
                            signaller_keeps_role=False,
                            safety_conditions=Marker.VT_CONDITIONS_NO_ROLE, now=LATER[1])
    handover = route_at(signal, "cjg-de-monden")
    cjg, cjg_actor = acting("cjg-demonden")
    desks.accept(cjg, cjg_actor, handover, now=LATER[2])
    desks.record_assessment(cjg, cjg_actor, handover, "eigen-hulp", signaller_keeps_role=False,
                            safety_conditions=Marker.CJG_CONDITIONS_NO_ROLE, now=LATER[3])
    desks.record_help_started(cjg, cjg_actor, handover, now=LATER[4])
    desks.end_route(cjg, cjg_actor, handover, now=LATER[5])
    return signal


def _doctors_signal() -> Signal:
    """The youth doctor's own signal about Daan, shared with Veilig Thuis by her own choice."""
    signal = signal_as("jgz", DAAN, facts=f"Blauwe plekken op de rug. {Marker.GGD_FACTS}",
                       statements=(StatementData(Marker.GGD_STATEMENT_SOURCE,
                                                 f"Hij valt vaak. {Marker.GGD_STATEMENT}"),))
    doctor, actor = acting("jgz")
    meldcode.record_consultation(doctor, actor, signal, safeguarding_lead=False, veilig_thuis=True,
                                 outcome=Marker.GGD_CONSULTATION, agreements=Marker.GGD_AGREEMENTS,
                                 coordinator=Marker.GGD_COORDINATOR, now=OFFICE_HOURS)
    route = share(signal, "jgz", ShareRequest(
        Consent(ConsentBasis.SAFETY, safety_reason=Marker.GGD_SAFETY_REASON),
        desk_slug="veilig-thuis-drenthe", deviation_reason=Marker.GGD_DEVIATION))
    vt, vt_actor = acting("veiligthuis")
    desks.accept(vt, vt_actor, route, now=LATER[6])
    desks.record_assessment(vt, vt_actor, route, "onderzoek", signaller_keeps_role=True,
                            safety_conditions=Marker.GGD_CONDITIONS_WITH_ROLE, now=LATER[7])
    desks.conclude_investigation(vt, vt_actor, route, "hulp-gestart", with_slug="mee-drenthe",
                                 signaller_keeps_role=True,
                                 safety_conditions=Marker.GGD_CONDITIONS_WITH_ROLE, now=LATER[8])
    desks.end_route(vt, vt_actor, route, now=LATER[9])
    return signal


def _as_text(feedback: Feedback) -> str:
    values = [str(getattr(feedback, f.attname)) for f in Feedback._meta.concrete_fields]
    values += [feedback.desk.name, feedback.with_organisation.name if feedback.with_organisation
               else "", feedback.get_moment_display()]
    return " | ".join(values)


def _notice_text(notice: Notice) -> str:
    return " | ".join([notice.title, notice.body, notice.link, notice.subject_key])


def test_teacher_hears_each_moment_and_nothing_of_anyone_elses_file(emmen):
    teachers = _teachers_signal()
    _doctors_signal()
    told = list(feedback_for(teachers))
    # VT accepted, VT assessed, CJG accepted, VT handed over (on the CJG's acceptance), CJG
    # assessed, help started, ended.
    assert len(told) == 7
    text = "\n".join(_as_text(f) for f in told)
    text += "\n".join(_notice_text(n) for n in Notice.objects.filter(
        recipient__user__username__in=["leerkracht", "aandacht-kristalla"]))
    leaked = [marker for marker in FORBIDDEN_FOR_TEACHER if marker in text]
    assert leaked == []
    assert {f.safety_conditions for f in told} == {""}


def test_the_doctor_keeps_a_role_and_hears_only_her_safety_conditions(emmen):
    _teachers_signal()
    doctors = _doctors_signal()
    told = list(feedback_for(doctors))
    # Accepted; assessed; the investigation concluded; help started; ended.
    assert [f.safety_conditions for f in told] == ["", *[Marker.GGD_CONDITIONS_WITH_ROLE] * 4]
    text = "\n".join(_as_text(f) for f in told)
    text += "\n".join(_notice_text(n) for n in Notice.objects.filter(
        recipient__user__username="jgz"))
    allowed = {Marker.GGD_CONDITIONS_WITH_ROLE}
    assert [m for m in FORBIDDEN_FOR_TEACHER if m in text and m not in allowed] == []


def test_no_notice_names_a_person_or_carries_a_bsn(emmen):
    teachers = _teachers_signal()
    _doctors_signal()
    names = [p.given_names for p in (person(DAAN), person(ANJA))] + [person(DAAN).surname]
    notices = list(Notice.objects.all())
    assert {n.recipient.user.username for n in notices} >= {"leerkracht", "jgz", "veiligthuis",
                                                              "teamleider-demonden"}
    for notice in notices:
        text = _notice_text(notice)
        assert not any(bsn in text for bsn in (DAAN, ANJA, EMMA)), text
        assert not any(name in text for name in names), text
        assert str(teachers.person.uuid) not in text


def test_feedback_is_built_only_from_structured_fields():
    """Guards the rule at its source: a new free-text field on Feedback must be a decision."""
    text_fields = {f.name for f in Feedback._meta.concrete_fields
                   if f.get_internal_type() in ("TextField", "CharField")}
    assert text_fields == {"moment", "safety_conditions"}
