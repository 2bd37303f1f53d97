"""The plans app's records, one module per part of the work (as the glossary names them):
the case and the caseload (``cases``), the intake with its risk questions (``intake``), the risk
assessment of the whole household (``assessment``), consultations and the MDO (``meetings``) and
the household plan (``household_plan``)."""

from .assessment import (
    LOW_SAFETY_SCORE,
    ChildAssessment,
    DangerStatement,
    FollowUp,
    LifeArea,
    LifeAreaJudgement,
    RiskAssessment,
    SafetyScore,
    Scorer,
)
from .cases import (
    Applicant,
    Arrival,
    ArrivalKind,
    Case,
    CaseHandover,
    CaseSettings,
    CaseStatus,
    Channel,
    CloseReason,
    Milestone,
)
from .household_plan import (
    Accountability,
    AccountabilityStage,
    ActionHolder,
    HouseholdPlan,
    PlanAction,
    PlanCloseReason,
    PlanConcern,
    PlanGoal,
    PlanMember,
    PlanStatus,
    PlanVersion,
)
from .intake import (
    DEFAULT_RISK_QUESTIONS,
    Intake,
    ParentsRegie,
    RiskAnswer,
    RiskQuestionnaire,
    RiskScreening,
    ScreeningMoment,
)
from .meetings import ConsultantRole, Meeting, MeetingKind, MeetingParticipant, SharingBasis

__all__ = [
    "DEFAULT_RISK_QUESTIONS", "LOW_SAFETY_SCORE", "Accountability", "AccountabilityStage", "ActionHolder",
    "Applicant", "Arrival", "ArrivalKind", "Case", "CaseHandover", "CaseSettings", "CaseStatus", "Channel",
    "ChildAssessment", "CloseReason", "ConsultantRole", "DangerStatement", "FollowUp", "HouseholdPlan",
    "Intake", "LifeArea", "LifeAreaJudgement", "Meeting", "MeetingKind", "MeetingParticipant", "Milestone",
    "ParentsRegie", "PlanAction", "PlanCloseReason", "PlanConcern", "PlanGoal", "PlanMember", "PlanStatus",
    "PlanVersion", "RiskAnswer", "RiskAssessment", "RiskQuestionnaire", "RiskScreening", "SafetyScore",
    "Scorer", "ScreeningMoment", "SharingBasis",
]
