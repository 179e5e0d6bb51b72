"""The (CV, offer) pairs of ``make eval-tailor`` and how each side enters the app.

The corpus (``../shared/corpus``: real CV PDFs with hand-checked truth, real job ads) is read at
run time and never copied here. A CV comes in as a user importing a clean JSON Resume of it would
have it: the app's PDF parser gives the bullets and descriptions, the truth file corrects the
identity fields (so parsing errors do not blur the tailoring figures), then the app's JSON Resume
export and import make it exactly what that import stores. The experience pairing is the corpus
scorer's own (``score_parser.pair_experiences``), loaded from the corpus folder.
"""

from __future__ import annotations

import importlib.util
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

from app.lib.cv_content import CvContent, Education, Experience, Language, Skill
from app.lib.matching.analysis import OfferText
from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.fields.languages import detect_language
from app.lib.parsing.formats.json_resume import validate_json_resume
from app.lib.parsing.formats.json_resume_export import resume_from_content
from app.lib.parsing.formats.json_resume_map import content_from_resume
from app.lib.parsing.offer_parser import parse_offer_text
from app.lib.parsing.offers.offer_contract import rough_language
from app.lib.pdf_text import read_pdf_text_sync
from jobs.pipeline.core.context import OfferBrief

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
PDF_MAX_PAGES = 10  # as the import reads PDFs (litestar.toml)

