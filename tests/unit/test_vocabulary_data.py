"""The job vocabulary's tables: consistent with themselves and with skills_vocab, and good enough
that an offer's wording and a CV's wording meet under the matching rule the lookup follows
(``app/lib/matching/vocabulary_data.py`` describes it; it is re-implemented small here so the
data is checked on its own, then the same pairs go through the lookup itself)."""

from __future__ import annotations

import re
from functools import cache

import pytest

from app.lib.matching.terms import FUNCTION_WORDS, content_words, stems, words
from app.lib.matching.vocabulary import default_vocabulary
from app.lib.matching.vocabulary_data import CONCEPTS, IMPLIES
from app.lib.parsing.fields.skills_vocab import SKILLS, find_skills
from app.lib.parsing.text.text import word_set
from app.lib.text_forms import fold

WINDOW = 6
# Tokens a text is full of even though a form never counts them: elided or auxiliary words
# ("j'ai" gives "ai"), on top of the matcher's own function words.
EVERYWHERE = FUNCTION_WORDS | word_set("ai as at eu ont avons avez es")
# One-word forms that would match nearly any CV or offer.
GENERIC_WORDS = word_set(
    """
    data management experience team teams project projects work skills skill gestion projet
    projets equipe equipes travail service services client clients customer customers business
    development developpement analysis analyse support process processus system systeme quality
    qualite sales commercial manager lead leader responsible responsable suivi follow mise place
    technical technique tools outils knowledge connaissances competences ability capacite
    environment environnement solution solutions product produit produits test tests testing
    performance planning organisation organization strategy strategie operations design
    conception budget purchase adapt facilities
    """
)


@cache
def skill_names() -> dict[str, str]:
    """Folded skills_vocab name → its display name."""
    names = [n.strip() for n in SKILLS.replace("\n", "").split("|") if n.strip()]
    return {fold(n): n for n in reversed(names)}


def is_skill_name(form: str) -> bool:
    """Such a form is found by the skill finder (with its case and context rules), not by stems."""
    return fold(form) in skill_names()


@cache
def form_stems(form: str) -> tuple[frozenset[str], ...]:
    return tuple(stems(w) for w in content_words(form))


@cache
def text_stems(text: str) -> tuple[frozenset[str], ...]:
    return tuple(stems(w) for w in words(text))


@cache
def skills_in(text: str) -> frozenset[str]:
    return frozenset(fold(n) for n in find_skills(text))


def found(form: str, text: str) -> bool:
    """A skill name where the skill finder sees it; any other form when all its content words
    fall within ``WINDOW`` consecutive words of the text."""
    if is_skill_name(form):
        return fold(form) in skills_in(text)
    wanted = form_stems(form)
    seen = text_stems(text)
    if not wanted or not all(any(want & word for word in seen) for want in wanted):
        return False  # the quick answer for most (form, text) pairs
    for start in range(len(seen)):
        window = seen[start : start + WINDOW]
        if all(any(want & word for word in window) for want in wanted):
            return True
    return False


def absorbed_skills() -> dict[str, str]:
    """Folded skills_vocab name → the concept below that lists it as a form."""
    folded_forms = {fold(f): c for c, forms in CONCEPTS.items() for f in forms}
    return {name: folded_forms[name] for name in skill_names() if name in folded_forms}


@cache
def all_concepts() -> dict[str, tuple[str, ...]]:
    """The tables plus, as the lookup adds them, each skills_vocab name no concept absorbs."""
    absorbed = absorbed_skills()
    skills = {name: (shown,) for name, shown in skill_names().items() if name not in absorbed}
    return {**skills, **CONCEPTS}


def concepts_in(text: str) -> set[str]:
    """Concepts named in ``text``, with every broader concept they imply."""
    named = {c for c, forms in all_concepts().items() if any(found(f, text) for f in forms)}
    todo = list(named)
    while todo:
        for broader in IMPLIES.get(todo.pop(), ()):
            if broader not in named:
                named.add(broader)
                todo.append(broader)
    return named


