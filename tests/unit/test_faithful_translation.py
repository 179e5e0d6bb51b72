"""A sentence in the other language than its item is held to the one source sentence it
translates (jobs/pipeline/core/faithful.py, app/lib/matching/bilingual.py). Synthetic items."""

from __future__ import annotations

import gzip

import pytest

from app.lib.cv_content import CvContent, Experience, Extras
from app.lib.matching.analysis import OfferText
from app.lib.matching.bilingual import Lexicon, default_lexicon, dictd_pairs, traced_share
from app.lib.matching.relevance import OfferNeeds
from app.lib.matching.terms import content_words
from app.lib.matching.vocabulary import default_vocabulary
from jobs.pipeline.core.fact_guard import SourceCorpus
from jobs.pipeline.core.faithful import translated_source
from jobs.pipeline.core.guards import guard_extras
from jobs.pipeline.core.item_claims import ClaimScope
from jobs.pipeline.core.item_text import ItemText, item_header, item_text
from jobs.pipeline.core.keep import _offer_concepts, carried
from jobs.pipeline.core.schemas import AdaptedExtras, AdaptedItem
from jobs.pipeline.core.translation import untranslated

ENGLISH = Experience(
    id="e1",
    title="Perception Engineer",
    company="Orbitek",
    bullets=[
        "Development and implementation of computer vision algorithms on embedded platforms.",
        "Reduced the detection error by 41% and improved robustness by 25%.",
        "Basic research on thermal camera calibration.",
    ],
)
FRENCH = Experience(
    id="e2",
    title="Esthéticienne",
    company="Institut Lumière",
    bullets=["Accueil et conseil de la clientèle", "Réalisation de soins du visage et du corps"],
)


def _own(item: Experience) -> ItemText:
    return ItemText(item_text(item), header=item_header(item))


def _problems(sentence: str, item: Experience) -> list[str]:
    return [p.kind for p in ClaimScope().problems(sentence, _own(item), item.id)]


def test_dictd_entries_are_read_with_their_numbered_translations() -> None:
    head = b"soin /swe/ <n, masc>\n1. care, concern\n2. attention\n"
    other = b"taux /to/ <n>\nrate\n"
    body = head + other
    index = f"soin\tA\t{_b64(len(head))}\ntaux\t{_b64(len(head))}\t{_b64(len(other))}\n"
    pairs = list(dictd_pairs(index, gzip.decompress(gzip.compress(body))))
    assert pairs == [("soin", "care"), ("soin", "concern"), ("soin", "attention"), ("taux", "rate")]
    lexicon = Lexicon(pairs)
    assert "care" in lexicon.links("soins")  # a plural finds its headword
    assert "taux" in lexicon.links("rate")  # both ways
    assert traced_share(["taux", "robustesse"], ["robustness", "rate"], lexicon) == 1.0
    assert traced_share(["taux", "robustesse"], ["robustness", "rate"], Lexicon()) == 0.5


def _b64(value: int) -> str:
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    out = ""
    while True:
        out = alphabet[value % 64] + out
        value //= 64
        if not value:
            return out


@pytest.fixture(scope="module", autouse=True)
def _dictionaries() -> None:
    if not len(default_lexicon()):
        pytest.fail("FreeDict's French-English dictionaries are missing: make document-deps")


@pytest.mark.parametrize(
    ("sentence", "item"),
    [
        (
            "Développement et mise en œuvre d'algorithmes de vision par ordinateur sur des "
            "plateformes embarquées.",
            ENGLISH,
        ),
        ("Réduction de l'erreur de détection de 41 % et robustesse améliorée de 25 %.", ENGLISH),
        ("Recherche fondamentale sur l'étalonnage d'une caméra thermique.", ENGLISH),
        ("Welcoming and advising customers", FRENCH),
        ("Face and body care", FRENCH),
    ],
)
def test_a_faithful_translation_of_one_of_its_sentences_passes(
    sentence: str, item: Experience
) -> None:
    assert translated_source(sentence, _own(item), default_vocabulary()) is not None
    assert _problems(sentence, item) == []


