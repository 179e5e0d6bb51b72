"""Skills the offline offer parser recognises in free text (tools, methods, domains).

Each entry is written as it should be displayed; matching ignores case except for the short,
ambiguous names listed in ``CASE_SENSITIVE`` ("Go", "R", "Rust" are also ordinary words).
"""

from __future__ import annotations

import re
from functools import lru_cache

SKILLS = """
Python|Java|JavaScript|TypeScript|Go|Golang|Rust|C|C++|C#|PHP|Ruby|Scala|Kotlin|Swift|Objective-C|
R|Julia|MATLAB|Perl|Bash|Shell|PowerShell|SQL|PL/SQL|T-SQL|NoSQL|GraphQL|HTML|CSS|Sass|
Django|Flask|FastAPI|Spring|Spring Boot|Hibernate|.NET|ASP.NET|Node.js|Express|NestJS|Deno|
React|React Native|Next.js|Vue.js|Nuxt|Angular|Svelte|jQuery|Redux|Tailwind|Bootstrap|
Ruby on Rails|Laravel|Symfony|Flutter|Android|iOS|SwiftUI|Unity|Unreal Engine|
PostgreSQL|MySQL|MariaDB|Oracle|SQL Server|SQLite|MongoDB|Redis|Cassandra|Elasticsearch|
DynamoDB|Snowflake|BigQuery|Redshift|Databricks|ClickHouse|Neo4j|Kafka|RabbitMQ|
Spark|PySpark|Hadoop|Airflow|dbt|Flink|Beam|pandas|NumPy|scikit-learn|TensorFlow|PyTorch|
Keras|XGBoost|LightGBM|Hugging Face|LangChain|LLM|NLP|Computer Vision|Machine Learning|
Deep Learning|Data Science|Data Engineering|MLOps|Power BI|Tableau|Looker|Qlik|Excel|VBA|
SAS|SPSS|Stata|AWS|Azure|GCP|Google Cloud|Docker|Kubernetes|Helm|Terraform|Ansible|Puppet|
Chef|Jenkins|GitLab CI|GitHub Actions|CircleCI|ArgoCD|CI/CD|DevOps|SRE|Linux|Unix|Windows Server|
Git|Prometheus|Grafana|Datadog|Splunk|ELK|OpenTelemetry|Nginx|Apache|Microservices|REST|gRPC|
SOAP|OAuth|Cybersecurity|Pentest|ISO 27001|RGPD|GDPR|SOC 2|Figma|Sketch|Adobe XD|Photoshop|
Illustrator|InDesign|UX|UI|User Research|Prototyping|Design System|Accessibility|WCAG|
Agile|Scrum|Kanban|SAFe|Lean|Jira|Confluence|Notion|Trello|Asana|MS Project|Prince2|PMP|ITIL|
Product Management|Product Owner|Roadmap|OKR|A/B testing|SEO|SEA|Google Analytics|Google Ads|
HubSpot|Salesforce|SAP|SAP FI|SAP MM|Workday|Sage|Cegid|ERP|CRM|Odoo|Shopify|WordPress|
Magento|Marketing Automation|Copywriting|Content Marketing|Community Management|
Business Development|Account Management|Negotiation|Lean Six Sigma|Six Sigma|AutoCAD|SolidWorks|
CATIA|Revit|BIM|PLC|SCADA|LabVIEW|Embedded|RTOS|FPGA|VHDL|Verilog|IoT|Blockchain|Solidity|
Selenium|Cypress|Playwright|Jest|pytest|JUnit|TDD|BDD|Postman|OpenAPI|Swagger|Webpack|Vite|
IFRS|US GAAP|Consolidation|Audit|Contrôle de gestion|Comptabilité|Fiscalité|Paie|
Management|Leadership|Communication|Gestion de projet|Project Management|Stakeholder Management
"""
CASE_SENSITIVE = {"Go", "R", "C", "Rust", "Chef", "Express", "Lean", "Swift", "Beam", "Unity"}
SHORT_NEEDS_CONTEXT = {"C", "R", "Go"}  # only in lists ("C, C++") or after "langage"


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    patterns = []
    for name in (n.strip() for n in SKILLS.replace("\n", "").split("|")):
        if not name:
            continue
        flags = 0 if name in CASE_SENSITIVE else re.IGNORECASE
        body = re.escape(name)
        pattern = re.compile(rf"(?<![\w.+#-]){body}(?![\w+#]|-\w)", flags)
        patterns.append((name, pattern))
    return patterns


_LIST_BEFORE = re.compile(r"(?:[,;:/(•·|]\s*|langages?\s+|languages?\s+)$", re.IGNORECASE)
_LIST_AFTER = re.compile(r"^\s*(?:[,;/)|•·]|$|\s+(?:et|and|ou|or)\s)")


def _in_a_list(text: str, start: int, end: int) -> bool:
    """ "C, C++" or "langage Go": a one- or two-letter name needs list context."""
    return bool(_LIST_BEFORE.search(text[:start]) or _LIST_AFTER.match(text[end : end + 6]))


def find_skills(text: str) -> list[str]:
    """Known skills mentioned in ``text``, in order of first mention, each once. A name inside
    a longer one ("Spring" in "Spring Boot", "SQL" in "PL/SQL") is not counted separately."""
    matches: list[tuple[int, int, str]] = []
    for name, pattern in _patterns():
        for match in pattern.finditer(text):
            if name in SHORT_NEEDS_CONTEXT and not _in_a_list(text, match.start(), match.end()):
                continue
            matches.append((match.start(), match.end(), name))
    kept = [
        (start, end, name)
        for start, end, name in matches
        if not any(s <= start and end <= e and (e - s) > (end - start) for s, e, _ in matches)
    ]
    ordered: list[str] = []
    for _, _, name in sorted(kept):
        if name not in ordered:
            ordered.append(name)
    return ordered
