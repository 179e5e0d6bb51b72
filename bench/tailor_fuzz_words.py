"""The words of the tailoring fuzzer's synthetic CVs and offers (bench/tailor_fuzz.py), in French
and English. Nothing comes from a real CV or ad: trades are written as templates, employers are
made of syllables (bench/synthetic_cv_content.py), links point at reserved ``.example`` hosts.

Each trade has job titles, bullets naming its tools, listed skills, offer requirements, offer
prose and certifications; an *unrelated* trade (hospitality, summer jobs) names none of them.
``TRAPS`` are employers, schools, degrees and interests whose names hold a skill word an offer
asks for ("Nordwind Communication Systems", an interest in "Cuisine"): a tailoring may never
list that skill from them.
"""

from __future__ import annotations

from dataclasses import dataclass

Texts = dict[str, tuple[str, ...]]  # language → texts


@dataclass(frozen=True)
class Trade:
    key: str
    titles: Texts  # job titles (and the candidate's headline)
    offer_titles: Texts
    bullets: Texts  # "{n}" takes a number; each names a tool or a skill of the trade
    skills: Texts  # listed skills (tool names are the same in both languages)
    requirements: Texts  # an offer's requirement lines
    prose: Texts  # an offer's description sentences, naming the same skills
    certifications: tuple[str, ...]


# fmt: off
DATA = Trade(
    key="data",
    titles={
        "en": ("Data Analyst", "BI Analyst", "Data Engineer", "Analytics Engineer"),
        "fr": ("Analyste de données", "Data analyst", "Ingénieur data", "Chargée d'études data"),
    },
    offer_titles={
        "en": ("Data Analyst", "Analytics Engineer", "Junior Data Engineer"),
        "fr": ("Data Analyst (H/F)", "Analyste de données (F/H)", "Ingénieur data junior"),
    },
    bullets={
        "en": (
            "Built {n} Power BI dashboards for the finance team.",
            "Automated the weekly ETL jobs with Python and Airflow.",
            "Cut the monthly report run time by {n}% with SQL tuning.",
            "Trained a churn model in scikit-learn that flagged {n}% of leavers.",
            "Modelled the sales data in dbt on Snowflake.",
            "Presented the quarterly figures to {n} regional managers.",
            "Cleaned {n} million rows of sensor data with Pandas.",
            "Set up data quality checks on the BigQuery warehouse.",
            "Wrote the Tableau reports of the pricing team.",
            "Documented {n} tables of the customer data model.",
        ),
        "fr": (
            "Création de {n} tableaux de bord Power BI pour la direction financière.",
            "Automatisation des traitements ETL hebdomadaires en Python avec Airflow.",
            "Réduction de {n} % du temps de calcul des rapports par l'optimisation SQL.",
            "Conception d'un modèle d'attrition avec scikit-learn.",
            "Modélisation des données de ventes avec dbt sur Snowflake.",
            "Présentation des résultats trimestriels à {n} responsables régionaux.",
            "Nettoyage de {n} millions de lignes de données capteurs avec Pandas.",
            "Mise en place de contrôles qualité sur l'entrepôt BigQuery.",
            "Rédaction des rapports Tableau de l'équipe tarification.",
            "Documentation de {n} tables du modèle de données clients.",
        ),
    },
    skills={
        "en": ("Python", "SQL", "Power BI", "Tableau", "Excel", "Spark", "Airflow", "dbt",
               "Pandas", "Machine Learning", "ETL", "BigQuery", "Snowflake", "Git", "Looker",
               "Statistics", "Data Visualization", "scikit-learn", "PostgreSQL", "Docker"),
        "fr": ("Python", "SQL", "Power BI", "Tableau", "Excel", "Spark", "Airflow", "dbt",
               "Pandas", "Machine learning", "ETL", "BigQuery", "Snowflake", "Git", "Looker",
               "Statistiques", "Data visualisation", "scikit-learn", "PostgreSQL", "Docker"),
    },
    requirements={
        "en": ("Strong SQL skills", "Experience with Python and Pandas",
               "Dashboards in Power BI or Tableau", "Knowledge of dbt and Snowflake",
               "Airflow orchestration", "Machine learning basics"),
        "fr": ("Maîtrise de SQL", "Expérience en Python (Pandas)",
               "Connaissance de Power BI ou Tableau", "Pratique de dbt et Snowflake",
               "Orchestration avec Airflow", "Notions de machine learning"),
    },
    prose={
        "en": ("You will write SQL every day and build dashboards in Power BI.",
               "The team runs its pipelines with Python and Airflow.",
               "Experience with dbt on Snowflake is a plus.",
               "You know your way around Pandas and basic machine learning."),
        "fr": ("Vous écrirez du SQL au quotidien et construirez des tableaux de bord Power BI.",
               "L'équipe fait tourner ses flux en Python avec Airflow.",
               "Une expérience de dbt sur Snowflake est un plus.",
               "Vous savez manipuler Pandas et les bases du machine learning."),
    },
    certifications=("Google Data Analytics Certificate", "Power BI Data Analyst Associate",
                    "Databricks Data Engineer Associate", "Tableau Desktop Specialist"),
)