@pytest.mark.parametrize(
    ("sentence", "why"),
    [
        ("Réduction de l'erreur de détection de 45 %.", "a number its sentence lacks"),
        ("Développement d'algorithmes de vision par ordinateur avec Kubernetes.", "a tool"),
        ("Travail d'équipe dans une ambiance conviviale.", "another subject"),
        ("Gestion d'une équipe commerciale de vente et relation client.", "another subject"),
        (
            "Recherche fondamentale sur l'étalonnage d'une caméra thermique, la négociation "
            "des contrats fournisseurs et le recrutement des stagiaires.",
            "a clause added",
        ),
    ],
)
def test_a_sentence_that_says_more_or_else_is_not_a_translation(sentence: str, why: str) -> None:
    assert translated_source(sentence, _own(ENGLISH), default_vocabulary()) is None, why


def test_invented_facts_are_still_refused_under_the_item() -> None:
    assert "not_in_item" in _problems("Réduction de l'erreur de détection de 45 %.", ENGLISH)
    assert _problems("Travail d'équipe dans une ambiance conviviale.", ENGLISH)


def test_most_words_of_a_faithful_translation_trace_back() -> None:
    source = content_words("Basic research on thermal camera calibration.")
    good = content_words("Recherche fondamentale sur l'étalonnage d'une caméra thermique.")
    bad = content_words("Travail d'équipe dans une ambiance conviviale.")
    assert traced_share(good, source) >= 0.6 > traced_share(bad, source)


def _extras_out(interests: list[str]) -> AdaptedExtras:
    return AdaptedExtras(items=[], interests=interests)


def test_an_interest_may_be_a_faithful_translation_of_one_of_the_source_interests() -> None:
    source = CvContent(
        extras=Extras(interests=["Cuisine du monde et photographie de paysage", "Échecs"])
    )
    corpus = SourceCorpus.of(source)
    faithful = "World cooking and landscape photography"
    kept, checked = guard_extras(_extras_out([faithful, "Échecs"]), source, corpus)
    assert kept.interests == [faithful, "Échecs"] and not checked.bad
    for invented in (
        "Skydiving and scuba diving in the Caribbean",  # another interest
        "Cuisine du monde et photographie de paysage zqxmarker",  # glued, same language
        "World cooking and landscape photography in Patagonia",  # a name its interest lacks
    ):
        kept, checked = guard_extras(_extras_out([invented]), source, corpus)
        assert kept.interests == [] and checked.bad, invented


def test_an_interest_left_in_the_other_language_is_sent_to_be_translated() -> None:
    out = _extras_out(["Cuisine du monde et photographie de paysage", "Échecs"])
    assert [path for path, _ in untranslated(out, "en")] == [("interests", 0)]


def test_a_faithful_translation_carries_the_evidence_bullet_it_translates() -> None:
    needs = OfferNeeds(
        OfferText(
            title="Store manager",
            description="You lead the team and run the stock.",
            requirements=["Management skills", "Inventory management"],
            language="en",
        )
    )
    bullet = "Stock management and inventory"
    translation = "Gestion du stock et inventaire"  # names inventory, not management, by concept
    assert needs.hits(bullet)
    assert not _offer_concepts(bullet, needs) <= _offer_concepts(translation, needs)
    assert carried(bullet, [translation], needs)
    assert not carried(bullet, ["Travail d'équipe dans une ambiance conviviale."], needs)


def test_a_field_with_a_sentence_in_the_other_language_is_sent_to_be_translated() -> None:
    out = AdaptedItem(
        id="p1",
        description="",
        bullets=[
            "Prévision des ventes mensuelles par région.",
            "Sales forecasting of regional stores, Retail Data Challenge, 2021, Rank: 3rd/40.",
        ],
    )
    assert [path for path, _ in untranslated(out, "fr")] == [("bullets", 1)]


def test_a_short_interest_without_function_words_is_judged_by_its_words() -> None:
    source = CvContent(extras=Extras(interests=["Photographie de paysage", "Cuisine du monde"]))
    kept, checked = guard_extras(
        _extras_out(["Landscape photography", "World cooking"]), source, SourceCorpus.of(source)
    )
    assert kept.interests == ["Landscape photography", "World cooking"] and not checked.bad
