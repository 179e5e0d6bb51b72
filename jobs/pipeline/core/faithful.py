"""A sentence in the other language than its item, held to the one source sentence it translates.

Judged against its whole item, a translation looks like new text: it shares no stems with its
source, and the cognate test (``item_claims.MIN_TRANSLATED_SHARE``) refused faithful ones the
local model wrote ("Modeling and body care" for "Réalisation de modelages et de soins corps").
Held to the sentence it translates it can be judged closely: every number and name is that
sentence's (or the item's title, employer and place), every job concept it names is one the
sentence names or one whose words trace back to it, it is not much longer, and most of its words
trace back to that sentence's words by stem, letters or the dictionary
(``app/lib/matching/bilingual.py``). Such a sentence is the author's claim in the CV's language.

A translation standing for a whole field (``core/translation.py``) or an evidence bullet
(``core/keep.py``) must also leave nothing out (``dropped``): the local model turned "computer
vision algorithms" into "algorithmes de vision", and the bullet no longer showed what the ad
asked for.
"""

from __future__ import annotations

from app.lib.matching.bilingual import traced_share
from app.lib.matching.terms import content_words
from app.lib.matching.vocabulary import Vocabulary, form_language
from app.lib.text_forms import fold, squash
from jobs.pipeline.core.item_text import ItemText
from jobs.pipeline.core.mixed_language import dictionary_language
from jobs.pipeline.core.text import contains_phrase, guess_language, sentences

# Share of a translation's content words traced to its source sentence: the local model's
# faithful translations 0.64–1.0, sentences about something else 0.0–0.4 (tests/unit/
# test_faithful_translation.py has both shapes).
MIN_TRACED = 0.6
# And at most this many words that trace back to nothing: a long sentence with a few words of its
# own glued on ("… pour des clients bancaires") is not a translation of it.
MAX_UNTRACED = 4  # "Prise en charge" (2 words) for "Addressed" is one of them
# A translation may use more words than its source ("mise en œuvre" for "implementation"),
# not add a clause: at most this many content words per source word, plus the slack.
MAX_GROWTH = 1.5
GROWTH_SLACK = 2
MIN_CONCEPT_TRACED = 0.5  # of the words naming a concept the source sentence does not name
MIN_WORDS = 2


def translated_source(sentence: str, own: ItemText, vocabulary: Vocabulary) -> str | None:
    """The sentence of ``own`` that ``sentence`` faithfully translates, or None."""
    words = content_words(sentence)
    if len(words) < MIN_WORDS:
        return None
    header = content_words(own.header)
    for source in _candidates(own):
        source_words = content_words(source)
        if len(words) > MAX_GROWTH * len(source_words) + GROWTH_SLACK:
            continue
        pool = source_words + header
        share = traced_share(words, pool)
        if share < MIN_TRACED or round((1 - share) * len(words)) > MAX_UNTRACED:
            continue
        if _facts_held(sentence, source, own.header) and _concepts_held(
            sentence, source, pool, vocabulary
        ):
            return source
    return None


def translates(text: str, source: str, vocabulary: Vocabulary) -> bool:
    """``text`` is a faithful translation of the one sentence (or bullet) ``source``, and
    leaves nothing of it out."""
    found = translated_source(text, ItemText(source), vocabulary) is not None
    return found and not dropped(text, source, vocabulary)


def dropped(text: str, source: str, vocabulary: Vocabulary) -> list[str]:
    """What the translation ``text`` leaves out of ``source``: its numbers, its tools (written
    the same in every language), and the job terms it names that have a translation in the
    vocabulary (``terms_for``: a concept worded any other way, or found only by words apart,
    might be translated any way)."""
    language = _language_of(text)
    missing = sorted(figures(source) - figures(text))
    found = vocabulary.concepts_in(text)
    found = found | vocabulary.implied(found)
    termed = {concept for concept, _, _ in _terms(source, language, vocabulary)}
    for concept in sorted(vocabulary.concepts_in(source) - found):
        if vocabulary.is_tool(concept) or concept in termed:
            missing.append(vocabulary.label(concept))
    return missing


