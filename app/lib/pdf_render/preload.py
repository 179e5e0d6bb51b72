"""Imported once by the render server: WeasyPrint (~0.7 s to import) and a warm-up layout of
the sample CV and cover letter in every design and language (fontconfig, every font face, Pango,
compiled templates), so each forked render starts hot and only pays for its own layout."""

from __future__ import annotations

import gc
import logging

from app.lib.pdf_render.designs import CV_LOCALES, DESIGNS
from app.lib.pdf_render.fit import render_to_budget
from app.lib.pdf_render.letter import letter_payload
from app.lib.pdf_render.letter_fit import render_letter_to_page
from app.lib.pdf_render.letter_samples import sample_header, sample_letter
from app.lib.pdf_render.samples import sample_cv


def _warm_up() -> None:
    for design in DESIGNS:
        for locale in CV_LOCALES:
            render_to_budget(
                sample_cv(locale).to_json(),
                design=design,
                locale=locale,
                page_budget=2,
                relevance=None,
            )
            render_letter_to_page(
                letter_payload(sample_letter(locale), sample_header(locale)),
                design=design,
                locale=locale,
            )


try:
    _warm_up()
except Exception:  # a failed warm-up only costs speed; the render itself will report errors
    logging.getLogger(__name__).exception("render warm-up failed")
# Collect once, then keep the survivors out of future collections: a child's GC would otherwise
# touch (and so copy) every page of the server's heap after the fork.
gc.collect()
gc.freeze()
