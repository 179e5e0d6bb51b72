"""The offline engine: a pitch assembled from frames (wording.py) and the user's own sentences.

Blocks in speaking order: hello (name and current title), the most relevant experience and its
strongest lines, the achievements (the 30-second pitch: the first one's title and result; the
3-minute pitch: each one's four STAR sentences), a second experience, skills, education,
languages, why this target, the closing. The hello, the target and the closing are always
there; the others are taken by rank, each only while the pitch stays under its most words
(request.MAX_WORDS) and until it reaches its target, so a thin CV gives a shorter pitch, never
a padded one. Quoted lines are the CV's and the achievements' own: the pitch is written in the
CV's language, and a line or a sentence of the other language is left out, a name of the other
language quoted (jobs/letters/core/prose_language.py); names and titles written in capitals
are said as a sentence writes them (jobs/letters/core/prose_case.py), as in the letters.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.lib.cv_content import CvContent, Experience, Project
from app.lib.matching.relevance import OfferNeeds, item_text
from app.lib.speech import word_count
from jobs.letters.core.facts import is_statement, is_study
from jobs.letters.core.frame import cv_language
from jobs.letters.core.offline import as_clause
from jobs.letters.core.prose_case import prose_name, prose_title
from jobs.letters.core.prose_language import in_language
from jobs.letters.core.target import offer_needs
from jobs.pipeline.core.text import sentences
from jobs.pitches import wording
from jobs.pitches.evidence import target_context
from jobs.pitches.request import MAX_WORDS, TARGET_WORDS, PitchRequest, Story
from jobs.pitches.verbs import opens_on_verb


@dataclass(frozen=True)
class Block:
    rank: int  # lower is taken first; 0: always there
    sentences: tuple[str, ...]
    group: int = 0  # consecutive blocks of one group make one paragraph (3-minute pitch)

    @property
    def words(self) -> int:
        return sum(word_count(s) for s in self.sentences)


def pitch_language(request: PitchRequest) -> str:
    """The offline pitch quotes the CV as written: the CV's language."""
    default = request.language if request.language in wording.WORDING else "en"
    return cv_language(request.cv, default=default)


def _sentence(text: str) -> str:
    """One of the user's lines as a sentence: a capital, a final stop, and its words in
    capitals ("CLIENT MANAGEMENT") as a name is written (acronyms stay)."""
    text = prose_name(" ".join(text.split()).strip())
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else f"{text}."


def _needs(request: PitchRequest) -> OfferNeeds | None:
    if not (request.offer_title or request.offer_text):
        return None
    return offer_needs(request, request.language)


def _ranked_items(cv: CvContent, needs: OfferNeeds | None) -> list[Experience | Project]:
    """Experiences (projects without any), the most relevant to the offer first; the CV's order
    without an offer."""
    pool: list[Experience | Project] = list(cv.experience) or list(cv.projects)
    if needs is None:
        return pool
    scored = sorted(
        enumerate(pool), key=lambda entry: (-needs.score(item_text(entry[1])), entry[0])
    )
    return [item for _, item in scored]


def _ranked_stories(stories: tuple[Story, ...], needs: OfferNeeds | None) -> list[Story]:
    """The achievements that show the most of what the offer asks for first (the bank's order
    on ties, and without an offer)."""
    if needs is None:
        return list(stories)
    scored = [
        (-needs.score(f"{s.title}\n{s.sentences_text()}\n{' '.join(s.skills)}"), i, s)
        for i, s in enumerate(stories)
    ]
    return [story for _, _, story in sorted(scored, key=lambda entry: entry[:2])]


def _lines(
    item: Experience | Project, needs: OfferNeeds | None, count: int, language: str
) -> list[str]:
    raw = item.bullets if any(b.strip() for b in item.bullets) else sentences(item.description)
    said = in_language([line for line in raw if is_statement(line)], language)
    usable = [(i, line.strip()) for i, line in enumerate(said)]
    if needs is not None:
        usable.sort(key=lambda entry: (-needs.score(entry[1]), entry[0]))
    return [line for _, line in usable[:count]]


def _spoken(text: str, language: str) -> str:
    """One of the user's sentences as said: an English one that opens on the candidate's verb
    ("Cut latency by 35%", jobs/pitches/verbs.py) gets its "I"; others are said as written."""
    sentence = _sentence(text)
    if language == "en" and opens_on_verb(sentence):
        return f"I {sentence[:1].lower()}{sentence[1:]}"
    return sentence


def _line_sentence(line: str, language: str, first: bool) -> str:
    """A CV line in the pitch: said with "I" only when it opens on the candidate's verb
    (jobs/pitches/verbs.py), else quoted as a fact, in a frame ("In that role: …")."""
    clause = as_clause(line)
    if language == "en" and opens_on_verb(clause):
        return f"I {clause[:1].lower()}{clause[1:]}."
    return wording.text(language, "line" if first else "line.next", line=clause)


def _first_said(language: str, options: list[tuple[str, dict[str, str]]]) -> str:
    """The first frame whose slots all have a value and that can be said ("" when a name of
    the other language is too long to quote: ``wording.text``), "" when none."""
    for key, slots in options:
        if all(v.strip() for v in slots.values()):
            said = wording.text(language, key, **slots)
            if said:
                return said
    return ""


def _role_sentence(item: Experience | Project, language: str, first: bool) -> str:
    if isinstance(item, Project):
        return ""
    title, company = item.title.strip(), item.company.strip()
    key = "now.title_company" if first and item.current else "past.title_company"
    return _first_said(
        language,
        [
            (key, {"title": title, "company": company}),
            ("past.title", {"title": title}),
            ("past.company", {"company": company}),
        ],
    )


