"""What the page scan (test_page_scan_browser.py) reads of a page and how it judges it.

A page's words are its visible text nodes, the words of its placeholders, tooltips, labels and
alt texts, and its title; text under another ``lang`` (the "EN"/"FR" switch) and code
(``<code>``, ``<pre>``) is not the page's language. Three kinds of finding:

* the other language: a text that is a catalogue id on a French page (an untranslated
  string), or a French translation on an English page; then, for text around values, a short
  list of function words of the other language;
* internal ids: UUIDs, snake_case codes and the PDF reader's hidden-text codes;
* the user's own data (CV, offers, letters, notes) is never judged: it is in whatever language
  they wrote it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from app.lib import i18n

COLLECT = """
() => {
  // What a person unfolds is read too: every <details> opened first.
  document.querySelectorAll('details').forEach((d) => { d.open = true; });
  const lang = (document.documentElement.lang || '').slice(0, 2);
  const out = [{text: document.title, where: 'title', kind: 'title'}];
  const code = 'script, style, noscript, template, code, pre, kbd, samp';
  const visible = (el) => el.checkVisibility({visibilityProperty: true});
  const where = (el) => {
    const parts = [];
    for (let e = el, i = 0; e && e !== document.body && i < 3; e = e.parentElement, i++) {
      parts.unshift(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
        + (e.classList.length ? '.' + [...e.classList].join('.') : ''));
    }
    return parts.join(' > ');
  };
  const foreign = (el) => {
    const marked = el.closest('[lang]');
    return marked && marked.getAttribute('lang').slice(0, 2) !== lang;
  };
  const clean = (text) => text.replace(/\\s+/g, ' ').trim();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const el = walker.currentNode.parentElement;
    const text = clean(walker.currentNode.textContent);
    if (!text || !el || el.closest(code) || foreign(el)) continue;
    if (!visible(el.closest('select') || el)) continue;
    out.push({text, where: where(el), kind: 'text'});
  }
  for (const el of document.body.querySelectorAll('[placeholder], [title], [aria-label], [alt]')) {
    if (el.closest(code) || foreign(el)) continue;
    for (const name of ['placeholder', 'title', 'aria-label', 'alt']) {
      const value = clean(el.getAttribute(name) || '');
      if (value) out.push({text: value, where: where(el) + '@' + name, kind: 'attribute'});
    }
  }
  return out;
}
"""

SIDEWAYS = "document.documentElement.scrollWidth - window.innerWidth"

# Words only one of the two languages uses, a hint of a sentence left in it (user data is
# taken out first).
ENGLISH_WORDS = frozenset(
    re.findall(
        r"\w+",
        "the and with your you this that from are is was not of to has have will which into "
        "been these those their its what when there here please for in at by or it be can all "
        "per an one no new more see than only each after before yet",
    )
)
FRENCH_WORDS = frozenset(
    re.findall(
        r"\w+",
        "le la les des du une est pour avec vous votre vos dans sur pas aux cette ces qui que "
        "sont être été ou où et au ne",
    )
)
# A setting's name (CVTAILOR_REGISTER_MAX_PER_IP) is a name, not words of either language.
SETTING_NAME = re.compile(r"\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b")
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.I)
SNAKE = re.compile(r"(?<![\w/.@-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w/@-])")
# Codes of the PDF reader's hidden text (app/lib/pdf_read/hidden.py): never words on a page.
CODES = re.compile(r"\((?:covered|clipped|tiny|off_page|invisible_colour)\)")
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@dataclass(frozen=True)
class Finding:
    path: str
    locale: str
    kind: str
    text: str
    where: str

    def __str__(self) -> str:
        return f"{self.locale} {self.path} [{self.kind}] {self.text!r} at {self.where}"


def _plain(message: str) -> bool:
    return "%" not in message and len(message) > 1


def catalogue_sides() -> tuple[set[str], set[str]]:
    """(English ids whose French differs, French texts that differ from their id); a text
    that is both (an English id that is also some French translation) is in neither."""
    french = i18n.catalogue("fr")
    english = {m for m, f in french.items() if f != m and _plain(m)}
    translated = {f for m, f in french.items() if f != m and _plain(f)}
    return english - translated, translated - set(french)


# A stored code or id (a status, a kind, a hash): in the user's rows, but not their words.
STORED_CODE = re.compile(r"[a-z0-9_.:-]+")
PARTS = re.compile(r" · | — | – |: ")


class UserData:
    """The user's own words (every string of their rows that is not a code): never judged."""

    def __init__(self, strings: list[str]) -> None:
        cleaned = {" ".join(s.split()) for s in strings if not STORED_CODE.fullmatch(s)}
        self.strings = sorted((s for s in cleaned if len(s) >= 3), key=len, reverse=True)
        self.blob = "\n".join(s.casefold() for s in self.strings)

    def holds(self, text: str) -> bool:
        """``text`` is one of the user's strings, or a piece of one (a highlighted part of a
        CV line) long enough not to be a UI word that happens to occur in it."""
        folded = text.casefold()
        if f"\n{folded}\n" in f"\n{self.blob}\n":
            return True
        return len(text.split()) >= 4 and folded in self.blob

    def without(self, text: str) -> str:
        for string in self.strings:
            if string in text:
                text = text.replace(string, " ")
        return text


def strings_of(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings_of(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in strings_of(v)]
    return []


def prose(text: str) -> str:
    """The text without setting names and codes (reported as such, not as words)."""
    return SNAKE.sub(" ", SETTING_NAME.sub(" ", text))


def judge(path: str, locale: str, words: list[dict[str, str]], mine: UserData) -> list[Finding]:
    english_ids, french_texts = catalogue_sides()
    foreign_ids = english_ids if locale == "fr" else french_texts
    function_words = ENGLISH_WORDS if locale == "fr" else FRENCH_WORDS
    found: list[Finding] = []
    for item in words:
        text, where = item["text"], item["where"]
        rest = mine.without(text)
        if mine.holds(text) or not rest.strip(" ·,;:()–—-|"):
            continue

        def add(kind: str, shown: str = text, at: str = where) -> None:
            found.append(Finding(path, locale, kind, shown, at))

        parts = [text, *(p.strip() for p in PARTS.split(text))] if PARTS.search(text) else [text]
        foreign = next((p for p in parts if p in foreign_ids and not mine.holds(p)), None)
        if foreign is not None:
            add("untranslated" if locale == "fr" else "french-on-english", foreign)
        elif function_words & {w.casefold() for w in WORD.findall(prose(rest))}:
            add("other-language-words")
        if UUID.search(rest):
            add("uuid")
        for code in SNAKE.findall(rest):
            add("code", code)
        if CODES.search(rest):
            add("code", CODES.search(rest).group(0))  # type: ignore[union-attr]
    return found