# An offer's wording and a CV's wording of the same thing: they must share a concept.
SAME_THING = [
    ("Participer aux recettes fonctionnelles", "Organised user acceptance testing for 3 releases"),
    ("Formation des utilisateurs", "Trained 150 end users on the new ERP"),
    ("Optimisation des requêtes", "Optimised Oracle queries, cutting report time by half"),
    ("Query optimisation on large tables", "Optimised Oracle queries for the billing system"),
    ("Encadrer une équipe de développeurs", "Led teams of up to 6 developers"),
    ("You will lead a team of engineers", "Led teams of up to 6 developers"),
    ("Suivi des fournisseurs", "Managed suppliers across three countries"),
    ("Gestion de projet", "Project management for a retail chain"),
    ("Création de tableaux de bord", "Built dashboards for the sales director"),
    ("Sens de la relation client", "Strong customer relationship skills"),
    ("Négociation des contrats fournisseurs", "Negotiated supplier contracts worth 2M EUR"),
    ("Expérience du recrutement", "Recruited 40 engineers in one year"),
    ("Maîtrise de PostgreSQL", "Wrote PostgreSQL stored procedures"),
    ("Bonne maîtrise du SQL", "Designed the PostgreSQL schema of the booking service"),
    ("Connaissance des méthodes agiles", "Scrum Master of two product teams"),
    ("Experience with business intelligence tools", "Built Power BI reports for finance"),
    ("Maîtrise de Power BI", "Daily PowerBI user"),
    ("Conteneurisation (Docker, Kubernetes)", "Ran services on K8s clusters"),
    ("Apprentissage automatique", "Machine learning models for churn"),
    ("Mise en place de l'intégration continue", "Set up CI/CD pipelines with GitLab CI"),
    ("Soudage TIG", "Certified welder, TIG and MIG"),
    ("Contrôle des soudures", "Weld inspection on pressure vessels"),
    ("Traitement des non-conformités", "Handled non-conformance reports with suppliers"),
    ("Audits qualité internes", "Ran internal quality audits"),
    ("Connaissance de la norme ISO 9001", "Kept the ISO 9001:2015 certification"),
    ("Rédaction et dépôt de brevets", "Drafted patent applications"),
    ("Analyse de données", "Analysed sales data weekly"),
    ("Suivi des KPI", "Tracked key performance indicators for the plant"),
    ("Prospection commerciale", "Prospecting new accounts by phone"),
    ("Gestion des stocks", "Managed inventory for 3 warehouses"),
    ("Service client", "Customer service agent for a telecom operator"),
    ("Conduite du changement", "Led change management for the CRM roll-out"),
    ("Gestion de la paie", "Processed payroll for 300 employees"),
    ("Comptabilité fournisseurs", "Accounts payable for a retail group"),
    ("Contrôle de gestion", "Management control and monthly variance analysis"),
    ("Autonomie et rigueur", "Works independently"),
    ("Esprit d'équipe", "Team player"),
    ("Bac+5 en école d'ingénieurs", "Diplôme d'ingénieur en mécanique"),
    ("Master's degree in finance", "PhD in applied economics"),
    ("Maîtrise du Pack Office", "Microsoft Office user"),
    ("Animer des formations", "Delivered training sessions to sales staff"),
    ("Ingénierie pédagogique", "Instructional designer for e-learning courses"),
    ("Mise en service des équipements", "Commissioning of battery storage sites"),
    ("Maintenance préventive", "Planned maintenance of the press line"),
    ("Appels d'offres", "Issued RFQs to 12 suppliers"),
    ("Code review and testing", "Reviewed pull requests daily"),
    ("Migration de données", "Migrated the legacy database to the cloud"),
    ("Stakeholder management", "Coordinated with internal stakeholders"),
    ("Parties prenantes internes", "Reported to stakeholders each week"),
    ("Gestion des litiges fournisseurs", "Handled supplier disputes"),
    ("Account manager grands comptes", "Key account manager for 12 retail chains"),
    ("Développement commercial", "Business development across the DACH region"),
    ("Sourcing de candidats", "Headhunting for senior engineers"),
    ("Entretiens de recrutement", "Interviewed candidates for sales roles"),
    ("Plan de développement des compétences", "Ran the skills development programme"),
    ("Analyse des besoins en formation", "Led a training needs analysis for 400 staff"),
    ("Relations sociales et dialogue social", "Employee relations with the works council"),
    ("Droit du travail", "Sound knowledge of employment law"),
    ("Achats industriels", "Industrial purchasing of castings"),
    ("Sourcing et audits fournisseurs", "Supplier audits in Asia"),
    ("Maîtrise des Incoterms", "Import-export under Incoterms"),
    ("Prévisions de la demande", "Demand forecasting for 2,000 items"),
    ("Amélioration continue (Lean, 5S)", "Ran kaizen workshops on the assembly line"),
    ("Animation de la démarche AMDEC", "Led process FMEA for new lines"),
    ("Analyse des causes racines", "Root cause analysis with Ishikawa diagrams"),
    ("Contrôles non destructifs", "NDT Level 2 (ultrasonic testing)"),
    ("Coordination soudage", "International Welding Engineer (IWE)"),
    ("Diagnostic de pannes", "Troubleshooting of hydraulic presses"),
    ("Interventions sur site chez les clients", "Field service engineer for wind farms"),
    ("Contrôle qualité", "Quality inspection of incoming parts"),
    ("Sécurité au travail", "Health and safety champion"),
    ("Clôtures mensuelles", "Month-end closing for three entities"),
    ("Rapprochements bancaires", "Bank reconciliations every week"),
    ("Consolidation des comptes", "Prepared consolidated accounts under IFRS"),
    ("Trésorerie et prévisions de trésorerie", "Cash management for the group"),
    ("Brevets et propriété intellectuelle", "Patent portfolio of 300 families"),
    ("Suivi des annuités", "Managed patent annuities"),
    ("Rédaction de contrats", "Drafted supplier agreements and contracts"),
    ("Marketing digital", "Digital marketing for a fashion brand"),
    ("Référencement naturel", "SEO audits for 20 websites"),
    ("Réseaux sociaux", "Managed social media accounts"),
    ("Relations presse", "Press relations for product launches"),
    ("Études de marché", "Market research for the new range"),
    ("Expérience en assurance qualité logicielle", "Wrote automated tests in pytest"),
    ("Tests unitaires", "Unit tests with JUnit"),
    ("Architecture microservices", "Split a monolith into micro-services"),
    ("Infrastructure as code", "Terraform modules for AWS"),
    ("Cloud (AWS, Azure ou GCP)", "Deployed on Google Cloud"),
    ("Intelligence artificielle", "Fine-tuned deep learning models"),
    ("Accessibilité numérique", "Audited pages against WCAG 2.1"),
    ("Maîtrise de la suite Office", "TOSA Excel certified"),
    ("Permis B obligatoire", "Full clean driving licence"),
    ("Bac+2 minimum", "BTS Comptabilité"),
    ("Bachelor's degree in business", "Master en gestion, Bac + 5"),
    ("Diplôme d'ingénieur", "MEng in Mechanical Engineering"),
    ("Doctorat en chimie", "PhD in organic chemistry"),
    ("Habilitation électrique", "Habilitations électriques B1V, BR"),
    ("Service client", "Handled customer complaints by phone and email"),
    ("Fidélisation client", "Cut churn by 15% with a retention plan"),
    ("Gestion des réclamations", "Complaint handling for a bank"),
    ("Prospection téléphonique", "Cold calling 60 prospects a day"),
    ("Atteinte des objectifs commerciaux", "Exceeded sales targets three years running"),
    ("Capacité à fédérer", "Natural leadership"),
    ("Gestion du stress", "Calm under pressure"),
    ("Curiosité intellectuelle", "Curious by nature"),
    ("Lecture de plans", "Reads technical drawings"),
    ("Astreintes ponctuelles", "On-call rotation for the payment platform"),
    ("Veille réglementaire", "Regulatory watch on chemical rules"),
    ("Tenue de la comptabilité", "Bookkeeping for 30 small businesses"),
    ("Non-conformity management", "Traitement des non conformités"),
    ("Clôture mensuelle", "Monthly close in five working days"),
    ("Full stack developer", "Développeur full-stack"),
]

