"""Skills the offline offer parser recognises in free text: tools, methods, domain terms and
soft skills, in French and English, for tech and non-tech jobs.

Each entry is written as it should be displayed; matching ignores case and accents
("negociation" finds "Négociation") and accepts a plural "s", except for the names listed in
``CASE_SENSITIVE``, which are also ordinary words ("Go", "Lean", "SAFe" vs "safe", "Word",
"Tableau" vs "tableau"). ``find_skill_spans`` gives where each was found, so a caller can return
the offer's own wording.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from app.lib.text_forms import fold_same_length

TECH = """
Python|Java|JavaScript|TypeScript|Go|Golang|Rust|C|C++|C#|PHP|Ruby|Scala|Kotlin|Swift|Objective-C|
R|Julia|MATLAB|Perl|Bash|Shell|PowerShell|SQL|PL/SQL|T-SQL|NoSQL|GraphQL|HTML|CSS|Sass|JEE|J2EE|
Django|Flask|FastAPI|Spring|Spring Boot|Hibernate|.NET|ASP.NET|Node.js|Express|NestJS|Deno|
React|React Native|Next.js|Vue.js|Nuxt|Angular|Svelte|jQuery|Redux|Tailwind|Bootstrap|
Ruby on Rails|Laravel|Symfony|Flutter|Android|iOS|SwiftUI|Unity|Unreal Engine|
PostgreSQL|MySQL|MariaDB|Oracle|SQL Server|SQLite|MongoDB|Redis|Cassandra|Elasticsearch|
DynamoDB|Snowflake|BigQuery|Big Query|Redshift|Databricks|ClickHouse|Neo4j|Kafka|RabbitMQ|
Spark|PySpark|Hadoop|Airflow|dbt|Flink|Beam|pandas|NumPy|scikit-learn|TensorFlow|PyTorch|
Keras|XGBoost|LightGBM|Hugging Face|LangChain|LLM|NLP|Computer Vision|Machine Learning|
Deep Learning|Data Science|Data Engineering|Data Analysis|Data Visualisation|Data Visualization|
MLOps|Power BI|Tableau|Looker|Looker Studio|Data Studio|Qlik|Excel|VBA|
SAS|SPSS|Stata|AWS|Azure|GCP|Google Cloud|Docker|Kubernetes|Helm|Terraform|Ansible|Puppet|
Jenkins|GitLab CI|GitHub Actions|CircleCI|ArgoCD|CI/CD|DevOps|SRE|Linux|Unix|Windows Server|
Git|Prometheus|Grafana|Datadog|Splunk|ELK|OpenTelemetry|Nginx|Apache|Microservices|REST|gRPC|
SOAP|OAuth|Cybersecurity|Pentest|RGPD|GDPR|SOC 2|Figma|Sketch|Adobe XD|Photoshop|
Illustrator|InDesign|Premiere Pro|Canva|UX|UI|User Research|Prototyping|Design System|
Accessibility|WCAG|Selenium|Cypress|Playwright|Jest|pytest|JUnit|TDD|BDD|Postman|OpenAPI|
Swagger|Webpack|Vite|AutoCAD|SolidWorks|CATIA|Revit|BIM|PLC|SCADA|LabVIEW|Embedded|RTOS|FPGA|
VHDL|Verilog|IoT|Blockchain|Solidity|SaaS
"""
# Office and business tools, methods, domain terms and soft skills (FR and EN).
BUSINESS = """
Word|Outlook|PowerPoint|PPT|Visio|Teams|SharePoint|MS Office|Microsoft Office|Pack Office|
Office 365|Microsoft 365|Google Workspace|MS Project|Jira|Confluence|Notion|Trello|Asana|
Agile|Scrum|Kanban|SAFe|Lean|Lean Six Sigma|Six Sigma|Kaizen|5S|SMED|TPM|PDCA|VSM|AMDEC|FMEA|
8D|CAPA|Prince2|PMP|ITIL|PMO|Gantt|backlog|roadmap|OKR|KPI|A/B testing|
Product Management|Product Owner|Project Management|Gestion de projet|Stakeholder Management|
Program Management|Change Management|Conduite du changement|Amélioration continue|
Continuous Improvement|
SEO|SEA|SEM|Google Analytics|Google Analytics 4|GA4|Google Ads|Meta Ads|Marketing Automation|
Copywriting|Content Marketing|Community Management|Social Media|Emailing|CRM|HubSpot|Salesforce|
Business Development|Account Management|Key Account Management|Lead Generation|Prospection|
Prospecting|Cold Calling|Outbound|Inbound|Négociation|Negotiation|Vente|B2B|B2C|Closing|
Pipeline Management|Sales Management|Customer Success|Service client|Customer Service|
Achats|Achat industriel|Procurement|Purchasing|Sourcing|Supplier Management|Appels d'offres|
RFI|RFQ|RFP|Supply Chain|Logistique|Logistics|WMS|TMS|ERP|MRP|S&OP|Gestion des stocks|
Inventory Management|Transport|Entreposage|Warehousing|SAP|SAP FI|SAP MM|Workday|Sage|Cegid|Odoo|
Shopify|WordPress|Magento|
Recrutement|Recruitment|Recruiting|Training|Talent Acquisition|Onboarding|Payroll|Paie|SIRH|HRIS|
LMS|Learning Management System|Instructional Design|E-learning|Adult Learning|
Performance Management|Employee Engagement|Compensation and Benefits|Droit du travail|
Labor Law|Employment Law|Administration du personnel|
IFRS|US GAAP|Consolidation|Audit|Contrôle de gestion|Comptabilité|Accounting|Fiscalité|
Trésorerie|Treasury|FP&A|P&L|Forecasting|Reporting|Financial Analysis|Financial Data|
Analyse financière|Financial Modelling|Financial Modeling|Bookkeeping|
Quality Assurance|Quality Control|Assurance qualité|Contrôle qualité|QHSE|QSE|HSE|
GMP|BPF|HACCP|
Accréditation|Métrologie|Metrology|CND|NDT|Contrôles non destructifs|
Non-destructive testing|Soudage|Welding|Métallurgie|Metallurgy|Chaudronnerie|Usinage|
Machining|Mécanique|Mechanical Engineering|Électrique|Electrical Engineering|Électrotechnique|
Automatisme|Automation|Robotique|Robotics|Mécatronique|Mechatronics|Hydraulique|Pneumatique|
GMAO|CMMS|Maintenance|Maintenance préventive|Preventive Maintenance|Commissioning|Mise en service|
Medical Device|Dispositifs médicaux|Clinical Research|Recherche clinique|
Regulatory Affairs|Affaires réglementaires|Pharmacovigilance|Soins infirmiers|Nursing|
Propriété intellectuelle|Intellectual Property|Brevets|Patents|Compliance|Conformité|
Contract Management|Droit des contrats|
Permis B|Driving licence|Driver's license|CACES|
Management|Leadership|Team Leadership|Management d'équipe|Team Management|Communication|
Presentation Skills|Public Speaking|Prise de parole|Travail en équipe|Teamwork|Esprit d'équipe|
Problem Solving|Résolution de problèmes|Qualité rédactionnelle|Capacité d'analyse|
Esprit d'analyse|Esprit de synthèse|Analytical Skills|Attention to Detail|Time Management|
Gestion du temps|Force de proposition|Aisance relationnelle|Sens du relationnel|Autonomie|
Rigueur|Adaptabilité|Adaptability|Creativity|Créativité|Tableau de bord|Tableaux de bord
"""
SKILLS = TECH + "|" + BUSINESS
CASE_SENSITIVE = {
    "Go", "R", "C", "Rust", "Express", "Lean", "Swift", "Beam", "Unity", "SAFe", "Word",
    "Outlook", "Teams", "Tableau", "Spring", "SEA", "REST", "SOAP", "SAS", "SAP", "Shell",
    "Closing", "Transport", "Sage", "PPT", "8D", "5S", "TPM",
    "Notion", "Sketch", "Embedded",
}  # fmt: skip
# Numbered standards, shown as the ad writes them: "ISO 17025", "ISO13485", "IEC 62304".
STANDARD_RE = re.compile(r"(?<![\w-])(?:ISO|IEC|IATF|EN|NF)\s?\d{3,5}(?:-\d{1,3})*(?![\w-])")
SHORT_NEEDS_CONTEXT = {
    "C",
    "R",
    "Go",
    "Word",
    "Teams",
}  # only in lists ("C, C++") or after "langage"
# A tool name that is also the start of an ordinary phrase: "tableau de bord" is a dashboard.
NOT_FOLLOWED_BY = {"Tableau": r"\s+(?:de|des|d')\b"}
# A tool name that is also an English verb, read as the verb when written in lower case and
# followed by what a verb takes ("I excel at negotiation", "excels in"): capitalised, or in a
# list ("excel, word"), it stays the tool.
_VERB_FOLLOWERS = r"(?:at|in|as|on|under|when|through|by|with\s+(?:people|clients|teams?))\b"
VERB_READING = {
    "Excel": re.compile(rf"excels?\s+{_VERB_FOLLOWERS}"),
    "Spark": re.compile(
        r"sparks?\s+(?:the|a|an|new|interest|curiosity|change|innovation|conversations?|ideas)\b"
    ),
}


def _names() -> list[str]:
    return [n.strip() for n in SKILLS.replace("\n", "").split("|") if n.strip()]


@dataclass(frozen=True)
class _Matcher:
    """One alternation per kind of name (longest first, so "Spring Boot" wins over "Spring"),
    and the display name of what each matches."""

    exact: re.Pattern[str]  # case-sensitive names, on the text
    folded: re.Pattern[str]  # the others, on the folded text (plural "s" allowed)
    names: dict[str, str]  # matched (folded) text → display name


def _alternative(name: str, exact: bool) -> str:
    body = re.escape(name if exact else fold_same_length(name))
    plural = "" if exact or not name[-1].isalpha() or len(name) < 4 else "(?:s|x)?"
    guard = NOT_FOLLOWED_BY.get(name, "")
    return body + plural + (f"(?!{guard})" if guard else "")


@lru_cache(maxsize=1)
def _matcher() -> _Matcher:
    names = sorted(_names(), key=len, reverse=True)
    by_text: dict[str, str] = {}
    for name in _names():  # vocabulary order: "Accréditation" before "Accreditation"
        by_text.setdefault(name if name in CASE_SENSITIVE else fold_same_length(name), name)

    def alternation(exact: bool) -> re.Pattern[str]:
        alternatives = "|".join(
            _alternative(n, exact) for n in names if (n in CASE_SENSITIVE) == exact
        )
        return re.compile(rf"(?<![\w.+#-])(?:{alternatives})(?![\w+#&]|-\w)")

    return _Matcher(exact=alternation(True), folded=alternation(False), names=by_text)


def _name_of(matched: str, names: dict[str, str]) -> str:
    if matched in names:
        return names[matched]
    return names.get(matched[:-1], matched)  # a plural


_LIST_BEFORE = re.compile(
    r"(?:[,;:/(•·|]\s*|langages?\s+|languages?\s+|\bMS\s+|\bMicrosoft\s+)$", re.IGNORECASE
)
_LIST_AFTER = re.compile(r"^\s*(?:[,;/)|•·]|$|\s+(?:et|and|ou|or)\s)")


# A lone capital letter is a language ("C", "R") only as a token of its own (not an elided
# "C'est") among words of programming or statistics: "Langages : C, C++", "R ou Python pour
# les statistiques"; "permis C", "Shifts: C, D or E" and "catégorie C" name no skill.
_ELISION_AFTER = re.compile(r"^['’]\w")
_LETTER_CONTEXT = 60  # characters either side where the programming words are looked for
_PROGRAMMING_RE = re.compile(
    r"(?i)(?:\b(?:langages?|languages?|programm\w*|d[ée]velopp\w*|develop\w*|cod(?:e|es|ing|age)|"
    r"embarqu\w*|embedded|firmware|microcontr\w*|scripting|software|logiciels?|statisti\w*|"
    r"python|java|rust|golang|fortran|matlab|julia|sql|ada|assembl\w*|linux|unix|rstudio|"
    r"tidyverse|spss|stata|pandas|numpy|cuda|opengl|qt|arduino|stm32|rtos)\b|C\+\+|C#|\.NET)"
)


def _standalone_letter(text: str, start: int, end: int) -> bool:
    """A one-letter skill is its own token, in a programming or statistics context."""
    if _ELISION_AFTER.match(text[end : end + 2]):
        return False
    around = text[max(0, start - _LETTER_CONTEXT) : start] + " " + text[end : end + _LETTER_CONTEXT]
    return bool(_PROGRAMMING_RE.search(around))


def _in_a_list(text: str, start: int, end: int) -> bool:
    """ "C, C++" or "langage Go": a one- or two-letter name needs list context."""
    return bool(_LIST_BEFORE.search(text[:start]) or _LIST_AFTER.match(text[end : end + 6]))


def find_skill_spans(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, name)`` of known skills in ``text``, in order; a name inside a longer one
    ("Spring" in "Spring Boot", "SQL" in "PL/SQL") is not counted separately."""
    folded = fold_same_length(text)
    matcher = _matcher()
    matches: list[tuple[int, int, str]] = []
    for pattern, source in ((matcher.exact, text), (matcher.folded, folded)):
        for match in pattern.finditer(source):
            name = _name_of(match.group(0), matcher.names)
            if name in SHORT_NEEDS_CONTEXT and not _in_a_list(text, match.start(), match.end()):
                continue
            if len(name) == 1 and not _standalone_letter(text, match.start(), match.end()):
                continue
            verb = VERB_READING.get(name)
            if verb and verb.match(text, match.start()):  # case-sensitive: lower case only
                continue
            matches.append((match.start(), match.end(), name))
    matches += [(m.start(), m.end(), m.group(0)) for m in STANDARD_RE.finditer(text)]
    kept = [
        (start, end, name)
        for start, end, name in matches
        if not any(s <= start and end <= e and (e - s) > (end - start) for s, e, _ in matches)
    ]
    spans: dict[tuple[int, int], str] = {}
    for start, end, name in kept:  # "Accréditation" written "Accreditation": one skill
        spans.setdefault((start, end), name)
    return sorted((start, end, name) for (start, end), name in spans.items())


def find_skills(text: str) -> list[str]:
    """Known skills mentioned in ``text``, in order of first mention, each once."""
    ordered: list[str] = []
    for _, _, name in find_skill_spans(text):
        if name not in ordered:
            ordered.append(name)
    return ordered


# Tools named like a place ("Phoenix", the Elixir framework; "Jersey", the Java REST one): kept
# in a CV's skills list where a town alone is taken out, never looked for in an ad's text (an
# ad "based in Phoenix" requires no framework).
PLACE_NAMED_TOOLS = frozenset(fold_same_length(n).casefold() for n in ("Phoenix", "Jersey"))


def is_known_skill(name: str) -> bool:
    """``name`` is, as a whole, a skill the vocabulary knows ("Spring", "Julia", "Permis B")."""
    text = " ".join(name.split())
    if fold_same_length(text).casefold() in PLACE_NAMED_TOOLS:
        return True
    spans = find_skill_spans(text)
    return len(spans) == 1 and spans[0][0] == 0 and spans[0][1] == len(text)