SOFTWARE = Trade(
    key="software",
    titles={
        "en": ("Software Engineer", "Backend Developer", "Full-Stack Developer"),
        "fr": ("Développeur back-end", "Ingénieur logiciel", "Développeuse full-stack"),
    },
    offer_titles={
        "en": ("Backend Engineer", "Software Engineer (Java)", "Full-Stack Developer"),
        "fr": ("Développeur Java (H/F)", "Ingénieur logiciel back-end", "Développeur full-stack"),
    },
    bullets={
        "en": (
            "Built REST APIs in Java with Spring Boot serving {n} requests a second.",
            "Moved {n} services to Docker and Kubernetes.",
            "Set up the CI/CD pipeline with GitLab CI.",
            "Rewrote the billing front end in React and TypeScript.",
            "Tuned PostgreSQL queries to cut latency by {n}%.",
            "Streamed order events through Kafka.",
            "Wrote Terraform modules for the AWS accounts.",
            "Reviewed code for a team of {n} developers.",
            "Cached the catalogue in Redis for {n} stores.",
            "Ported the import scripts from Perl to Go.",
        ),
        "fr": (
            "Développement d'API REST en Java avec Spring Boot.",
            "Migration de {n} services vers Docker et Kubernetes.",
            "Mise en place de la chaîne CI/CD avec GitLab CI.",
            "Refonte de l'interface de facturation en React et TypeScript.",
            "Optimisation des requêtes PostgreSQL : latence réduite de {n} %.",
            "Diffusion des événements de commande via Kafka.",
            "Écriture de modules Terraform pour les comptes AWS.",
            "Revue de code pour une équipe de {n} développeurs.",
            "Mise en cache du catalogue dans Redis pour {n} magasins.",
            "Réécriture des scripts d'import de Perl vers Go.",
        ),
    },
    skills={
        "en": ("Java", "Spring Boot", "Python", "Docker", "Kubernetes", "Git", "React",
               "TypeScript", "PostgreSQL", "REST API", "CI/CD", "AWS", "Linux", "Go", "Kafka",
               "Redis", "Terraform", "JavaScript", "Node.js", "GraphQL"),
        "fr": ("Java", "Spring Boot", "Python", "Docker", "Kubernetes", "Git", "React",
               "TypeScript", "PostgreSQL", "API REST", "CI/CD", "AWS", "Linux", "Go", "Kafka",
               "Redis", "Terraform", "JavaScript", "Node.js", "GraphQL"),
    },
    requirements={
        "en": ("Java and Spring Boot", "Docker and Kubernetes in production", "PostgreSQL",
               "CI/CD practices", "React or TypeScript is a plus", "Experience with Kafka"),
        "fr": ("Maîtrise de Java et Spring Boot", "Docker et Kubernetes en production",
               "Bonne connaissance de PostgreSQL", "Pratique de la CI/CD",
               "React ou TypeScript apprécié", "Expérience de Kafka"),
    },
    prose={
        "en": ("You will build our APIs in Java with Spring Boot.",
               "Everything runs on Docker and Kubernetes, deployed by our CI/CD pipeline.",
               "Our data lives in PostgreSQL and moves through Kafka."),
        "fr": ("Vous développerez nos API en Java avec Spring Boot.",
               "Tout tourne sur Docker et Kubernetes, déployé par notre chaîne CI/CD.",
               "Nos données vivent dans PostgreSQL et circulent via Kafka."),
    },
    certifications=("AWS Certified Developer Associate", "Certified Kubernetes Application "
                    "Developer", "Oracle Certified Professional Java SE 17"),
)

