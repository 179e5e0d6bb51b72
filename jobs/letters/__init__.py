"""Cover letters: the text of one letter for one (CV, offer) pair, honest by construction.

``writer.write_letter`` picks the engine (the user's template, the LLM, or the offline
template letter), and every engine's output passes the same fact guard against the source CV
(``core/guard.py``). The pure parts live in ``core/`` (no I/O); ``llm.py`` calls the model.
"""
