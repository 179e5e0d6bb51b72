"""All ORM models; importing this package registers every table on ``Base.metadata``."""

from app.db.models.background_task import BackgroundTask
from app.db.models.base import Base
from app.db.models.credit import CreditTransaction
from app.db.models.cv import CvFile, CvVersion
from app.db.models.generation import CvGenerationOffer, CvGenerationSubtask, CvGenerationTask
from app.db.models.invitation import Invitation
from app.db.models.offer import JobOffer
from app.db.models.setting import Setting
from app.db.models.task_slot import TaskSlot
from app.db.models.user import ApiToken, User

__all__ = [
    "ApiToken",
    "BackgroundTask",
    "Base",
    "CreditTransaction",
    "CvFile",
    "CvGenerationOffer",
    "CvGenerationSubtask",
    "CvGenerationTask",
    "CvVersion",
    "Invitation",
    "JobOffer",
    "Setting",
    "TaskSlot",
    "User",
]
