"""The task kernel: what every background task shares, whatever its kind.

The registry of task kinds (``registry``), the per-type concurrency slot (``slots``), credits
(``billing``), the life of a task-centre row (``lifecycle``), stopping its arq job (``abort``)
and what a user does to it (``actions``). Statuses are the rows' own vocabulary
(app/db/models/status.py). The kernel knows no feature: each registers its kind here
(docs/tasks.md).
"""
