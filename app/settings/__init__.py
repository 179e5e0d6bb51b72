"""Run-time settings: the values an admin edits on the settings page, read by every feature.

``registry`` names each setting and its default, ``service`` reads and writes the ``Setting``
table, ``llm_endpoint`` turns them (or the environment) into the endpoint the LLM engine calls.
This package sits below the features (``app/domain/``) so any of them may read a setting without
importing the admin feature, which keeps only the pages that edit them.
"""
