"""Portraits for CVs: hostile uploads refused, everything else decoded and re-encoded
(``clean.py``), and a portrait found on an imported PDF's first page (``portrait.py``)."""