LOGISTICS = Trade(
    key="logistics",
    titles={
        "en": ("Logistics Coordinator", "Supply Chain Analyst", "Warehouse Supervisor"),
        "fr": ("Gestionnaire de stock", "Responsable logistique", "Approvisionneur"),
    },
    offer_titles={
        "en": ("Inventory Controller", "Logistics Coordinator", "Supply Planner"),
        "fr": ("Gestionnaire de stock (F/H)", "Coordinateur logistique", "Approvisionneuse"),
    },
    bullets={
        "en": (
            "Ran the stock counts for {n} SKUs in SAP.",
            "Cut stock-outs by {n}% with a Kanban refill loop.",
            "Planned inbound transport for {n} suppliers under Incoterms.",
            "Set up 5S and Lean routines in the warehouse.",
            "Built the weekly forecasting file in Excel.",
            "Configured the new WMS picking zones.",
            "Managed a team of {n} forklift drivers.",
            "Negotiated freight rates with {n} carriers.",
        ),
        "fr": (
            "Suivi des inventaires de {n} références dans SAP.",
            "Réduction des ruptures de {n} % grâce à un réapprovisionnement Kanban.",
            "Organisation du transport amont de {n} fournisseurs selon les Incoterms.",
            "Déploiement des routines 5S et Lean en entrepôt.",
            "Construction du fichier de prévisions hebdomadaire sous Excel.",
            "Paramétrage des zones de préparation du nouveau WMS.",
            "Encadrement d'une équipe de {n} caristes.",
            "Négociation des tarifs de fret avec {n} transporteurs.",
        ),
    },
    skills={
        "en": ("SAP", "Excel", "WMS", "Lean", "Supply Chain", "Inventory management",
               "Incoterms", "ERP", "Power BI", "Procurement", "Kanban", "5S", "Forecasting",
               "Transport planning"),
        "fr": ("SAP", "Excel", "WMS", "Lean", "Supply chain", "Gestion des stocks", "Incoterms",
               "ERP", "Power BI", "Approvisionnement", "Kanban", "5S", "Prévisions",
               "Planification transport"),
    },
    requirements={
        "en": ("Experience with SAP", "Inventory management", "Advanced Excel",
               "Knowledge of Incoterms", "Lean and 5S"),
        "fr": ("Maîtrise de SAP", "Gestion des stocks", "Excel avancé",
               "Connaissance des Incoterms", "Culture Lean et 5S"),
    },
    prose={
        "en": ("You will run the inventory in SAP and keep the forecasts in Excel.",
               "Our warehouse works with Lean and 5S routines.",
               "You will plan transport with our carriers under Incoterms."),
        "fr": ("Vous piloterez les stocks dans SAP et tiendrez les prévisions sous Excel.",
               "Notre entrepôt travaille en Lean avec des routines 5S.",
               "Vous organiserez le transport avec nos transporteurs selon les Incoterms."),
    },
    certifications=("APICS CPIM", "CACES R489 catégorie 3", "Green Belt Lean Six Sigma"),
)

