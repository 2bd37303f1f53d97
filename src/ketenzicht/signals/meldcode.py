"""The Meldcode's five steps as a guided, resumable workflow per signal (domain.md §3).

Each step is one dated dossier entry with its author, recorded in order; the guide can be left
and resumed at any time because the dossier *is* the state. Step 1 is recorded with the signal.
Step 3 may be skipped only with a reason. Step 4 is the afwegingskader, and step 5 follows it:
a decision to report shares the signal with Veilig Thuis in the same transaction.

Each open step has a deadline: a number of working days (default 5, per municipality) after the
previous step, shown in the guide and kept on the signal (``Signal.next_step``, ``step_due``) in
the step's transaction; ``deadlines`` reminds the professional and their aandachtsfunctionaris
when a signal is left lying.

The Meldcode is about domestic violence and child abuse: a signal only about an adult's own
circumstances (armoede, schulden, huisvesting; also zorgmijding or overig) without a concern
about a child has none (``Signal.meldcode_applies`` is False: no dossier, no steps, no
reminders). It goes to the sociaal gebiedsteam like any signal is shared.
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone

from ketenzicht.audit.models import EventType
from ketenzicht.audit.services import Actor, record
from ketenzicht.organisations.models import Professional
from ketenzicht.refusals import RefusalKind

from .access import is_signaller_side, signal_subject
from .decision_framework import REPORTING, allowed_decisions, weigh
from .models import (
    OPEN_ROUTE,
    Decision,
    DossierEntry,
    Evaluation,
    FrameworkOutcome,
    MeldcodeStep,
    Route,
    RouteKind,
    Signal,
    SignalStatus,
)
from .services import (
    ShareRequest,
    in_sentence,
    refuse,
    settings_for_person,
    share_signal,
    step_deadline,
)


@dataclass(frozen=True)
class NextStep:
    step: MeldcodeStep
    due: date


def dossier(signal: Signal) -> QuerySet[DossierEntry]:
    return signal.dossier.select_related("author__user").order_by("step")


def next_step(signal: Signal) -> NextStep | None:
    """The step to record now and its deadline; None when step 5 is done or the signal closed."""
    if signal.status == SignalStatus.CLOSED or signal.next_step is None:
        return None
    return NextStep(MeldcodeStep(signal.next_step), signal.step_due)


NOT_THE_MELDCODE = ("Dit signaal gaat alleen over de omstandigheden van een volwassene, zonder "
                    "zorg over een kind: de meldcode huiselijk geweld en kindermishandeling is "
                    "hier niet van toepassing.")


def _check_signaller_side(professional: Professional, signal: Signal) -> None:
    if not is_signaller_side(professional, signal):
        refuse("geen-melder", "Alleen de melder of de aandachtsfunctionaris van diens organisatie "
               "werkt de meldcode bij.", kind=RefusalKind.FORBIDDEN)
    if not signal.meldcode_applies:
        refuse("geen-meldcode", NOT_THE_MELDCODE, kind=RefusalKind.CONFLICT)


def _start_step(professional: Professional, signal: Signal, step: MeldcodeStep) -> Signal:
    """Lock the signal and check that this step is the one to record now, by someone allowed."""
    Signal.objects.select_for_update(of=("self",)).filter(pk=signal.pk).first()
    signal.refresh_from_db()
    _check_signaller_side(professional, signal)
    expected = next_step(signal)
    if expected is None:
        refuse("meldcode-afgerond", "De meldcode van dit signaal is afgerond.",
               kind=RefusalKind.CONFLICT)
    if step < expected.step:
        refuse("stap-al-vastgelegd", f"{MeldcodeStep(step).label} is al vastgelegd.", "stap",
               RefusalKind.CONFLICT)
    if step > expected.step:
        refuse("stap-niet-aan-de-beurt",
               f"Leg eerst {MeldcodeStep(expected.step).label.lower()} vast.", "stap",
               RefusalKind.CONFLICT)
    return signal


def _save(entry: DossierEntry, actor: Actor) -> DossierEntry:
    try:
        with transaction.atomic():
            entry.save()
    except IntegrityError:
        refuse("stap-al-vastgelegd", "Deze stap is zojuist al vastgelegd.", "stap",
               RefusalKind.CONFLICT)
    signal = entry.signal
    following = entry.step + 1 if entry.step < MeldcodeStep.DECISION else None
    signal.next_step = following
    signal.step_due = step_deadline(signal, entry.recorded_at) if following else None
    signal.save(update_fields=["next_step", "step_due"])
    record(actor, EventType.UPDATE, signal_subject(signal, stap=entry.step),
           purpose=f"meldcode stap {entry.step}")
    return entry


@transaction.atomic
def record_consultation(
    professional: Professional, actor: Actor, signal: Signal, *, safeguarding_lead: bool,
    veilig_thuis: bool, outcome: str, agreements: str, coordinator: str, notes: str = "",
    now: datetime | None = None,
) -> DossierEntry:
    """Step 2: who was consulted (aandachtsfunctionaris and/or Veilig Thuis), with what outcome,
    who does what, and who coordinates."""
    signal = _start_step(professional, signal, MeldcodeStep.CONSULTATION)
    if not (safeguarding_lead or veilig_thuis):
        refuse("geen-consultatie", "Raadpleeg de aandachtsfunctionaris en/of vraag advies aan "
               "Veilig Thuis.", "geraadpleegd")
    for value, code, text, name in (
        (outcome, "uitkomst-ontbreekt", "Leg de uitkomst van de consultatie vast.", "uitkomst"),
        (agreements, "afspraken-ontbreken", "Leg vast wie wat doet.", "afspraken"),
        (coordinator, "coordinator-ontbreekt", "Leg vast wie coördineert.", "coordinator"),
    ):
        if not value.strip():
            refuse(code, text, name)
    return _save(DossierEntry(
        signal=signal, step=MeldcodeStep.CONSULTATION, author=professional,
        recorded_at=now or timezone.now(), notes=notes.strip(),
        consulted_safeguarding_lead=safeguarding_lead, consulted_veilig_thuis=veilig_thuis,
        consultation_outcome=outcome.strip(), agreements=agreements.strip(),
        coordinator=coordinator.strip(),
    ), actor)


@transaction.atomic
def record_conversation(
    professional: Professional, actor: Actor, signal: Signal, *, notes: str = "",
    skipped: bool = False, skip_reason: str = "", now: datetime | None = None,
) -> DossierEntry:
    """Step 3: the conversation with those involved, or — only with a reason — skipped because
    it would endanger someone."""
    signal = _start_step(professional, signal, MeldcodeStep.CONVERSATION)
    if skipped and not skip_reason.strip():
        refuse("reden-overslaan-ontbreekt", "Stap 3 mag alleen worden overgeslagen met een reden: "
               "leg vast waarom het gesprek iemand in gevaar brengt.", "redenOverslaan")
    if not skipped and not notes.strip():
        refuse("gesprek-ontbreekt", "Leg vast wat er in het gesprek is besproken.", "aantekeningen")
    return _save(DossierEntry(
        signal=signal, step=MeldcodeStep.CONVERSATION, author=professional,
        recorded_at=now or timezone.now(), notes=notes.strip(), skipped=skipped,
        skip_reason=skip_reason.strip() if skipped else "",
    ), actor)


@transaction.atomic
def record_weighing(
    professional: Professional, actor: Actor, signal: Signal,
    answers: tuple[bool | None, ...], notes: str = "", now: datetime | None = None,
) -> DossierEntry:
    """Step 4: the afwegingskader. Only the answers the tree asks for are kept."""
    signal = _start_step(professional, signal, MeldcodeStep.WEIGHING)
    weighing = weigh(answers)
    if weighing.outcome is None:
        refuse("afwegingskader-onvolledig",
               f"Beantwoord vraag {weighing.next_question} van het afwegingskader.",
               f"vraag{weighing.next_question}")
    q1, q2, q3, q4, q5 = weighing.answers
    return _save(DossierEntry(
        signal=signal, step=MeldcodeStep.WEIGHING, author=professional,
        recorded_at=now or timezone.now(), notes=notes.strip(),
        q1_suspicion=q1, q2_acute_or_structural=q2, q3_can_organise_help=q3,
        q4_help_accepted=q4, q5_help_achieves_safety=q5, framework_outcome=weighing.outcome,
    ), actor)


@dataclass(frozen=True)
class DecisionResult:
    entry: DossierEntry | Evaluation
    report: Route | None


@transaction.atomic
def record_decision(
    professional: Professional, actor: Actor, signal: Signal, decision: str, notes: str = "",
    share: ShareRequest | None = None, now: datetime | None = None,
    evaluate_on: date | None = None,
) -> DecisionResult:
    """Step 5: decide as the afwegingskader leads. Reporting shares the signal with Veilig Thuis
    (consent, or the safety reason for reporting without it, comes with ``share``); closing
    closes the signal; organising help sets the date on which question 5 is answered."""
    now = now or timezone.now()
    signal = _start_step(professional, signal, MeldcodeStep.DECISION)
    outcome = FrameworkOutcome(signal.dossier.get(step=MeldcodeStep.WEIGHING).framework_outcome)
    if decision not in Decision.values or decision not in allowed_decisions(outcome):
        allowed = ", ".join(in_sentence(Decision(d).label) for d in sorted(allowed_decisions(outcome)))
        refuse("besluit-past-niet", f"Na het afwegingskader ({in_sentence(outcome.label)}) kunt u "
               f"kiezen uit: {allowed}.", "besluit")
    if decision == Decision.ORGANISE_HELP and (
        evaluate_on is None or evaluate_on <= timezone.localdate(now)
    ):
        refuse("evaluatiedatum-ontbreekt", "Leg vast wanneer u evalueert of de hulp tot de nodige "
               "veiligheid leidt (vraag 5): een datum na vandaag.", "evaluerenOp")
    entry = _save(DossierEntry(signal=signal, step=MeldcodeStep.DECISION, author=professional,
                               recorded_at=now, notes=notes.strip(), decision=decision), actor)
    report = None
    if decision in REPORTING:
        report = _report(professional, actor, signal, share, now, "Besluit in stap 5 van de "
                         "meldcode: melden.")
    elif decision == Decision.ORGANISE_HELP:
        Signal.objects.filter(pk=signal.pk).update(evaluate_on=evaluate_on)
    else:
        _close_unless_shared(signal, now)
    signal.refresh_from_db()
    return DecisionResult(entry, report)


def _report(professional: Professional, actor: Actor, signal: Signal, share: ShareRequest | None,
            now: datetime, reason: str) -> Route:
    """Report to Veilig Thuis, or link to the report already made (an acute one, earlier)."""
    existing = _open_report(signal)
    if existing is not None:
        return existing
    if share is None:
        refuse("melding-ontbreekt", "Leg vast op welke grondslag u meldt bij Veilig Thuis.",
               "toestemming")
    return share_signal(professional, actor, signal, ShareRequest(
        consent=share.consent,
        desk_slug=settings_for_person(signal.person, signal.organisation)[0].report_desk.slug,
        deviation_reason=share.deviation_reason or reason,
    ), now)


def _close_unless_shared(signal: Signal, now: datetime) -> None:
    """The signaller closes a signal no desk works on; otherwise the desks' routes decide."""
    if not signal.routes.filter(OPEN_ROUTE).exclude(kind=RouteKind.ADVICE).exists():
        Signal.objects.filter(pk=signal.pk).update(status=SignalStatus.CLOSED, closed_at=now,
                                                   evaluate_on=None)


