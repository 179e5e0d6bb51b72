"""A sentence in the other language than its item, held to the one source sentence it translates.

Judged against its whole item, a translation looks like new text: it shares no stems with its
source, and the cognate test (``item_claims.MIN_TRANSLATED_SHARE``) refused faithful ones the
local model wrote ("Modeling and body care" for "Réalisation de modelages et de soins corps").
Held to the sentence it translates it can be judged closely: every number and name is that
sentence's (or the item's title, employer and place), every job concept it names is one the
sentence names or one whose words trace back to it, it is not much longer, and most of its words
trace back to that sentence's words by stem, letters or the dictionary
(``app/lib/matching/bilingual.py``). Such a sentence is the author's claim in the CV's language.
"""

from __future__ import annotations

from app.lib.matching.bilingual import traced_share
from app.lib.matching.terms import content_words
from app.lib.matching.vocabulary import Vocabulary
from jobs.pipeline.core.item_text import ItemText
from jobs.pipeline.core.mixed_language import dictionary_language
from jobs.pipeline.core.text import guess_language, sentences

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
    """``text`` is a faithful translation of the one sentence (or bullet) ``source``."""
    return translated_source(text, ItemText(source), vocabulary) is not None


def translates_one_of(text: str, sources: list[str], vocabulary: Vocabulary) -> bool:
    """``text``, in the other language than ``sources`` (the source's interests, one per
    line), is a faithful translation of one of them."""
    own = ItemText("\n".join(sources))
    # A short noun phrase has no function word to count: its words tell ("solve criminal
    # investigations").
    language = guess_language(text, "") or dictionary_language(text)
    if not language or not own.language or language == own.language:
        return False
    return translated_source(text, own, vocabulary) is not None


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