SALES = Trade(
    key="sales",
    titles={
        "en": ("Sales Representative", "Account Manager", "Business Developer"),
        "fr": ("Commercial terrain", "Chargée d'affaires", "Téléprospecteur"),
    },
    offer_titles={
        "en": ("Account Executive", "Sales Development Representative", "Key Account Manager"),
        "fr": ("Commercial B2B (H/F)", "Téléprospecteur (F/H)", "Chargé d'affaires"),
    },
    bullets={
        "en": (
            "Opened {n} new B2B accounts through cold calling.",
            "Managed a pipeline of {n} deals in Salesforce.",
            "Negotiated yearly contracts with {n} key accounts.",
            "Ran prospecting campaigns in HubSpot.",
            "Reached {n}% of the annual sales target.",
            "Trained {n} new sales reps on the CRM.",
            "Answered {n} tenders for public buyers.",
        ),
        "fr": (
            "Ouverture de {n} nouveaux comptes B2B par prospection téléphonique.",
            "Gestion d'un portefeuille de {n} opportunités dans Salesforce.",
            "Négociation des contrats annuels avec {n} grands comptes.",
            "Campagnes de prospection sous HubSpot.",
            "Atteinte de {n} % de l'objectif commercial annuel.",
            "Formation de {n} nouveaux commerciaux au CRM.",
            "Réponse à {n} appels d'offres publics.",
        ),
    },
    skills={
        "en": ("Salesforce", "CRM", "Negotiation", "Prospecting", "HubSpot",
               "Business Development", "Cold calling", "Account management", "Excel",
               "B2B sales", "Tenders"),
        "fr": ("Salesforce", "CRM", "Négociation", "Prospection", "HubSpot",
               "Développement commercial", "Prospection téléphonique", "Gestion de comptes",
               "Excel", "Vente B2B", "Appels d'offres"),
    },
    requirements={
        "en": ("Proven B2B sales experience", "Salesforce or another CRM",
               "Strong negotiation skills", "Prospecting by phone"),
        "fr": ("Expérience réussie en vente B2B", "Maîtrise d'un CRM (Salesforce)",
               "Sens de la négociation", "Prospection téléphonique"),
    },
    prose={
        "en": ("You will prospect new B2B accounts by phone and follow them in Salesforce.",
               "You negotiate yearly contracts with our key accounts."),
        "fr": ("Vous prospecterez de nouveaux comptes B2B par téléphone et les suivrez dans "
               "Salesforce.", "Vous négociez les contrats annuels avec nos grands comptes."),
    },
    certifications=("HubSpot Inbound Sales", "Salesforce Certified Associate"),
)

HR = Trade(
    key="hr",
    titles={
        "en": ("HR Officer", "Recruiter", "HR Assistant"),
        "fr": ("Chargée de recrutement", "Gestionnaire RH", "Assistante RH"),
    },
    offer_titles={
        "en": ("HR Generalist", "Talent Acquisition Specialist", "HR Assistant"),
        "fr": ("Chargé de recrutement (H/F)", "Gestionnaire paie et RH", "Assistant RH"),
    },
    bullets={
        "en": (
            "Hired {n} engineers in a year with LinkedIn Recruiter.",
            "Ran the onboarding of {n} new starters.",
            "Prepared the monthly payroll for {n} employees.",
            "Moved the HR files to Workday.",
            "Organised {n} safety training sessions.",
            "Answered employees' questions on employment law.",
        ),
        "fr": (
            "Recrutement de {n} techniciens en un an via LinkedIn Recruiter.",
            "Organisation de l'intégration de {n} nouveaux arrivants.",
            "Préparation de la paie mensuelle de {n} salariés.",
            "Migration des dossiers du personnel vers le SIRH Workday.",
            "Organisation de {n} sessions de formation sécurité.",
            "Réponse aux questions des salariés en droit du travail.",
        ),
    },
    skills={
        "en": ("Recruitment", "Onboarding", "Payroll", "Workday", "HRIS", "Employment law",
               "Training", "Excel", "LinkedIn Recruiter"),
        "fr": ("Recrutement", "Intégration", "Paie", "Workday", "SIRH", "Droit du travail",
               "Formation", "Excel", "LinkedIn Recruiter"),
    },
    requirements={
        "en": ("Experience in recruitment", "Payroll knowledge", "Workday or another HRIS",
               "Employment law basics"),
        "fr": ("Expérience en recrutement", "Connaissance de la paie", "Pratique d'un SIRH",
               "Bases du droit du travail"),
    },
    prose={
        "en": ("You will lead recruitment from sourcing to onboarding.",
               "You prepare the payroll in Workday."),
        "fr": ("Vous piloterez le recrutement, du sourcing à l'intégration.",
               "Vous préparez la paie dans notre SIRH."),
    },
    certifications=("SHRM-CP", "Certificat Paie et administration du personnel"),
)