# Wordings that must NOT read as the concept (false friends and look-alikes).
NOT_THE_THING = [
    ("Scrum Master of two product teams", "master_degree"),
    ("Built the data warehouse in BigQuery", "warehousing"),
    ("Training in Python", "user_training"),
    ("Formation : Master en finance", "training_delivery"),
    ("Worked with the sales team on pricing", "sales_targets"),
    ("Used SQL daily", "postgresql"),
    ("Business intelligence reporting", "power_bi"),
    ("Monthly closing of the general ledger", "deal_closing"),
    ("Led the migration project", "team_leadership"),
    ("par le biais de formations", "business_intelligence"),
    ("Excellent communicator", "microsoft_excel"),
    ("Renewable energy projects", "customer_retention"),
    ("Signed 14 new accounts", "accountancy"),
    ("J'ai animé des ateliers", "javascript"),
    ("J'ai piloté la refonte", "artificial_intelligence"),
    ("Un catalogue de formations accessible", "digital_accessibility"),
    ("Bases de données relationnelles", "interpersonal_skills"),
    ("Apprentissage automatique", "industrial_automation"),
    ("Génie mécanique", "generative_ai"),
    ("Chiffre d'affaires de 3 M€", "cost_estimation"),
    ("Sent 40 price quotes a week", "sales_targets"),
    ("Answered customer emails", "email_marketing"),
    ("Reduced costs by 30%", "cost_accounting"),
    ("Installed production machines", "cnc_machining"),
    ("The role reports to the CFO", "management_reporting"),
    ("Customer data and customs rules", "customs"),
    ("Employees at all levels", "high_school"),
    ("Generated qualified leads", "generative_ai"),
    ("Stock levels and replenishment", "high_school"),
    ("Received training in Excel", "training_delivery"),
    ("Phone calls with customers", "cold_calling"),
    ("Fiscal year 2023", "tax"),
    ("Date d'entrée en poste", "data_entry"),
]


