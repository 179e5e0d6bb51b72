"""The committed sample cover letter, as the app writes it: the offline engine (``writer.py``,
no LLM, the guard included) on the fictional sample CV and offer of
``app/lib/pdf_render/letter_samples.py``.

The web app never imports the worker, so the sample's text is kept there as data;
``python -m jobs.letters.sample`` prints it again after a change of the engine (paste it over
``_LETTERS``), and ``tests/unit/test_letter_samples.py`` fails while the two differ. Then
``python -m app.lib.pdf_render.samples docs/samples`` and ``python -m
app.lib.docx_export.samples docs/samples`` regenerate ``letter.pdf`` and ``letter.docx``.
"""

from __future__ import annotations

import asyncio
import json
import textwrap

from app.lib.letter_content import LetterContent
from app.lib.pdf_render.letter_samples import SAMPLE_DATE, SAMPLE_OFFERS
from app.lib.pdf_render.samples import sample_cv
from jobs.letters.request import LetterRequest, WrittenLetter
from jobs.letters.writer import write_letter


def sample_request(locale: str = "en") -> LetterRequest:
    offer = SAMPLE_OFFERS[locale]
    return LetterRequest(
        cv=sample_cv(locale),
        offer_title=offer["title"],
        offer_company=offer["company"],
        offer_location=offer["location"],
        offer_text=offer["description"],
        offer_requirements=list(offer["requirements"]),
        offer_language=offer["language"],
        length="standard",
        tone="formal",
        template="",
        today=SAMPLE_DATE,
    )


async def sample_written(locale: str = "en") -> WrittenLetter:
    return await write_letter(sample_request(locale), None)


def engine_letters() -> dict[str, LetterContent]:
    return {locale: asyncio.run(sample_written(locale)).content for locale in SAMPLE_OFFERS}


def _string(text: str, indent: str) -> str:
    """A Python string literal, long ones cut into adjacent parts between parentheses."""
    parts = textwrap.wrap(text, 80, break_on_hyphens=False, break_long_words=False)
    if len(parts) < 2:
        return json.dumps(text, ensure_ascii=False)
    quoted = [json.dumps(p + (" " if i < len(parts) - 1 else ""), ensure_ascii=False)
              for i, p in enumerate(parts)]  # fmt: skip
    inner = "".join(f"\n{indent}    {q}" for q in quoted)
    return f"({inner}\n{indent})"


def python_literal(letters: dict[str, LetterContent]) -> str:
    """``letters`` as the ``_LETTERS`` literal of ``letter_samples.py``."""
    lines = ["{"]
    for locale, content in letters.items():
        lines.append(f'    "{locale}": {{')
        for key, value in content.to_json().items():
            if isinstance(value, list):
                items = "".join(f"\n            {_string(v, ' ' * 12)}," for v in value)
                lines.append(f'        "{key}": [{items}\n        ],')
            else:
                lines.append(f'        "{key}": {_string(str(value), " " * 8)},')
        lines.append("    },")
    lines.append("}")
    return "\n".join(lines)


if __name__ == "__main__":
    print(python_literal(engine_letters()))
