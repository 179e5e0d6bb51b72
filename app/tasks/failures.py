"""How a task's job fails for good, whatever its kind: its input cannot be used (a file nothing
can be read from), or something unexpected broke it. The job kernel (jobs/task_job.py) ends the
task with the problem either gives, so it knows no feature: the features raise these."""

from __future__ import annotations

from typing import Any

from app.lib.i18n import N_
from app.lib.problems import problem

UNEXPECTED = N_("The import failed unexpectedly. Try again; if it keeps failing, paste the text.")


class UnusableInput(Exception):
    """Nothing can be made of this input; the message says why (and what to do)."""

    def __init__(self, code: str, template: str, **values: Any) -> None:
        super().__init__(template % values if values else template)
        self.code = code
        self.template = template
        self.values = values

    def as_problem(self) -> dict[str, Any]:
        return problem(self.code, self.template, "error", **self.values)
