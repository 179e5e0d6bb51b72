"""The questions an offer will likely bring to its interview, built from its match ledger (the
one the offer's match panel shows: ``app/lib/matching/model.py``) and the user's achievements
bank, with the user's own evidence to answer each one.

Pure: no database, no model. A question is a code and its parameters (the requirement in the ad's
words, the company, the role), worded in the ad's language only when shown (``view.py``). Its
evidence is quoted, never paraphrased: a piece of the CV exactly as the ledger found it (with
where it stands), or an achievement of the bank with its STAR parts as the user wrote them. A
question without evidence says so (``no_evidence``); nothing is ever written for the user.

Four kinds, in the order an interview usually runs:

* motivation — the company, the role;
* competence — one per requirement of the ad;
* situation — a behavioural question for each requirement the CV supports (must-haves first),
  to answer with a story: a STAR achievement when the bank has one for it;
* gap — each requirement the CV shows only in part, or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from app.lib.camel_fields import camel_fields
from app.lib.cv_content import CvContent
from app.lib.cv_content import Evidence as BankStory
from app.lib.matching.evidence import BANK_SECTION, Unit, cv_units, match
from app.lib.matching.model import Evidence, MatchAnalysis, RequirementMatch
from app.lib.matching.vocabulary import Vocabulary, default_vocabulary

Kind = Literal["motivation", "competence", "situation", "gap"]
KINDS: tuple[Kind, ...] = ("motivation", "competence", "situation", "gap")

# Question codes (view.py words each one in FR and EN). Parameters named in comments.
MOTIVATION_COMPANY = "motivation.company"  # {company}
MOTIVATION_COMPANY_UNNAMED = "motivation.company_unnamed"  # {}
MOTIVATION_ROLE = "motivation.role"  # {role}
COMPETENCE_SKILL = "competence.skill"  # {requirement}
COMPETENCE_LANGUAGE = "competence.language"  # {requirement}
COMPETENCE_DUTY = "competence.duty"  # {requirement}: a sentence of the profile or a mission
SITUATION = "situation"  # {requirement}
GAP_MISSING = "gap.missing"  # {requirement}
GAP_PARTIAL = "gap.partial"  # {requirement}
CODES = (
    MOTIVATION_COMPANY,
    MOTIVATION_COMPANY_UNNAMED,
    MOTIVATION_ROLE,
    COMPETENCE_SKILL,
    COMPETENCE_LANGUAGE,
    COMPETENCE_DUTY,
    SITUATION,
    GAP_MISSING,
    GAP_PARTIAL,
)

MAX_SITUATIONS = 5  # behavioural questions: an interview rarely asks more
MAX_PROOFS = 2  # pieces of evidence per question, the ledger's best first
STAR_PARTS = ("situation", "task", "action", "result")
# Where a piece of evidence stands, as the ledger says (``Evidence.section``) → an experience the
# coach can talk through.
EXPERIENCE_SECTIONS = frozenset({"experience", BANK_SECTION})


@dataclass(frozen=True, slots=True)
class Proof:
    """One piece of the user's evidence: a quote of the CV, or an achievement of the bank."""

    kind: Literal["cv", "achievement"]
    quote: str  # exactly as the CV (or the achievement) writes it
    section: str  # the ledger's section (``achievement`` for the bank)
    where: str  # the item's label ("Data Analyst — Acme"), or the achievement's title
    item_id: str | None = None  # the CV item (for an achievement: its experience)
    index: int | None = None  # the bullet's index in its item
    achievement_id: str | None = None
    star: dict[str, str] = field(default_factory=dict)  # situation/task/action/result, as written

    def as_json(self) -> dict[str, Any]:
        quoted = camel_fields(
            self, "kind", "quote", "section", "where", "item_id", "index", "achievement_id"
        )
        return {**quoted, "star": dict(self.star) if self.star else None}


@dataclass(frozen=True, slots=True)
class Question:
    id: str  # "q1", "q2"… stable for one ledger
    kind: Kind
    code: str
    params: dict[str, str]
    requirement_id: str | None = None
    status: str | None = None  # the requirement's ledger status
    must: bool = False
    proofs: tuple[Proof, ...] = ()
    experience_id: str | None = None  # the experience the coach may start from

    @property
    def no_evidence(self) -> bool:
        return not self.proofs

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "code": self.code,
            "params": dict(self.params),
            "requirementId": self.requirement_id,
            "status": self.status,
            "must": self.must,
            "evidence": [p.as_json() for p in self.proofs],
            "noEvidence": self.no_evidence,
            "experienceId": self.experience_id,
        }


@dataclass(frozen=True, slots=True)
class Prep:
    language: str  # the ad's: every question is worded in it
    questions: tuple[Question, ...]

    def of_kind(self, kind: Kind) -> list[Question]:
        return [q for q in self.questions if q.kind == kind]

    def find(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)


