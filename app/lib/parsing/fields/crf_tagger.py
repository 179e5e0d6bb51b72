"""A trained CRF model file opened for tagging (python-crfsuite), shared by the learned parts of
the reader (field_labeller.py, line_roles.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def open_tagger(path: str) -> Any:
    """The model at ``path`` opened; None when it or python-crfsuite is missing."""
    if not Path(path).is_file():
        return None
    try:
        import pycrfsuite
    except ImportError:  # the rules work without it
        return None
    tagger = pycrfsuite.Tagger()
    tagger.open(path)
    return tagger