MAINTENANCE = Trade(
    key="maintenance",
    titles={
        "en": ("Maintenance Technician", "Quality Engineer", "Methods Engineer"),
        "fr": ("Technicien de maintenance", "Ingénieure qualité", "Mécanicien d'atelier"),
    },
    offer_titles={
        "en": ("Field Service Technician", "Quality Engineer", "Maintenance Lead"),
        "fr": ("Technicien de maintenance (H/F)", "Ingénieur qualité", "Mécanicien engins"),
    },
    bullets={
        "en": (
            "Ran the preventive maintenance of {n} production lines.",
            "Logged every work order in the CMMS.",
            "Led {n} FMEA workshops with the methods team.",
            "Kept the plant ISO 9001 certified through {n} audits.",
            "Fixed hydraulic and electrical faults on presses.",
            "Programmed Siemens PLCs for the new conveyor.",
            "Drew the jig designs in SolidWorks.",
        ),
        "fr": (
            "Maintenance préventive de {n} lignes de production.",
            "Saisie de tous les bons de travaux dans la GMAO.",
            "Animation de {n} ateliers AMDEC avec l'équipe méthodes.",
            "Maintien de la certification ISO 9001 au fil de {n} audits.",
            "Dépannage hydraulique et électrique des presses.",
            "Programmation des automates Siemens du nouveau convoyeur.",
            "Conception des gabarits sous SolidWorks.",
        ),
    },
    skills={
        "en": ("Preventive maintenance", "CMMS", "ISO 9001", "FMEA", "Lean", "5S",
               "Hydraulics", "Electrical systems", "PLC", "SolidWorks", "AutoCAD", "Welding"),
        "fr": ("Maintenance préventive", "GMAO", "ISO 9001", "AMDEC", "Lean", "5S",
               "Hydraulique", "Électricité", "Automates", "SolidWorks", "AutoCAD", "Soudage"),
    },
    requirements={
        "en": ("Preventive maintenance experience", "Hydraulics and electrical systems",
               "ISO 9001 quality system", "PLC troubleshooting"),
        "fr": ("Expérience en maintenance préventive", "Compétences en hydraulique et "
               "électricité", "Connaissance de la norme ISO 9001", "Dépannage d'automates"),
    },
    prose={
        "en": ("You will run the preventive maintenance of our lines.",
               "You troubleshoot hydraulic, electrical and PLC faults."),
        "fr": ("Vous assurerez la maintenance préventive de nos lignes.",
               "Vous dépannez les pannes hydrauliques, électriques et d'automates."),
    },
    certifications=("Habilitation électrique B1V", "Certified Maintenance & Reliability "
                    "Technician", "CACES R482"),
)

# fmt: on

TRADES = (DATA, SOFTWARE, LOGISTICS, SALES, HR, MAINTENANCE)
# An offer of a neighbouring trade is still a plausible application.
NEIGHBOURS = {
    "data": "software",
    "software": "data",
    "logistics": "maintenance",
    "maintenance": "logistics",
    "sales": "hr",
    "hr": "sales",
}

