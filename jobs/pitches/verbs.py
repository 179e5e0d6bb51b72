"""Whether an English CV line opens on the candidate's own verb, so the pitch may say it with
"I" ("Cut latency by 35%" → "I cut latency by 35%"); any other line is quoted as a fact.

A word is a verb only when it is the past tense of a known action verb (``ACTION_VERBS``, the
verbs CV lines open on, and ``IRREGULAR_PAST``): looking like one is not enough ("Unmatched",
"Seed", "Unpaid" end in "-ed" and are none). Verbs whose past form mostly opens a noun phrase
on a CV ("Dedicated support desk", "Advanced Excel", "Certified Scrum Master") are not listed.
Even on a listed verb, a line whose later words hold a verb of its own ("Automated tests now
cover 90%", "Reduced headcount was the goal") has its first words as its subject: a fact.
When in doubt the line is quoted, which is always correct; "I <line>" is only right on a verb.
"""

from __future__ import annotations

from functools import cache

from app.lib.parsing.text.text import word_set

# Stems of the action verbs CV lines open on (regular past tense).
ACTION_VERBS = word_set(
    """
    accelerate accomplish achieve acquire adapt add address administer adopt advise align
    allocate analyse analyze answer anticipate apply appoint approve arrange assemble assess
    assign assist attain attract audit author automate balance benchmark boost brief budget
    calculate campaign champion change chair clarify close coach code collaborate collect
    combine commission communicate compile complete compute conceive conduct configure
    consolidate construct consult contract contribute control convert convince coordinate
    correct craft create cultivate curate debug decrease define delegate deliver deploy
    design detect determine develop devise diagnose direct discover document double draft
    earn edit educate eliminate empower enable engineer enhance enlarge ensure establish
    estimate evaluate examine exceed execute expand expedite explain extend extract
    facilitate finalise finalize fix forecast formalise formalize formulate found generate
    guide halve handle head help hire identify implement improve increase influence initiate
    inspect install institute integrate interview introduce invent investigate launch lower
    maintain manage map market master maximise maximize measure mediate mentor merge migrate
    minimise minimize model moderate modernise modernize monitor motivate move negotiate
    obtain onboard open operate optimise optimize orchestrate organise organize outperform
    overhaul oversee partner perform pilot pioneer plan prepare present prevent prioritise
    prioritize process procure produce program programme promote propose prototype provide
    publish purchase raise rebuild recommend reconcile record recruit redesign reduce
    refactor refine reform reorganise reorganize repair replace report represent research
    resolve restore restructure retain revamp review revise revitalise revitalize rewrite
    rollout save schedule scale score screen secure select serve service ship simplify
    solve source spearhead specify sponsor stabilise stabilize standardise standardize start
    steer streamline strengthen structure succeed supervise supply support survey sustain
    synthesise synthesize systematise systematize tailor target test track trade train
    transform translate triple troubleshoot tutor uncover unify update upgrade use validate
    verify volunteer win write
    """
)
IRREGULAR_PAST = word_set(
    """
    began brought built caught chose cut dealt did drew drove fed fought found gave got grew
    held hid kept knew laid led lent made met oversaw paid put ran read rebuilt rewrote sent
    set shot shut sold spent spoke stood struck taught thought took undertook understood
    won wrote
    """
)
# A later word that is the line's own verb, whatever its subject: its first words were that
# subject ("Unmatched transactions at month end fell by 40%").
OWN_VERBS = word_set(
    """
    is are was were has have had will would can could may might must shall should became
    fell rose grew went dropped doubled halved tripled shrank reached climbed declined
    improved increased decreased stayed remained
    """
)
# After these a verb belongs to a clause of the candidate's ("Reduced costs and increased
# revenue", "Led a team that grew", "Trained 6 pickers to use the scanner").
CLAUSE_OPENERS = word_set(
    "and or but that which who whose while then to so as when where after before"
)
# An adverb the line's own present follows ("Automated tests now cover 90%"), and the words
# after it that open no verb.
PRESENT_MARKERS = word_set("now still")
NOT_VERBS = word_set("a an the this that these those my our their its all each every")
_PUNCTUATION = ".,;:!?()[]\"'“”‘’"


@cache
def _past_forms() -> frozenset[str]:
    """The regular past forms of ``ACTION_VERBS`` ("automate" → "automated", "plan" →
    "planned", "simplify" → "simplified", "ship" → "shipped")."""
    forms = set(IRREGULAR_PAST)
    for stem in ACTION_VERBS:
        if stem.endswith("e"):
            forms.add(f"{stem}d")
        elif stem.endswith("y") and stem[-2:-1] not in "aeiou":
            forms.add(f"{stem[:-1]}ied")
        else:
            forms.add(f"{stem}ed")
            forms.add(f"{stem}{stem[-1]}ed")  # "planned", "shipped"; never a word otherwise
    return frozenset(forms)


def is_past_verb(word: str) -> bool:
    """``word`` is the past tense of a known action verb ("Reconciled", "led", "shipped")."""
    return word.lower() in _past_forms()


def _own_verb(words: list[str], index: int) -> bool:
    """``words[index]`` is the line's own verb: a finite verb that no clause opener or comma
    puts in a clause of the candidate's, nor "by" after it makes a participle ("a dashboard
    used by 40 analysts")."""
    word, before = words[index].strip(_PUNCTUATION), words[index - 1]
    after = words[index + 1].strip(_PUNCTUATION) if index + 1 < len(words) else ""
    if before.strip(_PUNCTUATION) in CLAUSE_OPENERS or before.endswith((",", ";", ":")):
        return False
    if word in OWN_VERBS:
        return True
    if is_past_verb(word):
        return after != "by"
    return before in PRESENT_MARKERS and word not in NOT_VERBS and not word[:1].isdigit()


def opens_on_verb(line: str) -> bool:
    """True when an English line opens on the candidate's past-tense verb and has no verb of
    its own later ("Cut latency by 35%", "Reconciled 12 bank accounts each month"); False
    for a line that opens on a noun phrase ("Unmatched transactions at month end fell by 40%",
    "Automated tests now cover 90% of the code")."""
    words = line.lower().split()
    if not words or not is_past_verb(words[0].strip(_PUNCTUATION)):
        return False
    return not any(_own_verb(words, i) for i in range(1, len(words)))
