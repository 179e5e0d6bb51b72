"""arq logs every job's start and end at INFO; the recovery sweep runs every 10 s.

Those two lines for a routine sweep would drown the log, so they are demoted to DEBUG here.
A sweep that recovered something says so itself, at INFO with its counts (jobs/recovery.py).
Failures keep arq's own level.
"""

from __future__ import annotations

import logging

ARQ_LOGGER = "arq.worker"
ROUTINE_CRONS = frozenset({"cron:recover_lost_jobs"})


class QuietRoutineCron(logging.Filter):
    """Turns arq's INFO start/end lines of the routine crons into DEBUG records."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno != logging.INFO or not _is_routine(record):
            return True
        # The logger's level was checked for INFO already: check it again for DEBUG.
        if not logging.getLogger(record.name).isEnabledFor(logging.DEBUG):
            return False
        record.levelno, record.levelname = logging.DEBUG, logging.getLevelName(logging.DEBUG)
        return True


def _is_routine(record: logging.LogRecord) -> bool:
    # arq's lines carry the job's reference as an argument: the cron's name, or
    # "<job id>:<function name>".
    args = record.args if isinstance(record.args, tuple) else ()
    return any(
        isinstance(arg, str)
        and (arg in ROUTINE_CRONS or arg.endswith(tuple(f":{name}" for name in ROUTINE_CRONS)))
        for arg in args
    )


def install() -> None:
    """Once per process; a second call adds nothing."""
    logger = logging.getLogger(ARQ_LOGGER)
    if not any(isinstance(f, QuietRoutineCron) for f in logger.filters):
        logger.addFilter(QuietRoutineCron())