def _story_of(cv: CvContent, evidence: Evidence) -> BankStory | None:
    """The achievement a bank quote of the ledger is a piece of (attached to its experience)."""
    experience = next((e for e in cv.experience if e.id == evidence.item_id), None)
    if experience is None:
        return None
    for story in experience.evidence:
        if any(evidence.quote in line for line in (*story.lines(), *story.skills)):
            return story
    return None


def proof_of(cv: CvContent, evidence: Evidence) -> Proof:
    """The ledger's evidence as the user's answer material: an achievement with its STAR parts
    when the quote is one of the bank's, else the CV's quote and where it stands."""
    if evidence.section == BANK_SECTION:
        story = _story_of(cv, evidence)
        if story is not None:
            star = {part: getattr(story, part) for part in STAR_PARTS if getattr(story, part)}
            return Proof(
                "achievement",
                evidence.quote,
                BANK_SECTION,
                story.title or evidence.label,
                evidence.item_id,
                None,
                story.achievement_id,
                star,
            )
    return Proof(
        "cv",
        evidence.quote,
        evidence.section,
        evidence.label,
        evidence.item_id,
        evidence.index,
    )


def _proofs(
    cv: CvContent, line: RequirementMatch, stories: list[Evidence] | None = None
) -> list[Proof]:
    """The line's evidence as proofs; ``stories`` (a behavioural question's): the bank's
    achievements that show the requirement, first — such a question is answered with a story."""
    found = [proof_of(cv, e) for e in line.evidence]
    if stories is not None:
        found = [proof_of(cv, e) for e in stories] + found
        found.sort(key=lambda p: p.kind != "achievement")
    unique: list[Proof] = []
    for proof in found:
        if all(p.quote != proof.quote for p in unique):
            unique.append(proof)
    return unique[:MAX_PROOFS]


def _bank_units(cv: CvContent, vocabulary: Vocabulary) -> list[Unit]:
    return [u for u in cv_units(cv, vocabulary) if u.section == BANK_SECTION]


def _experience_of(proofs: list[Proof] | tuple[Proof, ...]) -> str | None:
    return next((p.item_id for p in proofs if p.section in EXPERIENCE_SECTIONS), None)


def _competence_code(line: RequirementMatch) -> str:
    source = line.requirement.source
    if source == "skill":
        return COMPETENCE_SKILL
    if source == "language":
        return COMPETENCE_LANGUAGE
    return COMPETENCE_DUTY


def _summary_proof(cv: CvContent) -> list[Proof]:
    summary = (cv.summary or "").strip()
    return [Proof("cv", summary, "summary", "summary")] if summary else []


def build_prep(
    analysis: MatchAnalysis,
    cv: CvContent,
    *,
    language: str,
    company: str = "",
    role: str = "",
    vocabulary: Vocabulary | None = None,
) -> Prep:
    """The questions for one ledger: ``cv`` is the content the ledger read (with the bank's
    achievements attached to its experiences), ``language`` the ad's. A behavioural question
    looks for its story in the bank the way the ledger looks for evidence (``match``): the
    ledger quotes the CV's own words first, and may leave the story out."""
    out: list[tuple[Kind, str, dict[str, str], RequirementMatch | None, list[Proof]]] = []
    company, role = " ".join(company.split()), " ".join(role.split())
    if company:
        out.append(("motivation", MOTIVATION_COMPANY, {"company": company}, None, []))
    else:
        out.append(("motivation", MOTIVATION_COMPANY_UNNAMED, {}, None, []))
    if role:
        out.append(("motivation", MOTIVATION_ROLE, {"role": role}, None, _summary_proof(cv)))
    lines = [m for m in analysis.requirements if m.requirement.in_ad]
    for line in lines:
        params = {"requirement": line.requirement.text}
        out.append(("competence", _competence_code(line), params, line, _proofs(cv, line)))
    supported = [m for m in lines if m.status == "supported" and m.requirement.source != "language"]
    supported.sort(key=lambda m: m.requirement.kind != "must")  # stable: the ad's order
    bank = _bank_units(cv, vocabulary or default_vocabulary())
    for line in supported[:MAX_SITUATIONS]:
        params = {"requirement": line.requirement.text}
        stories = match(line.requirement, bank, vocabulary or default_vocabulary()).evidence
        out.append(("situation", SITUATION, params, line, _proofs(cv, line, stories)))
    for line in lines:
        if line.status == "supported":
            continue
        code = GAP_MISSING if line.status == "missing" else GAP_PARTIAL
        params = {"requirement": line.requirement.text}
        out.append(("gap", code, params, line, _proofs(cv, line)))
    order = {kind: i for i, kind in enumerate(KINDS)}
    out.sort(key=lambda item: order[item[0]])  # stable: the ledger's order within a kind
    questions = tuple(
        Question(
            id=f"q{n}",
            kind=kind,
            code=code,
            params=params,
            requirement_id=line.requirement.id if line else None,
            status=line.status if line else None,
            must=bool(line and line.requirement.kind == "must"),
            proofs=tuple(proofs),
            experience_id=_experience_of(proofs),
        )
        for n, (kind, code, params, line, proofs) in enumerate(out, start=1)
    )
    return Prep(language, questions)