# Skills of any trade: they fill the long skill lists of dense CVs.
COMMON_SKILLS: Texts = {
    "en": ("Teamwork", "Microsoft Office", "Google Sheets", "Project management",
           "Problem solving", "Time management", "Jira", "Confluence", "Slack", "Notion",
           "Trello", "Agile", "Scrum", "Customer service", "Reporting"),
    "fr": ("Travail en équipe", "Pack Office", "Google Sheets", "Gestion de projet",
           "Résolution de problèmes", "Gestion du temps", "Jira", "Confluence", "Slack",
           "Notion", "Trello", "Agile", "Scrum", "Relation client", "Reporting"),
}  # fmt: skip

# Jobs that share nothing with any trade above: an old student or summer job.
# fmt: off
UNRELATED = Trade(
    key="unrelated",
    titles={
        "en": ("Waiter", "Barista", "Camp Counsellor", "Lifeguard"),
        "fr": ("Serveur", "Équipier polyvalent", "Animateur de colonie", "Maître-nageur"),
    },
    offer_titles={"en": (), "fr": ()},
    bullets={
        "en": (
            "Served up to {n} covers a night.",
            "Opened and closed the café alone.",
            "Looked after groups of {n} children.",
            "Watched the pool on busy weekends.",
        ),
        "fr": (
            "Service en salle jusqu'à {n} couverts par soir.",
            "Ouverture et fermeture du café en autonomie.",
            "Encadrement de groupes de {n} enfants.",
            "Surveillance de la piscine les week-ends d'affluence.",
        ),
    },
    skills={"en": (), "fr": ()},
    requirements={"en": (), "fr": ()},
    prose={"en": (), "fr": ()},
    certifications=(),
)

# fmt: on

# A sentence an import split in two: the head stops on a function word, the tail is short and
# closes it ("… pour les" + "applications Orvane."). "{org}" takes a made-up name.
SPLIT_BULLETS: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (
        ("Designed the reporting tools for the", "regional sales teams."),
        ("Maintained the order tracking screens of the", "{org} platform."),
        ("Wrote the user guides for the", "field technicians."),
        ("Led the weekly reviews with the", "plant managers."),
    ),
    "fr": (
        ("Développement des interfaces de suivi pour les", "applications {org}."),
        ("Maintenance évolutive des écrans de la", "plateforme {org}."),
        ("Rédaction des guides utilisateurs pour les", "techniciens terrain."),
        ("Animation des revues hebdomadaires avec les", "chefs d'atelier."),
    ),
}

# (where the name sits, its text per language, the skill word an offer then asks for).
TRAPS: tuple[tuple[str, dict[str, str], dict[str, str]], ...] = (
    (
        "employer",
        {"en": "Nordwind Communication Systems", "fr": "Nordwind Communication Systems"},
        {"en": "Communication", "fr": "Communication"},
    ),
    (
        "employer",
        {"en": "Velmar Marketing Group", "fr": "Velmar Marketing Group"},
        {"en": "Marketing", "fr": "Marketing"},
    ),
    (
        "employer",
        {"en": "Kessel Cybersecurity Partners", "fr": "Kessel Cybersécurité"},
        {"en": "Cybersecurity", "fr": "Cybersécurité"},
    ),
    (
        "school",
        {"en": "Rivel School of Management", "fr": "École de Management de Rivel"},
        {"en": "Management", "fr": "Management"},
    ),
    (
        "school",
        {"en": "Tessy Institute of Accounting", "fr": "Institut de Comptabilité de Tessy"},
        {"en": "Accounting", "fr": "Comptabilité"},
    ),
    (
        "degree",
        {"en": "BSc Mathematics", "fr": "Licence Mathématiques"},
        {"en": "Mathematics", "fr": "Mathématiques"},
    ),
    (
        "degree",
        {"en": "BA Marketing", "fr": "Licence Marketing"},
        {"en": "Marketing", "fr": "Marketing"},
    ),
    ("interest", {"en": "Cooking", "fr": "Cuisine"}, {"en": "Cooking", "fr": "Cuisine"}),
    (
        "interest",
        {"en": "Photography", "fr": "Photographie"},
        {"en": "Photography", "fr": "Photographie"},
    ),
    (
        "interest",
        {"en": "Video editing", "fr": "Montage vidéo"},
        {"en": "Video editing", "fr": "Montage vidéo"},
    ),
    ("place", {"en": "Python Creek", "fr": "Python Creek"}, {"en": "Python", "fr": "Python"}),
)