# (offer stem, CV stem, why they fit: one word). At least three French ads × English CVs and
# three English ads × French CVs, so a CV's language meeting another offer language is measured;
# the second half pairs CVs and ads of the corpus's third batch (``THIRD_BATCH``): juniors with
# one job, dense one-page CVs, senior CVs with jobs from over 7 years ago, ads read too thinly to
# hold a requirement list, 1- and 2-page budgets, both ways across languages.
PAIRS: list[tuple[str, str, str]] = [
    ("en_podium_analytics_engineer_finance", "en_nizar_tazi", "data"),
    ("en_podium_analytics_engineer_finance", "fr_moussa_kalla", "data"),
    ("en_jfh_hr_assistant", "fr_julie_charles", "administration"),
    ("en_samsara_account_development_dach", "en_amaury_cyffers", "sales"),
    ("en_samsara_account_development_dach", "fr_ilona_faure", "phoning"),
    ("en_commercial_development_director_emea", "fr_othmane_benayad", "business"),
    ("en_commercial_development_director_emea", "en_noorhan_sharawy", "sales"),
    ("en_fluence_field_service_engineer", "en_aissam_debbache", "field"),
    ("en_anchorage_learning_development_lead", "en_akerke_janzakova", "teaching"),
    ("fr_sgs_ingenieur_qualite_soudage", "en_aissam_debbache", "welding"),
    ("fr_labelium_stage_data_analyst", "en_victor_hoffmann", "data"),
    ("fr_labelium_stage_data_analyst", "fr_souleymane_yaffa", "data"),
    ("fr_gtt_acheteur_projet", "fr_joel_philippe_yao", "purchasing"),
    ("fr_staubli_responsable_operations_services", "en_julien_commes", "operations"),
    ("fr_staubli_commercial_robotique_medicale", "en_noorhan_sharawy", "sales"),
    ("fr_soprasteria_alternance_java_albi", "fr_milo_kowalska", "programming"),
    ("fr_sisley_ingenieur_methodes_logistiques", "fr_arthur_coulon", "methods"),
    ("fr_asi_assistant_chef_de_projet", "fr_emma_leymonerie", "projects"),
    # Third batch.
    ("en_scapia_gds_ticketing", "en_kandrapu_reddy__onecol", "travel"),
    ("en_cashkr_hr_manager", "en_laya_a__onecol", "hr"),
    ("en_booking_sre2", "en_byungjin_park", "reliability"),
    ("en_treasuredata_senior_swe", "en_ron_adams", "software"),
    ("en_startupjobs_backend_go", "en_adrien_gibert", "backend"),
    ("en_ansys_backend_rd", "fr_axelle_lanca", "backend"),
    ("en_metropolis_operations_coordinator", "en_peter_villalpando", "operations"),
    ("en_toolsforhumanity_operator_experience_lead", "fr_theo_changarnier", "projects"),
    ("fr_cnrs_plato_dev_logiciel", "en_sizhe_yuen", "software"),
    ("fr_cls_stage_sentinel6b", "en_sarah_parker", "astronomy"),
    ("fr_adequat_gestionnaire_stock", "en_peter_villalpando", "inventory"),
    ("fr_theier_vendeur_decoration_noel", "en_nataliya_rodionova", "retail"),
    ("fr_fdm_developpeur_logiciels_junior", "fr_gregoire_bodin", "programming"),
    ("fr_nonstop_ingenieur_support_applicatif", "fr_nikola_tutic", "support"),
    ("fr_cegelec_stage_data_automatisme", "fr_siham_tabbaa", "data"),
    ("fr_cls_stage_sentinel6b", "fr_thomas_canisares_morere", "data"),
    ("fr_kamedis_teleprospecteur", "fr_victor_lecoq", "sales"),
    ("fr_alstom_ingenieur_controle_trains", "fr_marie_noret", "engineering"),
    ("fr_vtp_mecanicien_engins_tp", "fr_philomene_pequay", "mechanics"),
    ("fr_randstad_backoffice_banque", "fr_emmanuel_lehir", "finance"),
]
# The corpus's third batch (its README, "Third batch"): the stems the pairs above use.
THIRD_BATCH = frozenset(
    {
        # ads
        "en_ansys_backend_rd", "en_booking_sre2", "en_cashkr_hr_manager",
        "en_metropolis_operations_coordinator", "en_scapia_gds_ticketing",
        "en_startupjobs_backend_go", "en_toolsforhumanity_operator_experience_lead",
        "en_treasuredata_senior_swe", "fr_adequat_gestionnaire_stock",
        "fr_alstom_ingenieur_controle_trains", "fr_cegelec_stage_data_automatisme",
        "fr_cls_stage_sentinel6b", "fr_cnrs_plato_dev_logiciel",
        "fr_fdm_developpeur_logiciels_junior", "fr_kamedis_teleprospecteur",
        "fr_nonstop_ingenieur_support_applicatif", "fr_randstad_backoffice_banque",
        "fr_theier_vendeur_decoration_noel", "fr_vtp_mecanicien_engins_tp",
        # CVs
        "en_adrien_gibert", "en_byungjin_park", "en_kandrapu_reddy__onecol", "en_laya_a__onecol",
        "en_nataliya_rodionova", "en_peter_villalpando", "en_ron_adams", "en_sarah_parker",
        "en_sizhe_yuen", "fr_axelle_lanca", "fr_emmanuel_lehir", "fr_gregoire_bodin",
        "fr_marie_noret", "fr_nikola_tutic", "fr_philomene_pequay", "fr_siham_tabbaa",
        "fr_theo_changarnier", "fr_thomas_canisares_morere", "fr_victor_lecoq",
    }
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Offer:
    stem: str
    language: str
    brief: OfferBrief
    text: OfferText


@dataclass(frozen=True, slots=True)
class SourceCv:
    stem: str
    language: str | None  # what the JSON Resume import stores as the CV's language
    content: CvContent


def check_corpus(corpus: Path) -> None:
    missing = [
        p for p in ("cvs", "truth", "offers", "score_parser.py") if not (corpus / p).exists()
    ]
    if missing:
        raise SystemExit(
            f"No tailoring corpus at {corpus} (missing {', '.join(missing)}): put the shared "
            "corpus beside the project or pass --corpus."
        )


@cache
def _scorer(corpus: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("corpus_score_parser", corpus / "score_parser.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"Cannot load {corpus / 'score_parser.py'}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_offer(corpus: Path, stem: str) -> Offer:
    text = (corpus / "offers" / f"{stem}.txt").read_text(encoding="utf-8")
    fields = parse_offer_text(text).as_dict()
    language = fields.get("language") or rough_language(text) or "en"
    brief = OfferBrief(
        id=None,
        title=fields["title"],
        company=fields["company"],
        location=fields["location"],
        language=language,
        # What the app stores for a pasted ad: the whole text is the description.
        description=text,
        requirements=list(fields["requirements"]),
        responsibilities=list(fields["responsibilities"]),
        skills=list(fields["skills"]),
        languages=list(fields["languages"]),
    )
    return Offer(stem, language, brief, OfferText.of(brief))


def _dates(truth: dict[str, Any]) -> dict[str, Any]:
    end = truth.get("end")
    if end == "present":
        return {"start": truth.get("start"), "end": None, "current": True}
    return {"start": truth.get("start"), "end": end, "current": False}


def _identity(truth: dict[str, Any]) -> dict[str, Any]:
    return {
        "title": truth.get("title") or "",
        "company": truth.get("company") or "",
        "location": truth.get("location") or "",
        **_dates(truth),
    }


def corrected_experience(
    parsed: list[Experience], truth: dict[str, Any], pairs: list[tuple[int, bool, int]]
) -> list[Experience]:
    """Paired parsed entries with the truth's identity fields (their bullets kept), in the
    parsed order; required truth entries the parser missed are added (no bullets) after the
    entry of the truth entry before them; parsed entries the truth does not list are dropped."""
    required = truth.get("experiences") or []
    optional = truth.get("optional_experiences") or []
    by_parsed = {p: (t, is_opt) for t, is_opt, p in pairs}
    kept: list[tuple[int | None, Experience]] = []
    for index, exp in enumerate(parsed):
        if index not in by_parsed:
            continue
        t, is_opt = by_parsed[index]
        fields = _identity((optional if is_opt else required)[t])
        kept.append((None if is_opt else t, exp.model_copy(update=fields)))
    paired_required = {t for t, is_opt, _ in pairs if not is_opt}
    for t, entry in enumerate(required):
        if t in paired_required:
            continue
        before = [i for i, (rank, _) in enumerate(kept) if rank is not None and rank < t]
        at = before[-1] + 1 if before else 0
        kept.insert(at, (t, Experience(**_identity(entry))))
    return [exp for _, exp in kept]


def _scorer_view(exp: Experience) -> dict[str, str]:
    return {
        "title": exp.title,
        "company": exp.company,
        "start": exp.start or "",
        "end": "present" if exp.current else (exp.end or ""),
    }


def corrected_cv(parsed: CvContent, truth: dict[str, Any], corpus: Path) -> CvContent:
    pairs = _scorer(corpus).pair_experiences(
        truth.get("experiences") or [],
        truth.get("optional_experiences") or [],
        [_scorer_view(e) for e in parsed.experience],
    )
    header = parsed.header.model_copy(
        update={
            "name": truth.get("name") or "",
            "current_title": truth.get("current_title") or "",
            "contact": parsed.header.contact.model_copy(
                update={"email": truth.get("email") or "", "phone": truth.get("phone") or ""}
            ),
        }
    )
    return parsed.model_copy(
        update={
            "header": header,
            "experience": corrected_experience(parsed.experience, truth, pairs),
            "education": [
                Education(
                    degree=e.get("degree") or "",
                    institution=e.get("school") or "",
                    start=e.get("start"),
                    # An education has no "current" flag: an ongoing one shows its start.
                    end=None if e.get("end") == "present" else e.get("end"),
                )
                for e in truth.get("education") or []
            ],
            "skills": [Skill(name=s) for s in truth.get("skills") or [] if s.strip()],
            "languages": [
                Language(name=lang["name"], level=lang.get("level") or "")
                for lang in truth.get("languages") or []
            ],
        }
    )


def through_json_resume(content: CvContent) -> CvContent:
    """What importing ``content``'s JSON Resume export gives (the app's own two halves)."""
    exported = json.dumps(resume_from_content(content), ensure_ascii=False)
    return content_from_resume(validate_json_resume(json.loads(exported)))


def load_cv(corpus: Path, stem: str) -> SourceCv:
    truth = json.loads((corpus / "truth" / f"{stem}.json").read_text(encoding="utf-8"))
    pdf = (corpus / "cvs" / f"{stem}.pdf").read_bytes()
    parsed = parse_cv_text(read_pdf_text_sync(pdf, max_pages=PDF_MAX_PAGES).text).content
    content = through_json_resume(corrected_cv(parsed, truth, corpus))
    return SourceCv(stem, detect_language(content.full_text()), content)
