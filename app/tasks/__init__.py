"""The task kernel: what every background task shares, whatever its kind.

The registry of task kinds (``registry``), the per-type concurrency slot (``slots``) and the
per-user caps of a kind without one (``caps``), credits (``billing``), the life of a task-centre
row (``lifecycle``), the jobs it has had (``job_ids``), stopping them (``abort``), recovering
it when its job is lost (``queue``, ``recovery``) and what a user does to it (``actions``).
Statuses are the rows' own vocabulary (app/db/models/status.py). The kernel knows no feature:
each registers its kind here (docs/tasks.md).
"""
