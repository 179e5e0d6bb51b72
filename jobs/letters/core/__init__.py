"""The letter writer's pure parts (no I/O: no database, Redis, queue or LLM client): the facts
chosen from the CV, the wordings, the offline and template engines, the guard and its policy."""