def figures(text: str) -> frozenset[str]:
    """The numbers of ``text`` ("1 200" as "1200"), whatever its language."""
    from jobs.pipeline.core.fact_guard import NUMBER_RE  # fact_guard imports this module

    return frozenset(m.group().replace(" ", "") for m in NUMBER_RE.finditer(text))


def terms_for(text: str, language: str, vocabulary: Vocabulary) -> list[tuple[str, str]]:
    """The job terms of ``text`` and their translation in ``language`` from the vocabulary: told
    the term, a small model keeps "computer vision" as "vision par ordinateur", not "vision"."""
    return [(said, term) for _, said, term in _terms(text, language, vocabulary)]


def _terms(text: str, language: str, vocabulary: Vocabulary) -> list[tuple[str, str, str]]:
    """(concept, its form as ``text`` writes it, its translation) for each concept ``text``
    names by a form written as one phrase (not words found apart) and not already usable in
    ``language`` (a French CV says "reporting"), whose vocabulary has a form in ``language``
    every word of which traces back to that phrase (a translation, not a broader synonym)."""
    found: dict[str, tuple[str, str, str]] = {}
    squashed = squash(text)
    for concept in sorted(vocabulary.concepts_in(text)):
        said = vocabulary.form_in(concept, text)
        if not said or _usable_in(said, language) or not contains_phrase(squashed, said):
            continue
        for term in vocabulary.labels.get(concept, []):
            words = content_words(term)
            traced = traced_share(words, content_words(said)) == 1.0
            if traced and _usable_in(term, language) and fold(term) != fold(said):
                found.setdefault(said, (concept, said, term))
    return list(found.values())


def _usable_in(form: str, language: str) -> bool:
    """A vocabulary form a CV in ``language`` can print: written in it, or (English being
    the tables' default wording) unmarked for English, one word for French (a loan)."""
    marked = form_language(form)
    if language == "fr":
        return marked == "fr" or (marked == "" and len(form.split()) == 1)
    return marked in ("", language)


def translates_one_of(text: str, sources: list[str], vocabulary: Vocabulary) -> bool:
    """``text``, in the other language than ``sources`` (the source's interests, one per
    line), is a faithful translation of one of them."""
    own = ItemText("\n".join(sources))
    language = _language_of(text)
    if not language or not own.language or language == own.language:
        return False
    source = translated_source(text, own, vocabulary)
    return source is not None and not dropped(text, source, vocabulary)


def _language_of(text: str) -> str:
    """A short noun phrase has no function word to count: its words tell ("solve criminal
    investigations")."""
    return guess_language(text, "") or dictionary_language(text)


def _candidates(own: ItemText) -> list[str]:
    """Each field of the item (a bullet, a description) and each of its sentences."""
    found: list[str] = []
    for line in own.text.splitlines():
        found += [line, *(s for s in sentences(line) if s != line)]
    return [s for s in dict.fromkeys(found) if len(content_words(s)) >= MIN_WORDS]


def _facts_held(sentence: str, source: str, header: str) -> bool:
    from jobs.pipeline.core.fact_guard import SourceCorpus, unsupported_claims

    return not unsupported_claims(sentence, SourceCorpus(source + "\n" + header))


def _concepts_held(sentence: str, source: str, pool: list[str], vocabulary: Vocabulary) -> bool:
    """Each job concept the translation names is named (or implied) by its source sentence, or
    its words trace back to that sentence's (a tool's name is written the same everywhere)."""
    shown = vocabulary.concepts_in(source)
    shown = shown | vocabulary.implied(shown)
    for concept in vocabulary.concepts_in(sentence) - shown:
        form = vocabulary.form_in(concept, sentence) or ""
        words = content_words(form)
        if vocabulary.is_tool(concept) or traced_share(words, pool) < MIN_CONCEPT_TRACED:
            return False
    return True