DEGREES: Texts = {
    "en": (
        "MSc Supply Chain Management",
        "BSc Computer Science",
        "MBA",
        "BA Economics",
        "Bachelor of Engineering",
        "MSc Data Science",
    ),
    "fr": (
        "Master Informatique",
        "Diplôme d'ingénieur",
        "BTS Négociation et relation client",
        "DUT Génie mécanique",
        "Licence professionnelle Logistique",
        "Master Science des données",
    ),
}
SCHOOLS = ("Université de Lorvel", "École Supérieure de Brivanne", "Tarmond University",
           "Institut Polytechnique de Sardel", "Kelverne College")  # fmt: skip
INTERESTS: Texts = {
    "en": ("Trail running", "Chess", "Sailing", "Choir singing", "Volunteering at a food bank"),
    "fr": ("Course en montagne", "Échecs", "Voile", "Chorale", "Bénévolat à la banque alimentaire"),
}
SUMMARIES: Texts = {
    "en": (
        "{title} with {y} years of experience in demanding teams.",
        "{title} who likes clean, documented work and short feedback loops.",
    ),
    "fr": (
        "{title} avec {y} ans d'expérience dans des équipes exigeantes.",
        "{title} attaché(e) à un travail propre, documenté et aux retours rapides.",
    ),
}
JUNIOR_SUMMARIES: Texts = {
    "en": ("Final-year student looking for a first position after an internship.",),
    "fr": ("Étudiant(e) en dernière année, à la recherche d'un premier poste après un stage.",),
}
INTERN_TITLES: Texts = {
    "en": ("{title} Intern", "Intern, {title}"),
    "fr": ("Stage {title}", "Stagiaire {title}"),
}

# Language names, and the levels CVs write (as written: a CEFR letter, a word, both).
LANGUAGE_NAMES = {
    "en": {"fr": "French", "en": "English", "es": "Spanish", "de": "German"},
    "fr": {"fr": "Français", "en": "Anglais", "es": "Espagnol", "de": "Allemand"},
}
NATIVE = {"en": "Native", "fr": "Langue maternelle"}
LEVELS: Texts = {
    "en": ("B2", "Fluent (C1)", "C1", "Intermediate", "Fluent", "A2", "Professional (B2)"),
    "fr": ("B2", "Courant", "Courant (C1)", "Intermédiaire", "Notions", "C1", "Bilingue"),
}
# How an offer asks for English (or French): a line of its own and the parsed entry.
OFFER_LANGUAGE_LINES = {
    "en": {"en": "Fluent English (C1) required.", "fr": "French is a plus."},
    "fr": {"en": "Anglais courant exigé (niveau C1).", "fr": "Français courant exigé."},
}
OFFER_LANGUAGE_LEVEL = {"en": "C1", "fr": "Courant"}

# Header links on reserved hosts (``.example``): the contract wants each address printed.
LINKS = (
    ("LinkedIn", "https://www.linkedin.example/in/{slug}"),
    ("GitHub", "https://github.example/{slug}"),
    ("Portfolio", "https://{slug}.portfolio.example/"),
    ("Website", "https://www.{slug}.example/work"),
)

OFFER_INTROS: Texts = {
    "en": ("{company} is hiring a {title} in {town}.", "Join {company} in {town} as {title}."),
    "fr": (
        "{company} recrute un(e) {title} à {town}.",
        "Rejoignez {company} à {town} en tant que {title}.",
    ),
}
OFFER_HEADINGS = {"en": "Requirements", "fr": "Profil recherché"}
TOWNS = ("Lyon", "Nantes", "Lille", "Grenoble", "Bordeaux", "Toulouse", "Leeds", "Bristol",
         "Dublin", "Montréal", "Porto", "Lausanne")  # fmt: skip