@pytest.mark.parametrize(("offer", "cv"), SAME_THING)
def test_offer_and_cv_wordings_share_a_concept(offer: str, cv: str) -> None:
    assert concepts_in(offer) & concepts_in(cv), (offer, concepts_in(offer), cv, concepts_in(cv))


@pytest.mark.parametrize(("text", "concept"), NOT_THE_THING)
def test_false_friends_are_not_read_as_the_concept(text: str, concept: str) -> None:
    assert concept not in concepts_in(text)


def test_the_lookup_reads_the_tables_the_same_way() -> None:
    """The same pairs through ``vocabulary.py`` itself (the rule above is its summary)."""
    vocabulary = default_vocabulary()

    def read(text: str) -> set[str]:
        named = vocabulary.concepts_in(text)
        return set(named | vocabulary.implied(named))

    assert [pair for pair in SAME_THING if not read(pair[0]) & read(pair[1])] == []
    assert [(t, c) for t, c in NOT_THE_THING if c in read(t)] == []


def test_implication_reaches_the_broader_concept() -> None:
    assert {"sql", "relational_databases", "databases"} <= concepts_in("PostgreSQL")
    assert {"agile"} <= concepts_in("Scrum")
    assert {"business_intelligence", "data_visualisation"} <= concepts_in("Power BI")
    assert "containers" in concepts_in("Kubernetes")
    assert "negotiation" in concepts_in("negotiated supplier contracts")
    assert "postgresql" not in concepts_in("SQL")  # never from broad to narrow


def stemmed_forms() -> list[tuple[str, str]]:
    """(concept, form) for the forms read by stems (skill names go to the skill finder)."""
    return [(c, f) for c, forms in CONCEPTS.items() for f in forms if not is_skill_name(f)]


def test_every_concept_is_found_by_each_of_its_forms() -> None:
    for concept, forms in CONCEPTS.items():
        for form in forms:
            assert found(form, form), (concept, form)
    for concept, form in stemmed_forms():
        # a bare small number ("5" of "5 Whys") would match any count; "9100" is a standard
        specific = [w for w in content_words(form) if not w.isdigit() or len(w) >= 4]
        assert specific, (concept, form)


def test_concepts_are_well_formed() -> None:
    assert len(CONCEPTS) >= 250
    for concept, forms in CONCEPTS.items():
        assert re.fullmatch(r"[a-z0-9]+(?:_[a-z0-9]+)*", concept), concept
        assert 1 <= len(forms) <= 12, concept
    for concept, form in stemmed_forms():
        assert 1 <= len(content_words(form)) <= 4, (concept, form)


def test_no_form_is_listed_under_two_concepts() -> None:
    owner: dict[str, str] = {}
    for concept, forms in CONCEPTS.items():
        for form in forms:
            key = " ".join(words(form))
            assert owner.setdefault(key, concept) == concept, (form, owner[key], concept)


def test_no_one_word_form_is_generic() -> None:
    for concept, form in stemmed_forms():
        content = content_words(form)
        if len(content) == 1:
            generic = {w for w in GENERIC_WORDS if stems(w) & stems(content[0])}
            assert not generic, (concept, form, generic)


def test_one_word_forms_do_not_stem_to_a_small_word_or_a_letter() -> None:
    """ATS→"at", JS→"j", AI→"ai" ("j'ai"): every word of a text is compared, small ones too."""
    for concept, form in stemmed_forms():
        content = content_words(form)
        if len(content) == 1:
            short = {s for s in stems(content[0]) if len(s) < 2 or s in EVERYWHERE}
            assert not short, (concept, form, short)


def test_implications_name_known_concepts() -> None:
    absorbed = absorbed_skills()
    for concept, broader in IMPLIES.items():
        for name in (concept, *broader):
            assert name in CONCEPTS or name in skill_names(), name
            # a skill listed as a form is that concept now: imply the concept, not the name
            assert name in CONCEPTS or name not in absorbed, (name, absorbed.get(name))
        assert concept not in broader and len(set(broader)) == len(broader), concept


def test_concept_ids_that_are_skill_names_list_that_skill() -> None:
    for concept, forms in CONCEPTS.items():
        for key in {concept, concept.replace("_", " ")}:
            if key in skill_names():
                assert key in {fold(f) for f in forms}, concept


def test_no_implication_cycle() -> None:
    def reaches(start: str) -> set[str]:
        seen: set[str] = set()
        todo = list(IMPLIES.get(start, ()))
        while todo:
            name = todo.pop()
            if name not in seen:
                seen.add(name)
                todo.extend(IMPLIES.get(name, ()))
        return seen

    for concept in IMPLIES:
        assert concept not in reaches(concept), concept
