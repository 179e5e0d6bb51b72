"""Source CVs: import (PDF, JSON Resume, pasted text), review and edit, versions, export."""
