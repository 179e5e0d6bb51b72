"""What the offer page asks the user to confirm: the title, company and place the reader chose,
the other values the ad gives for each, and the fields it doubts.

The title and company name the files, the letter, the board card and the calendar entry, so a
guess is worth a question. A field is doubted when the reader found no value, when its value
came from weak evidence (a title's dash part, the address, a name the ad only mentions:
``offer_company.WEAK_SOURCES``), or when the ad gives other plausible values for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.lib.parsing.offers.offer_company import WEAK_SOURCES
from app.lib.text_forms import fold

FIELDS = ("title", "company", "location")
MAX_CANDIDATES = 4
LONG_TITLE_WORDS = 10


@dataclass(slots=True)
class HeaderReading:
    title: str = ""
    company: str = ""
    location: str = ""
    company_source: str = "none"
    title_line_parts: int = 1  # parts of the line the title was read from ("A - B - C": 3)
    candidates: dict[str, list[str]] = field(default_factory=dict)  # field → other values
    company_contested: bool = False  # another name the ad repeats as often as the chosen one
    no_requirement: bool = False

    @property
    def doubts(self) -> list[str]:
        """The fields to confirm, in page order."""
        title_unsure = (
            not self.title
            or len(self.title.split()) > LONG_TITLE_WORDS
            or (self.title_line_parts > 1 and bool(self.candidates.get("title")))
        )
        company_unsure = (
            not self.company or self.company_source in WEAK_SOURCES or self.company_contested
        )
        return [f for f, unsure in (("title", title_unsure), ("company", company_unsure)) if unsure]


def others(chosen: str, values: list[str]) -> list[str]:
    """``values`` other than ``chosen`` and each other (case and accents aside), in order."""
    seen = {fold(chosen).strip()}
    out: list[str] = []
    for value in values:
        key = fold(value).strip()
        if key and key not in seen:
            seen.add(key)
            out.append(value.strip())
    return out[:MAX_CANDIDATES]
