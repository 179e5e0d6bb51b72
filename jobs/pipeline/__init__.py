"""Pipeline v2: per-offer multi-phase tailoring, in two layers.

``core/`` is the pure core (data in, data out: guards, rules, assembly, the offline engine);
the modules here do the effects around it: ``orchestrator`` runs a task's offers,
``phases.process_offer`` holds one offer's dependency order (one function per phase module),
``runner`` makes the phase calls and records their subtask rows, ``budget``/``lock``/``watch``
keep a run within its time, its worker and its user's cancel.
"""
