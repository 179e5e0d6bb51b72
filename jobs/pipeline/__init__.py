"""Pipeline v2: per-offer multi-phase tailoring (seed ``cv-pipeline-v2-tech-spec``).

``orchestrator`` shows the dependency order in one place; each phase module holds one function.
"""