def _item_block(
    item: Experience | Project, needs: OfferNeeds | None, language: str, first: bool, lines: int
) -> tuple[str, ...]:
    found = _lines(item, needs, lines, language)
    quoted = [_line_sentence(line, language, i == 0) for i, line in enumerate(found)]
    role = _role_sentence(item, language, first)  # "" for a project: its lines say it
    return tuple(s for s in (role, *quoted) if s)


def _story_block(story: Story, language: str, first: bool, short: bool) -> tuple[str, ...]:
    key = "story.title" if first else "story.title_next"
    head = wording.text(language, key, title=story.title.strip().rstrip(".")) if story.title else ""
    parts = [story.result] if short else [story.situation, story.task, story.action, story.result]
    told = [s for part in parts for s in sentences(part) or [part] if s.strip()]
    said = [_spoken(s, language) for s in in_language(told, language)]
    if told and not said:
        return ()  # all of it in the other language: a title alone tells nothing
    return tuple(s for s in (head, *said) if s)


def _hello(cv: CvContent, language: str) -> str:
    name, title = cv.header.name.strip(), cv.header.current_title.strip()
    if title and (is_study(title) or not prose_title(title, language)):
        title = ""  # studies, or a headline listing fields ("DATA · WEB"), are no title held
    said = _first_said(
        language,
        [
            ("hello.name_title", {"name": name, "title": title}),
            ("hello.name", {"name": name}),
            ("hello.title", {"title": title}),
        ],
    )
    return said or wording.text(language, "hello.plain")


def _target(request: PitchRequest, language: str) -> str:
    role, company = request.offer_title.strip(), request.offer_company.strip()
    said = _first_said(
        language,
        [
            ("target.role_company", {"role": role, "company": company}),
            ("target.role", {"role": role}),
            ("target.company", {"company": company}),
        ],
    )
    if said or role or company:
        return said
    context = target_context(request)
    return wording.text(language, "target.context", context=context) if context else ""


def _middle(request: PitchRequest, language: str, short: bool) -> list[Block]:
    """The blocks between the hello and the target, in speaking order, each with its rank."""
    cv = request.cv
    needs = _needs(request)
    items = _ranked_items(cv, needs)
    blocks: list[Block] = []
    if not short and cv.summary.strip():
        opening = [s for s in sentences(cv.summary)[:3] if is_statement(s)]
        said = tuple(_sentence(s) for s in in_language(opening, language))
        blocks.append(Block(12, said, group=0))
    if items:
        first = _item_block(items[0], needs, language, True, 1 if short else 4)
        blocks.append(Block(1, first, group=1))
    for index, story in enumerate(_ranked_stories(request.stories, needs)[: 1 if short else 4]):
        told = _story_block(story, language, index == 0, short)
        blocks.append(Block(2 + index * 2, told, group=2 + index))
    if short:
        return blocks
    for index, item in enumerate(items[1:4]):
        said = _item_block(item, needs, language, False, 3)
        blocks.append(Block(3 + index * 2, said, group=10))
    skills = [prose_name(s.name.strip()) for s in cv.skills if s.name.strip()][:6]
    listed = wording.join_list(skills, language)
    blocks.append(Block(9, _said(language, "skills", skills=listed), group=11))
    for education in cv.education[:1]:
        degree, school = education.degree.strip(), education.institution.strip()
        blocks.append(Block(10, _said(language, "education", degree=degree, school=school), 11))
    spoken = [x.name.strip() for x in cv.languages if x.name.strip()][:4]
    if len(spoken) > 1:
        listed = wording.join_list(spoken, language)
        blocks.append(Block(11, _said(language, "languages", languages=listed), group=11))
    return blocks


def _said(language: str, key: str, **slots: str) -> tuple[str, ...]:
    """A block's one sentence, none when a slot is empty or it cannot be said."""
    said = _first_said(language, [(key, slots)])
    return (said,) if said else ()


def choose(blocks: list[Block], target: int, most: int) -> list[Block]:
    """The always-there blocks, then the others by rank while under the target and the most."""
    total = sum(b.words for b in blocks if b.rank == 0)
    taken = {id(b) for b in blocks if b.rank == 0}
    for block in sorted((b for b in blocks if b.rank), key=lambda b: b.rank):
        if total >= target:
            break
        if block.sentences and total + block.words <= most:
            taken.add(id(block))
            total += block.words
    return [b for b in blocks if id(b) in taken]


def offline_pitch(request: PitchRequest) -> tuple[list[str], str]:
    """The pitch's paragraphs (one for 30 seconds; one a block for 3 minutes) and its
    language."""
    language = pitch_language(request)
    short = request.kind == "30s"
    closing = wording.text(language, "close.short" if short else "close.long")
    blocks = [
        Block(0, (_hello(request.cv, language),)),
        *_middle(request, language, short),
        Block(0, tuple(s for s in (_target(request, language),) if s), group=12),
        Block(0, (closing,), group=12),
    ]
    chosen = choose(blocks, TARGET_WORDS[request.kind], MAX_WORDS[request.kind])
    if short:
        return [" ".join(s for block in chosen for s in block.sentences)], language
    grouped: dict[int, list[str]] = {}
    for block in chosen:
        grouped.setdefault(block.group, []).extend(block.sentences)
    return [" ".join(grouped[g]) for g in sorted(grouped) if grouped[g]], language
