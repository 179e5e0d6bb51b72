"""All ORM models; importing this package registers every table on ``Base.metadata``."""

from app.db.models.achievement import Achievement, AchievementStatus
from app.db.models.application import (
    Application,
    ApplicationNote,
    ApplicationStatus,
    ApplicationStatusChange,
    SentDocument,
)
from app.db.models.ats_check import AtsCheck, AtsCheckStatus
from app.db.models.background_task import BackgroundTask
from app.db.models.base import Base
from app.db.models.coach import CoachConversation, CoachStatus
from app.db.models.cover_letter import CoverLetter, CoverLetterVersion, LetterStatus
from app.db.models.credit import CreditTransaction
from app.db.models.cv import CvFile, CvVersion
from app.db.models.generation import CvGenerationOffer, CvGenerationSubtask, CvGenerationTask
from app.db.models.invitation import Invitation
from app.db.models.job_search import FeedSource, InboxItem, InboxStatus, SavedSearch
from app.db.models.mailbox import (
    MailboxAccount,
    MailReply,
    MailSecurity,
    ReplyKind,
    ReplyState,
)
from app.db.models.offer import JobOffer
from app.db.models.password_reset import PasswordReset
from app.db.models.photo import UserPhoto
from app.db.models.pitch import Pitch, PitchKind, PitchStatus
from app.db.models.setting import Setting
from app.db.models.task_slot import TaskSlot
from app.db.models.user import ApiToken, User
from app.db.models.user_llm_endpoint import UserLlmEndpoint

__all__ = [
    "Achievement",
    "AchievementStatus",
    "ApiToken",
    "Application",
    "ApplicationNote",
    "ApplicationStatus",
    "ApplicationStatusChange",
    "AtsCheck",
    "AtsCheckStatus",
    "BackgroundTask",
    "Base",
    "CoachConversation",
    "CoachStatus",
    "CoverLetter",
    "CoverLetterVersion",
    "CreditTransaction",
    "CvFile",
    "CvGenerationOffer",
    "CvGenerationSubtask",
    "CvGenerationTask",
    "CvVersion",
    "FeedSource",
    "InboxItem",
    "InboxStatus",
    "Invitation",
    "JobOffer",
    "LetterStatus",
    "MailReply",
    "MailSecurity",
    "MailboxAccount",
    "PasswordReset",
    "Pitch",
    "PitchKind",
    "PitchStatus",
    "ReplyKind",
    "ReplyState",
    "SavedSearch",
    "SentDocument",
    "Setting",
    "TaskSlot",
    "User",
    "UserLlmEndpoint",
    "UserPhoto",
]