@transaction.atomic
def record_evaluation(
    professional: Professional, actor: Actor, signal: Signal, *, achieves_safety: bool,
    notes: str = "", share: ShareRequest | None = None, now: datetime | None = None,
) -> DecisionResult:
    """Question 5, at the agreed time: does the help bring the needed safety? Yes: close the
    help with agreements on monitoring. No: report to Veilig Thuis (domain.md §3)."""
    now = now or timezone.now()
    Signal.objects.select_for_update(of=("self",)).filter(pk=signal.pk).first()
    signal.refresh_from_db()
    _check_signaller_side(professional, signal)
    if signal.evaluate_on is None:
        refuse("geen-evaluatie", "Er staat voor dit signaal geen evaluatie van de hulp open.",
               kind=RefusalKind.CONFLICT)
    Evaluation.objects.create(signal=signal, author=professional, recorded_at=now,
                              help_achieves_safety=achieves_safety, notes=notes.strip())
    Signal.objects.filter(pk=signal.pk).update(evaluate_on=None)
    record(actor, EventType.UPDATE, signal_subject(signal, vraag5=achieves_safety),
           purpose="meldcode: evaluatie van de hulp (vraag 5)")
    report = None
    if achieves_safety:
        _close_unless_shared(signal, now)
    else:
        report = _report(professional, actor, signal, share, now, "Evaluatie (vraag 5): de hulp "
                         "leidt niet tot de nodige veiligheid: melden.")
    signal.refresh_from_db()
    return DecisionResult(signal.evaluation, report)


def _open_report(signal: Signal) -> Route | None:
    """A report already made (e.g. an acute one before the Meldcode was done): step 5's decision
    to report is that report, not a second one."""
    return signal.routes.filter(OPEN_ROUTE, kind=RouteKind.REPORT).first()
