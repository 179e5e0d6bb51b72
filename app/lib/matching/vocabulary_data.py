"""The job vocabulary the match analysis reads: concepts (with their English and French forms)
and the broader concepts a narrower one implies.

How the lookup reads a form (``vocabulary.py``, words and stems from ``terms.py``): text is
folded (lowercase, no accents) and cut into words ("c++", "node.js", "ci/cd" and hyphenated words
stay whole and are compared whole, so "non-conformité" and "non-conformités" are two forms); each
plain word is stemmed with both the English and the French Snowball stemmers, and two words match
when any of their stems are equal ("trained" ~ "training", "formations" ~ "formation"). A form is
found when all its content words (function words such as "de", "the", "of" and single letters
ignored) sit within 6 consecutive words of the text, in any order. So forms are short (1–3
content words), a one-word form is a word that names its concept on its own ("recruitment",
"soudage"), and no form leans on a word the stemmers fold into an everyday one ("BI" ~ "biais",
"renewals" ~ "renewable", "accountant" ~ "accounts", "ATS" ~ "at", "AI" ~ the "ai" of "j'ai").

Tools and skills named in ``app/lib/parsing/fields/skills_vocab.py`` are concepts already (id =
folded
name), found by the offer parser's skill finder with its own case and context rules, not by
stems. A concept below that lists one of those names as a form absorbs it (so "Power BI" and
"PowerBI", "Négociation" and "negotiate" are one concept). A name that also reads as an ordinary
term in other trades ("Closing" of accounts, "Automation" of tests, "Consolidation" of data) is
not absorbed: a narrower concept implies it instead.

``IMPLIES`` goes from narrow to broad only, and only where a recruiter would accept it as true:
having used PostgreSQL means having written SQL; having written SQL says nothing of PostgreSQL.
Keys and targets are concept ids below or folded skills_vocab names not absorbed here.

Both tables are written as text blocks, one concept per line ("id: form | form") and one
implication per line ("id > broader, broader"), so a reader sees a domain at a glance.
"""

from __future__ import annotations

import re

# --- Software: languages, frameworks and their families ---------------------------------------
_SOFTWARE = """
javascript: JavaScript | ECMAScript | ES6 | Vanilla JS
typescript: TypeScript
nodejs: Node.js | NodeJS
react: React | ReactJS | React.js
vuejs: Vue.js | VueJS
angular: Angular | AngularJS
nextjs: Next.js | NextJS
golang: Go | Golang | Go language | langage Go
dotnet: .NET | dotnet | .NET Core | .NET Framework | ASP.NET Core
front_end: front-end | front end | frontend | développement front | client-side | interfaces web
back_end: back-end | back end | backend | développement back | server-side | côté serveur
full_stack: full-stack | full stack | fullstack | développeur full stack
web_development: web development | développement web | web developer | développeur web \
    | applications web | sites web | websites
mobile_development: mobile development | développement mobile | mobile apps \
    | applications mobiles | mobile applications
software_development: software development | développement logiciel | software engineering \
    | génie logiciel | programming languages | langages de programmation | software developer \
    | développeur logiciel
api: API | APIs | REST API | API REST | conception d'API | endpoints | API design
microservices: Microservices | micro-services | architecture microservices
software_architecture: software architecture | architecture logicielle | system design \
    | architecture technique | solution architecture | architecte logiciel | design patterns
automated_testing: automated tests | tests automatisés | test automation \
    | automatisation des tests | unit tests | tests unitaires | integration tests \
    | tests d'intégration | end-to-end tests | E2E tests
software_testing: software testing | test campaigns | campagnes de tests | test plans \
    | plans de test | test cases | cas de test \
    | tests fonctionnels | functional testing | tests de non-régression | non régression \
    | regression testing
software_quality_assurance: software quality assurance | assurance qualité logicielle \
    | qualité logicielle | software quality | QA engineer | ingénieur QA | QA analyst
code_review: code review | revue de code | relecture de code | pull requests | merge requests
refactoring: refactoring | refactorisation | refonte du code | dette technique \
    | technical debt | legacy code | code legacy
performance_optimisation: performance optimisation | performance optimization \
    | optimisation des performances | performance tuning | load testing | tests de charge \
    | latency | latence
query_optimisation: query optimisation | query optimization | optimise queries \
    | optimize queries | optimisation des requêtes | optimiser les requêtes | query tuning \
    | SQL tuning | slow queries | requêtes lentes
migration: migration | migrer | migrated | legacy migration
technical_documentation: technical documentation | documentation technique \
    | write documentation | wrote documentation | spécifications techniques \
    | technical specifications | technical writing | rédaction technique
version_control: version control | gestion de version | contrôle de version | versioning \
    | source control
github: GitHub
gitlab: GitLab
bitbucket: Bitbucket
shell_scripting: shell scripting | scripts shell | Bash scripting | scripts bash
embedded_systems: Embedded | systèmes embarqués | embedded systems | embedded software \
    | logiciel embarqué | firmware | microcontrollers | microcontrôleurs
signal_processing: signal processing | traitement du signal | signal analysis \
    | analyse de signaux | DSP
electronics: electronics | électronique | circuit design | electronic circuits \
    | circuits électroniques | conception électronique \
    | PCB | cartes électroniques
blockchain: Blockchain | smart contracts | web3
"""

# --- Data, databases, BI, AI -------------------------------------------------------------------
_DATA = """
sql: SQL | requêtes SQL | SQL queries | langage SQL
relational_databases: relational databases | bases de données relationnelles | SGBD | SGBDR \
    | RDBMS | modèle relationnel
databases: databases | bases de données | base de données | database design
database_administration: DBA | database administration | administration de bases de données \
    | administrateur base de données | database administrator
nosql: NoSQL | bases NoSQL | non-relational databases | bases non relationnelles
postgresql: PostgreSQL | Postgres | psql
sql_server: SQL Server | MS SQL | MSSQL | Microsoft SQL Server
oracle_database: Oracle Database | Oracle DB | base Oracle | bases Oracle
mongodb: MongoDB | Mongo
elasticsearch: Elasticsearch | Elastic Search
bigquery: BigQuery | Big Query
data_warehouse: data warehouse | entrepôt de données | data warehousing | datawarehouse | DWH \
    | data lake | lakehouse | datamart
data_modelling: data modelling | data modeling | modélisation des données \
    | modélisation de données | star schema | schéma en étoile | dimensional modelling | Merise
data_engineering: Data Engineering | data engineer | ingénieur data | ingénierie des données \
    | ingénieur données
etl: ETL | ELT | data pipelines | pipelines de données | data integration \
    | intégration de données | data ingestion
talend: Talend
informatica: Informatica
ssis: SSIS
fivetran: Fivetran
stream_processing: stream processing | real-time data | données temps réel \
    | données en temps réel | event streaming | event-driven
message_queues: message queues | message broker | file de messages | messaging queue
big_data: big data | données massives | large datasets | gros volumes de données
data_quality: data quality | qualité des données | data cleaning | nettoyage des données \
    | data cleansing | fiabilisation des données | data validation
data_governance: data governance | gouvernance des données | master data | MDM \
    | référentiel de données | data stewardship | data catalog
data_analysis: Data Analysis | analyse de données | analyse des données | analyser les données \
    | analysed data | analyzed data | data analyst | analyste de données
data_visualisation: Data Visualisation | Data Visualization | dataviz | data viz \
    | visualisation de données | visualisations
business_intelligence: business intelligence | informatique décisionnelle | décisionnel \
    | outils BI | BI tools | BI developer | développeur BI | consultant BI | solutions BI
power_bi: Power BI | PowerBI | Microsoft Power BI
looker_studio: Looker Studio | Data Studio | Google Data Studio
metabase: Metabase
superset: Superset | Apache Superset
dashboards: dashboard | dashboards | Tableau de bord | Tableaux de bord | tableaux de pilotage
management_reporting: Reporting | management reports | rapports de gestion | weekly reports \
    | monthly reports | rapports mensuels | rapports hebdomadaires | rapports d'activité
kpi: KPI | KPIs | key metrics | business metrics | indicateurs de performance \
    | key performance indicators | indicateurs clés \
    | performance indicators
statistics: statistics | statistiques | statistical analysis | analyse statistique \
    | statistical modelling | modélisation statistique | statisticien | statistician
microsoft_excel: Excel | Microsoft Excel | MS Excel | Excel spreadsheets | fichiers Excel
excel_advanced: advanced Excel | Excel avancé | pivot tables | tableaux croisés dynamiques \
    | TCD | VLOOKUP | RECHERCHEV | XLOOKUP
spreadsheets: spreadsheets | spreadsheet | tableur | tableurs | feuilles de calcul
google_sheets: Google Sheets
ab_testing: A/B testing | A/B tests | tests A/B | AB testing | split testing
web_analytics: web analytics | analytics web | analyse d'audience | audience analysis
google_analytics: Google Analytics | GA4 | Google Analytics 4 | Universal Analytics
machine_learning: Machine Learning | apprentissage automatique | ML models | modèles ML \
    | modèles prédictifs | predictive models | predictive modelling
deep_learning: Deep Learning | apprentissage profond | neural networks | réseaux de neurones
artificial_intelligence: artificial intelligence | intelligence artificielle | IA
nlp: NLP | natural language processing | traitement du langage naturel | TALN
computer_vision: Computer Vision | vision par ordinateur | image recognition \
    | reconnaissance d'images
generative_ai: IA générative | generative models | LLM | LLMs | large language models \
    | prompt engineering | retrieval-augmented generation
mlops: MLOps | ML Ops | model deployment | déploiement de modèles
"""

# --- Infrastructure, cloud, DevOps, security, IT operations -------------------------------------
_INFRA = """
cloud: cloud | cloud computing | cloud platforms | plateformes cloud | infonuagique
aws: AWS | Amazon Web Services | AWS Certified
azure: Azure | Microsoft Azure | AZ-900 | AZ-104
gcp: GCP | Google Cloud | Google Cloud Platform
ovhcloud: OVHcloud | OVH
containers: containers | conteneurs | containerisation | containerization | conteneurisation
kubernetes: Kubernetes | K8s
openshift: OpenShift
eks: EKS
gke: GKE
aks: AKS
infrastructure_as_code: infrastructure as code | IaC | infrastructure en tant que code
pulumi: Pulumi
cloudformation: CloudFormation
devops: DevOps | Dev Ops | culture DevOps
ci_cd: CI/CD | continuous integration | intégration continue | continuous delivery \
    | livraison continue | continuous deployment | déploiement continu | CI pipelines
observability: observability | observabilité | system monitoring | application monitoring \
    | supervision applicative | monitoring tools | outils de monitoring | alerting rules
kibana: Kibana
linux: Linux | GNU/Linux
rhel: RHEL | Red Hat Enterprise Linux
ubuntu: Ubuntu
debian: Debian
cybersecurity: Cybersecurity | cybersécurité | cyber security | sécurité informatique \
    | information security | sécurité des systèmes d'information | SSI | infosec
penetration_testing: Pentest | penetration testing | tests d'intrusion | pentesting \
    | ethical hacking
security_certification: CISSP | CEH | OSCP | CompTIA Security+
iso_27001: ISO 27001 | ISO/IEC 27001 | ISO27001
networking: computer networks | réseaux informatiques | network administration \
    | administration réseaux | TCP/IP | network engineer | ingénieur réseau | LAN/WAN
cisco_certification: CCNA | CCNP
system_administration: system administration | administration système | sysadmin \
    | administrateur système | systems administrator | administration systèmes
it_support: support informatique | helpdesk | help desk | service desk \
    | support utilisateurs | user support | assistance utilisateurs
it_service_management: ITSM | gestion des services informatiques | incident management \
    | gestion des incidents | service management framework
incident_handling: incident handling | incident response | incident | traitement des incidents \
    | résolution des incidents | réponse aux incidents
deployment: deployment | déploiement | déployer | go-live | go live | rollout | roll-out \
    | mise en production
digital_transformation: digital transformation | transformation digitale \
    | transformation numérique | digitalisation des processus | dématérialisation
"""

# --- Design, UX, content production -----------------------------------------------------------
_DESIGN = """
ux_design: UX | UX design | user experience | expérience utilisateur | UX/UI | conception UX
ui_design: UI | UI design | user interface design | interface utilisateur \
    | interfaces utilisateur | design d'interface
user_research: User Research | recherche utilisateur | user interviews \
    | entretiens utilisateurs | usability testing | tests utilisateurs | tests d'utilisabilité
prototyping: Prototyping | prototypage | wireframes | wireframing | mockups | maquettes
digital_accessibility: Accessibility | web accessibility | digital accessibility \
    | accessibilité numérique | accessibilité web | a11y | accessible design
rgaa: RGAA
graphic_design: graphic design | design graphique | graphisme | graphiste | graphic designer | PAO
image_editing: image editing | retouche photo | retouche d'images | photo editing \
    | photo retouching
video_editing: video editing | montage vidéo | motion design | vidéaste | video editor
after_effects: After Effects
final_cut: Final Cut Pro | Final Cut
davinci_resolve: DaVinci Resolve
photography: photography | photographie | photographe | photographer
cad: CAD | CAO | DAO | computer-aided design | conception assistée par ordinateur \
    | 3D modelling | modélisation 3D | 3D modeling
creo: Creo | PTC Creo
sketchup: SketchUp
fusion_360: Fusion 360
bim: BIM | maquette numérique | building information modeling \
    | building information modelling
"""

# --- Project and product management ------------------------------------------------------------
_PROJECT = """
project_management: Project Management | Gestion de projet | gestion de projets \
    | conduite de projet | pilotage de projet | manage projects | project manager \
    | chef de projet | cheffe de projet | piloter des projets
program_management: Program Management | programme management | gestion de programme \
    | program manager | directeur de programme
pmo: PMO | project management office | bureau de projets
pmp: PMP | Project Management Professional
prince2: Prince2 | PRINCE2 Practitioner | PRINCE2 Foundation
primavera: Primavera P6 | Primavera
project_coordination: project coordination | coordination de projets | project coordinator \
    | coordinateur de projet | coordinatrice de projet | coordonner les projets
project_planning: project planning | planification de projet | planning projet \
    | rétroplanning | retroplanning | project schedule | calendrier projet | milestones | jalons
ms_project: MS Project | Microsoft Project
deadline_management: meet deadlines | respect des délais | tenir les délais | deadlines \
    | échéances | on-time delivery
stakeholder_management: Stakeholder Management | gestion des parties prenantes \
    | parties prenantes | stakeholders | manage stakeholders | stakeholder engagement
steering_committees: steering committee | steering committees | comités de pilotage | COPIL \
    | project governance | gouvernance projet
requirements_gathering: requirements gathering | recueil des besoins | expression des besoins \
    | analyse des besoins | needs analysis | business requirements | gather requirements \
    | besoins métier
functional_specifications: functional specifications | spécifications fonctionnelles \
    | cahier des charges | user stories | functional specs | specs fonctionnelles \
    | rédaction de spécifications
business_analysis: business analysis | business analyst | analyse métier | analyste métier \
    | analyste fonctionnel | functional analyst | AMOA | assistance à maîtrise d'ouvrage
user_acceptance_testing: user acceptance testing | UAT | acceptance testing \
    | tests d'acceptation | recette fonctionnelle | tests de recette | phase de recette \
    | cahier de recette | recette utilisateur
user_training: user training | train users | formation des utilisateurs \
    | former les utilisateurs | end-user training | training end users
change_management: Change Management | Conduite du changement | accompagnement au changement \
    | accompagnement du changement | gestion du changement | change manager
risk_management: risk management | gestion des risques | risk assessment \
    | évaluation des risques | analyse de risques | risk analysis | maîtrise des risques \
    | cartographie des risques
budget_management: budget management | gestion budgétaire | gestion du budget \
    | manage budget | suivi budgétaire | suivi du budget | pilotage budgétaire | budget owner
erp_implementation: ERP implementation | déploiement ERP | intégration ERP | mise en place ERP
process_mapping: process mapping | cartographie des processus | BPMN \
    | modélisation des processus | process modelling | process modeling
process_improvement: process improvement | amélioration des processus \
    | optimisation des processus | process optimisation | process optimization \
    | optimiser les processus | streamline processes
procedures_writing: write procedures | rédiger des procédures | rédaction de procédures \
    | standard operating procedures | SOPs | modes opératoires | work instructions \
    | instructions de travail
product_management: Product Management | gestion de produit | chef de produit \
    | product roadmap | product discovery
agile: Agile | méthodes agiles | agile methodologies | méthodologie agile | agilité | sprints
scrum: Scrum | sprint planning | daily stand-up | daily standup | cérémonies scrum \
    | rétrospectives
scrum_master: Scrum Master | Professional Scrum Master | Certified ScrumMaster | PSM I
pmi_acp: PMI-ACP
backlog_management: backlog management | gestion du backlog | backlog grooming \
    | backlog refinement | priorisation du backlog
agile_coaching: agile coach | coach agile | coaching agile
"""

# --- Management, leadership and soft skills ----------------------------------------------------
_PEOPLE = """
team_leadership: Team Leadership | Team Management | Management d'équipe | lead team \
    | led team | manage team | encadrer équipe | encadrement d'équipe | chef d'équipe \
    | supervise team | diriger une équipe
people_management: people management | direct reports | expérience managériale \
    | management hiérarchique | line manager | line management | management de collaborateurs
cross_functional_collaboration: cross-functional | cross functional | transverse | transversal \
    | pluridisciplinaire | multidisciplinary | équipes transverses | management transverse
team_motivation: team building | motiver les équipes | motivate teams | cohésion d'équipe \
    | team cohesion | fédérer les équipes | animer une équipe | animation d'équipe
delegation: delegation | délégation | déléguer | delegate
decision_making: decision making | decision-making | prise de décision | make decisions \
    | décisionnaire
strategic_planning: strategic planning | planification stratégique | business strategy \
    | stratégie d'entreprise | business plan | plan stratégique | strategic roadmap
mentoring: mentoring | mentorat | mentor | tutorat | tutoring | parrainage
coaching: coaching | coach | coacher
hiring: hiring | hire | embaucher | embauche | hiring plan
communication_skills: Communication | communication skills | compétences en communication \
    | communicate effectively | excellent communicator | qualités de communication \
    | capacités de communication
public_speaking: Presentation Skills | Prise de parole | Public Speaking \
    | présentations orales | oral presentations | prise de parole en public
writing_skills: Qualité rédactionnelle | writing skills | written communication \
    | communication écrite | capacités rédactionnelles | aisance rédactionnelle \
    | compétences rédactionnelles
active_listening: active listening | écoute active | sens de l'écoute | qualités d'écoute \
    | listening skills
autonomy: Autonomie | autonomy | autonomous | autonome | work independently \
    | travailler en autonomie | self-starter | self-motivated
rigour: Rigueur | rigour | rigor | rigoureux | rigoureuse | rigorous | Attention to Detail \
    | sens du détail | souci du détail | meticulous | minutieux
organisation_skills: organisation skills | organizational skills | organisational skills \
    | sens de l'organisation | capacités d'organisation | well organised | well organized \
    | esprit d'organisation
time_management: Time Management | Gestion du temps | prioritisation | prioritization \
    | prioriser | prioritise | prioritize | gestion des priorités | manage priorities
multitasking: multitasking | multi-tasking | manage multiple tasks | multitâche \
    | multi-tâches | multi-tâche | multi-task | multitask \
    | manage multiple projects | gérer plusieurs projets
teamwork: Travail en équipe | Teamwork | Esprit d'équipe | team player | team spirit \
    | esprit collaboratif | collaborative mindset
problem_solving: Problem Solving | Résolution de problèmes | solve problems | problem-solving \
    | résoudre des problèmes | problem-solver | problem-solving skills
analytical_skills: Capacité d'analyse | Esprit d'analyse | Analytical Skills \
    | analytical mind | analytical thinking | esprit analytique | capacités analytiques
synthesis: Esprit de synthèse | capacité de synthèse | synthesis skills | synthétiser \
    | ability to synthesise | ability to synthesize
adaptability_skills: Adaptabilité | Adaptability | flexibility | flexibilité \
    | faculté d'adaptation | capacité d'adaptation | ability to adapt | adapt quickly
creativity: Creativity | Créativité | créatif | creative thinking | créative
proactivity: Force de proposition | proactive | proactif | proactivité | prise d'initiative \
    | esprit d'initiative | sens de l'initiative | take initiative
interpersonal_skills: Aisance relationnelle | Sens du relationnel | interpersonal skills \
    | people skills | qualités relationnelles | bon relationnel | relational skills
customer_facing: customer-facing | customer facing | client-facing | client facing \
    | contact clientèle | en contact avec la clientèle
critical_thinking: critical thinking | esprit critique | think critically | sens critique
ownership: take ownership | sens des responsabilités | ownership mindset | end-to-end ownership
relationship_building: build relationships | relationship building | build trust \
    | relations de confiance | tisser des relations | développer des relations
customer_orientation: customer focus | orientation client | customer-centric \
    | customer centric | sens du client \
    | customer orientation | sens du service | service orientation
results_orientation: results-oriented | results oriented | orienté résultats | results-driven \
    | goal-oriented \
    | sens du résultat | culture du résultat | orientation résultats
stress_management: stress management | gestion du stress | résistance au stress \
    | work under pressure | travailler sous pression | calm under pressure | sang-froid
curiosity: curiosity | curiosité | curieux | curieuse | curious | intellectual curiosity
conflict_resolution: conflict resolution | gestion des conflits | résolution de conflits \
    | conflict management | resolve conflicts | mediation | médiation
persuasion: persuasion | pouvoir de persuasion | influencing skills | ability to influence \
    | capacité d'influence | capacité de persuasion \
    | convaincre | persuasive
empathy: empathy | empathie | empathique | empathetic | empathic
resilience: resilience | résilience | persévérance | perseverance | ténacité | tenacity | tenace
business_acumen: business acumen | sens des affaires | commercial acumen | fibre commerciale \
    | esprit commercial | sens commercial
confidentiality: confidentiality | confidentialité | discrétion | discretion \
    | informations confidentielles | sensitive information
leadership: Leadership | qualités de leadership | leadership skills | leader naturel \
    | capacité à fédérer
"""

# --- HR, recruitment, learning and development -------------------------------------------------
_HR = """
recruitment: Recrutement | Recruitment | Recruiting | Talent Acquisition | recruter \
    | recruteur | recruteuse | recruiter | chargé de recrutement
interviewing: interview candidates | job interviews | entretiens de recrutement \
    | entretiens d'embauche | entretiens candidats | candidate screening \
    | présélection des candidats | screen candidates
candidate_sourcing: candidate sourcing | sourcing candidats | sourcing de candidats \
    | sourcer des candidats | chasse de têtes | headhunting | approche directe | talent sourcing
employer_branding: employer branding | marque employeur | employer brand
job_descriptions: write job descriptions | wrote job descriptions | fiches de poste \
    | fiche de poste | job postings \
    | annonces d'emploi | offres d'emploi | job ads | rédaction d'annonces
ats: applicant tracking system | applicant tracking | logiciel de recrutement
onboarding: Onboarding | intégration des nouveaux | intégration des collaborateurs \
    | accueil des nouveaux arrivants | parcours d'intégration | induction programme
human_resources: human resources | ressources humaines | HR | RH | GRH | HR generalist \
    | généraliste RH | people operations
hr_business_partner: HR business partner | HRBP | RRH | responsable ressources humaines \
    | HR manager | responsable RH
hr_administration: Administration du personnel | HR administration | administration RH \
    | gestion administrative du personnel | personnel administration | dossiers du personnel \
    | employee records | contrats de travail
payroll: Payroll | Paie | payroll processing | bulletins de paie | fiches de paie | payslips \
    | gestionnaire de paie | chargé de paie
adp: ADP
silae: Silae
hris: SIRH | HRIS | HR information system | système d'information RH | HRMS
successfactors: SuccessFactors | SAP SuccessFactors
employee_relations: employee relations | relations sociales | dialogue social \
    | labour relations | industrial relations | représentants du personnel | CSE \
    | partenaires sociaux
collective_bargaining: collective bargaining | négociation collective \
    | négociations annuelles obligatoires | NAO
labour_law: Droit du travail | Labor Law | Employment Law | labour law | droit social \
    | législation du travail | code du travail
performance_management: Performance Management | entretiens annuels | annual reviews \
    | performance reviews | évaluations annuelles | gestion de la performance | appraisals \
    | entretiens professionnels
employee_engagement: Employee Engagement | engagement des collaborateurs \
    | qualité de vie au travail | QVT | QVCT | employee experience | expérience collaborateur
compensation: Compensation and Benefits | rémunération | rémunérations \
    | politique de rémunération | salary reviews | révisions salariales \
    | compensation and benefits policy
talent_management: talent management | gestion des talents | succession planning \
    | plans de succession | talent reviews | revues de talents | people reviews
workforce_planning: GPEC | GEPP | workforce planning | strategic workforce planning \
    | planification des effectifs | gestion prévisionnelle des emplois
career_development: internal mobility | mobilité interne | career development \
    | gestion des carrières | développement de carrière | career management
learning_and_development: learning and development | développement des compétences \
    | skills development | people development | talent development
training_programmes: training plan | plan de formation | training programs \
    | training programmes | programmes de formation | parcours de formation | learning paths
training_needs: training needs analysis | analyse des besoins en formation \
    | besoins de formation | training needs | TNA | skills gap analysis
training_delivery: deliver training | animer des formations | dispenser des formations \
    | animation de formations | ran training sessions | led training sessions \
    | animer des sessions de formation | formateur | formatrice
facilitation: facilitate workshops | animer des ateliers | animation d'ateliers \
    | workshop facilitation | workshop facilitator | facilitation d'ateliers | ran workshops
training_evaluation: Kirkpatrick | évaluation des formations | training evaluation \
    | training effectiveness | efficacité des formations
instructional_design: Instructional Design | ingénierie pédagogique | conception pédagogique \
    | ingénieur pédagogique | instructional designer | learning design | concevoir des formations \
    | training design
e_learning: E-learning | elearning | formation en ligne | online learning | digital learning \
    | blended learning | formation à distance | distance learning
lms: LMS | Learning Management System | plateforme LMS | plateforme de formation
moodle: Moodle
learning_360: 360Learning
docebo: Docebo
cornerstone: Cornerstone OnDemand
articulate: Articulate Storyline | Articulate 360 | Articulate Rise
adult_learning: Adult Learning | andragogie | andragogy | formation des adultes \
    | adult education | pédagogie pour adultes
special_education: special education | special educational needs \
    | enseignement spécialisé | éducation spécialisée
research: scientific research | recherche scientifique | research laboratory \
    | laboratoire de recherche | research project | projet de recherche \
    | publications scientifiques | peer-reviewed
teaching: teaching | enseignement | enseigner | taught | teacher | enseignant | enseignante \
    | university lecturer | maître de conférences | chargé de cours
"""

# --- Sales, account management, customer service -----------------------------------------------
_SALES = """
sales: Vente | selling | sold | vendre | sales experience | expérience commerciale \
    | sales representative | commercial terrain
technical_sales: technical sales | technico-commercial | technico commercial \
    | ingénieur commercial | sales engineer | ingénieur d'affaires
presales: presales | pre-sales | avant-vente | avant vente | solution consultant \
    | product demonstrations | démonstrations produit
sales_targets: sales targets | achieve targets | objectifs commerciaux | objectifs de vente \
    | sales quota \
    | exceeded targets | atteinte des objectifs
revenue_growth: revenue growth | croissance du chiffre d'affaires | increased revenue \
    | augmenter le chiffre d'affaires | grow revenue | développer le chiffre d'affaires
deal_closing: close deals | closed deals | closing deals | conclure des affaires \
    | conclure des ventes | signature de contrats
pipeline_management: Pipeline Management | sales pipeline | pipeline commercial \
    | gestion du pipeline
sales_management: Sales Management | direction commerciale | management commercial \
    | sales manager | directeur commercial | responsable commercial | head of sales \
    | animation commerciale
business_development: Business Development | développement commercial | business developer \
    | new business | développement des affaires | développeur d'affaires | biz dev
prospecting: Prospection | Prospecting | prospecter | prospection commerciale | démarchage \
    | prospects
cold_calling: Cold Calling | appels à froid | téléprospection | cold calls
lead_generation: Lead Generation | génération de leads | generate leads \
    | génération de prospects | lead gen | demand generation
account_management: Account Management | gestion de comptes | portefeuille clients \
    | gestion de portefeuille clients | account manager | chargé d'affaires \
    | client portfolio | chargé de clientèle
key_account_management: Key Account Management | KAM | key accounts | grands comptes \
    | comptes clés | key account manager | strategic accounts
customer_relationship: customer relationship | customer relationships | relation client \
    | relations clients | client relationships | customer relations | relation clientèle \
    | gestion de la relation client
crm: CRM | CRM software | logiciel CRM | outil CRM | customer relationship management
pipedrive: Pipedrive
zoho_crm: Zoho CRM | Zoho
customer_service: Service client | Customer Service | service clientèle | customer care \
    | customer requests | demandes clients \
    | customer support | support client | assistance client
customer_satisfaction: customer satisfaction | satisfaction client | satisfaction clients \
    | CSAT | NPS | net promoter score
complaints_handling: complaint handling | gestion des réclamations | réclamations clients \
    | customer complaints | handle complaints | traitement des réclamations
call_centre: call centre | call center | centre d'appels | centre de contacts \
    | contact center | téléconseiller | téléconseillère | inbound calls | appels entrants
customer_success: Customer Success | customer success manager | succès client
customer_retention: customer retention | fidélisation | fidélisation client | churn \
    | contract renewals | subscription renewals | taux de renouvellement
channel_sales: channel sales | indirect sales | vente indirecte | distributeurs \
    | réseau de distributeurs | distribution network | resellers | revendeurs
partnerships: partnerships | partenariats | partner management | gestion des partenaires \
    | channel partners
commercial_proposals: commercial proposals | propositions commerciales | offres commerciales \
    | sales proposals | rédaction d'offres
cost_estimation: cost estimation | chiffrage | cost estimates | estimation des coûts \
    | quotations | price quotes
pricing: pricing | tarification | politique tarifaire | pricing strategy | fixation des prix
retail: retail | commerce de détail | grande distribution | points de vente \
    | vente en magasin | retail store
merchandising: merchandising | visual merchandising | marchandisage | mise en rayon
cash_handling: cash handling | tenue de caisse | gestion de caisse | caissier | caissière \
    | cashier
ecommerce: e-commerce | ecommerce | commerce en ligne | vente en ligne | online sales \
    | boutique en ligne | online store | marketplace
prestashop: PrestaShop
woocommerce: WooCommerce
trade_shows: trade shows | salons professionnels | trade fairs | foires | salons \
    | exhibitions
event_management: event management | événementiel | organisation d'événements \
    | organise events | organize events | event planning | gestion d'événements
"""

# --- Marketing and communication ---------------------------------------------------------------
_MARKETING = """
digital_marketing: digital marketing | marketing digital | marketing numérique | webmarketing \
    | web marketing | online marketing
customer_acquisition: customer acquisition | acquisition clients | acquisition de clients \
    | user acquisition | growth marketing | growth hacking | paid acquisition
seo: SEO | référencement naturel | search engine optimisation | search engine optimization \
    | organic search
paid_search: SEA | référencement payant | paid search | PPC | pay-per-click | search ads
paid_advertising: paid media | publicité en ligne | online advertising | campagnes payantes \
    | paid campaigns | display advertising | programmatic | publicité digitale
social_ads: social ads | paid social | publicité sur les réseaux sociaux \
    | social media advertising
meta_ads: Meta Ads | Facebook Ads | Instagram Ads
linkedin_ads: LinkedIn Ads
tiktok_ads: TikTok Ads
social_media: Social Media | réseaux sociaux | médias sociaux | social networks \
    | social media management
community_management: Community Management | community manager | animation de communauté \
    | animer la communauté | gestion de communauté
content_marketing: Content Marketing | marketing de contenu | content strategy \
    | stratégie de contenu | création de contenu | content creation
copywriting: Copywriting | rédaction web | rédaction publicitaire | concepteur-rédacteur \
    | copywriter | rédaction de contenus
email_marketing: Emailing | email marketing | campagnes emailing | email campaigns \
    | campagnes email | campagnes d'emailing | email automation
mailchimp: Mailchimp
brevo: Brevo | Sendinblue
marketing_automation: Marketing Automation | automatisation marketing \
    | automatisation du marketing | lead nurturing
marketo: Marketo
pardot: Pardot
marketing_strategy: marketing strategy | stratégie marketing | plan marketing \
    | marketing plan | marketing mix | campagnes marketing | marketing campaigns
product_marketing: product marketing | marketing produit | chef de produit marketing \
    | product marketing manager | positionnement produit
product_launch: product launch | lancement de produit | lancements produits | go-to-market \
    | go to market | new product launch
brand_management: brand management | gestion de marque | brand strategy \
    | stratégie de marque | image de marque | branding | identité de marque \
    | brand awareness | notoriété
market_research: market research | études de marché | étude de marché | market analysis \
    | analyse de marché | market study
competitive_intelligence: veille concurrentielle | competitive intelligence \
    | competitive analysis | competitor analysis | analyse concurrentielle \
    | benchmark concurrentiel
regulatory_watch: veille réglementaire | regulatory watch | regulatory monitoring \
    | veille normative | veille juridique | legal watch
crisis_management: crisis management | gestion de crise | crisis communication \
    | communication de crise
technology_watch: veille technologique | technology watch | veille technique
internal_communication: internal communication | communication interne | internal comms \
    | employee communications
corporate_communication: corporate communication | communication externe \
    | external communication | communication corporate | communication institutionnelle
public_relations: public relations | relations presse | press relations \
    | relations publiques | media relations | communiqués de presse | press releases
translation: translation | traduction | traduire | translate | interprétariat | interpreting
"""

# --- Purchasing, supply chain, logistics -------------------------------------------------------
_SUPPLY = """
procurement: Achats | Procurement | Purchasing | achat | acheteur | acheteuse | purchasing manager \
    | procurement officer | purchasing department | service achats
industrial_purchasing: Achat industriel | achats industriels | industrial purchasing \
    | industrial procurement
purchase_orders: purchase orders | bons de commande | commandes fournisseurs \
    | purchase requisitions | demandes d'achat
supplier_sourcing: supplier sourcing | sourcing fournisseurs | sourcing de fournisseurs \
    | identify suppliers | identifier des fournisseurs | panel fournisseurs | supplier panel
supplier_management: Supplier Management | suivi des fournisseurs | gestion des fournisseurs \
    | manage suppliers | relation fournisseurs | supplier relationship | vendor management \
    | manage vendors | pilotage fournisseurs | supplier performance
supplier_audits: supplier audits | audits fournisseurs | audit fournisseur \
    | supplier qualification | qualification fournisseurs | homologation fournisseurs
supplier_negotiation: supplier negotiations | négociation fournisseurs \
    | negotiate suppliers | négocier avec les fournisseurs | negotiate supplier contracts \
    | négociations achats
tenders: Appels d'offres | appel d'offres | tenders | tendering | call for tenders | RFP | RFQ \
    | RFQs | RFPs | RFI | request for proposal | request for quotation
cost_reduction: cost reduction | réduction des coûts | cost savings | reduce costs \
    | réduire les coûts | optimisation des coûts | cost optimisation | cost optimization
supply_chain: Supply Chain | chaîne d'approvisionnement | supply chain management | SCM \
    | chaîne logistique
logistics: Logistique | Logistics | logisticien | logisticienne | flux logistiques \
    | logistic flows
inventory_management: Gestion des stocks | Inventory Management | stock management \
    | inventory control | inventory | inventaire | gérer les stocks | niveaux de stock \
    | stock levels
warehousing: Entreposage | Warehousing | warehouse operations | warehouse management \
    | gestion d'entrepôt | logistique d'entrepôt | magasinier | magasinière
order_picking: order picking | préparation de commandes | préparateur de commandes \
    | préparatrice de commandes
transport_management: transport management | gestion des transports | freight | fret \
    | transport planning | affrètement
customs: customs clearance | douane | douanes | dédouanement | customs declarations \
    | formalités douanières | customs broker
incoterms: Incoterms
international_trade: international trade | commerce international | import-export \
    | import export
demand_planning: demand planning | prévisions de la demande | demand forecasting \
    | prévision des ventes | sales forecasting
supply_planning: supply planning | approvisionnement | approvisionnements | approvisionner \
    | replenishment | réapprovisionnement | supply planner
mrp: MRP | calcul des besoins | material requirements planning | CBN
erp: ERP | PGI | progiciel de gestion intégré | enterprise resource planning | ERP systems
sap_erp: S/4HANA | S4HANA | SAP ECC | SAP ERP | SAP R/3
netsuite: NetSuite | Oracle NetSuite
forklift: forklift | chariot élévateur | chariots élévateurs | cariste | forklift truck
driving_licence: Permis B | Driving licence | Driver's license | driving license \
    | permis de conduire | full clean driving licence | valid driver's license
heavy_goods_licence: permis PL | permis poids lourd | permis poids lourds | HGV licence \
    | HGV driver
"""

# --- Manufacturing, industrial engineering, maintenance, field service ---------------------------
_INDUSTRY = """
industrial_engineering: industrial engineering | génie industriel | ingénieur méthodes \
    | méthodes production \
    | methods engineer | méthodes industrielles | bureau des méthodes
process_engineering: process engineering | génie des procédés | ingénieur procédés \
    | process engineer | ingénierie des procédés
new_product_introduction: new product introduction | NPI | ingénieur industrialisation \
    | industrialisation de produits | product industrialisation | industrialisation des produits
production_planning: production planning | planification de la production | ordonnancement \
    | production scheduling | ordonnanceur
production_management: production management | gestion de production \
    | responsable de production | production manager | manufacturing operations \
    | pilotage de la production | chef d'atelier | production supervisor | suivi de production
manufacturing: manufacturing | fabrication | production line | ligne de production \
    | lignes de production | shop floor | atelier de production
assembly: assembly line | ligne d'assemblage | assemblage | mechanical assembly \
    | assemblage mécanique
time_studies: time studies | chronométrage | études de postes | work measurement \
    | temps standards | standard times | MTM
ergonomics: ergonomics | ergonomie | ergonomic | workstation design
facility_layout: plant layout | factory layout | implantation industrielle \
    | implantation des postes | aménagement d'atelier
oee: OEE | TRS | TRG | overall equipment effectiveness | taux de rendement synthétique
lean_manufacturing: Lean | Lean Manufacturing | lean management | démarche Lean | lean production \
    | Toyota Production System | méthodes lean | lean tools | outils lean
six_sigma: Six Sigma | 6 Sigma | DMAIC
six_sigma_belts: Green Belt | Black Belt | ceinture verte | ceinture noire | Yellow Belt
continuous_improvement: Amélioration continue | Continuous Improvement \
    | démarche d'amélioration continue | continuous improvement initiatives
industrial_automation: Automatisme | industrial automation | automatisation des lignes \
    | automatisation industrielle | automaticien | automaticienne
plc: PLC | automates programmables | automate programmable | programmable logic controllers \
    | programmation automates
tia_portal: TIA Portal | Siemens S7 | Step 7 | STEP7
grafcet: Grafcet
robotics: Robotique | Robotics | robots industriels | industrial robots | cobots | robotic
mechatronics: Mécatronique | Mechatronics
mechanical_engineering: Mécanique | Mechanical Engineering | génie mécanique \
    | conception mécanique | mechanical design | mechanical engineer
electrical_engineering: Electrical Engineering | Électrotechnique | génie électrique \
    | électrotechnicien | electrical engineer | electrical design
power_systems: high voltage | haute tension | HTA | HTB | power systems | réseaux électriques \
    | power grid | electrical grid
hvac: HVAC | CVC | génie climatique | chauffage ventilation climatisation \
    | heating ventilation air conditioning | climatisation
renewable_energy: renewable energy | énergies renouvelables | EnR | photovoltaïque \
    | photovoltaic | solar energy | éolien | wind energy
energy_storage: energy storage | stockage d'énergie | battery storage | BESS \
    | stockage par batteries
electrical_authorisation: habilitation électrique | habilitations électriques | B1V | H0B0 \
    | BR BC | electrical safety certification
first_aid: first aid | premiers secours | secourisme | PSC1 | sauveteur secouriste du travail
welding: Soudage | Welding | soudure | souder | soudeur | soudeuse | welder | weld
welding_inspection: welding inspection | inspection soudage | contrôle des soudures \
    | weld inspection | inspecteur soudage | CSWIP | IWI
welding_coordination: welding coordinator | coordinateur soudage | coordination soudage \
    | IWE | IWT | International Welding Engineer | ingénieur soudage | welding engineer
welding_procedures: WPS | PQR | DMOS | QMOS | welding procedure specification \
    | qualification des soudeurs | welder qualification | ISO 3834
metallurgy: Métallurgie | Metallurgy | métallurgiste | metallurgist | materials science \
    | science des matériaux | matériaux métalliques
sheet_metal: Chaudronnerie | boilermaking | sheet metal | tôlerie | chaudronnier \
    | metal fabrication
cnc_machining: Usinage | Machining | CNC | commande numérique | fraisage | milling \
    | CNC machining | usineur
maintenance_preventive: Maintenance préventive | Preventive Maintenance \
    | planned maintenance | entretien préventif
maintenance_predictive: predictive maintenance | maintenance prédictive \
    | maintenance conditionnelle | condition monitoring | vibration analysis \
    | analyse vibratoire
maintenance_corrective: corrective maintenance | maintenance corrective \
    | maintenance curative | curative maintenance | breakdown maintenance
cmms: GMAO | CMMS | computerised maintenance management \
    | gestion de maintenance assistée par ordinateur
troubleshooting: troubleshooting | dépannage | diagnostic de pannes | diagnostiquer des pannes \
    | fault diagnosis | fault finding | diagnose faults | root cause of failures
field_service: field service | field engineer | field service engineer | technicien itinérant \
    | intervention sur site | interventions sur site | on-site interventions \
    | technicien terrain
commissioning: Commissioning | Mise en service | mises en service | commissioned \
    | start-up of installations
technical_support: technical support | support technique | assistance technique | hotline \
    | support client technique
technical_drawing: lecture de plans | technical drawings | dessin technique | plans techniques \
    | blueprint reading | read drawings | dessins techniques
on_call: astreinte | astreintes | on-call | on call rotation | on-call duty
shift_work: travail posté | shift work | 3x8 | 2x8 | horaires décalés | shift pattern \
    | night shifts | travail de nuit | shift schedule
spare_parts: spare parts | pièces détachées | pièces de rechange | spare parts management
civil_engineering: civil engineering | génie civil | structural engineering \
    | ingénieur structure | calcul de structures
construction_sites: construction site | chantier | chantiers | site supervision \
    | conduite de travaux | suivi de chantier | conducteur de travaux | travaux publics
"""

# --- Quality, safety, regulatory -----------------------------------------------------------------
_QUALITY = """
quality_management: quality management | management de la qualité | gestion de la qualité \
    | système de management de la qualité | SMQ | QMS | quality management system \
    | système qualité
iso_9001: ISO 9001 | ISO9001 | ISO 9001:2015
iso_14001: ISO 14001 | ISO14001
iso_45001: ISO 45001 | ISO45001 | OHSAS 18001
iso_13485: ISO 13485 | ISO13485
iso_17025: ISO 17025 | ISO/IEC 17025 | ISO17025
iso_22000: ISO 22000 | FSSC 22000
iatf_16949: IATF 16949 | IATF16949 | ISO/TS 16949
en_9100: EN 9100 | EN9100 | AS9100 | AS 9100
quality_assurance: Quality Assurance | Assurance qualité | assurance de la qualité \
    | quality assurance engineer | ingénieur assurance qualité
visual_inspection: visual inspection | inspection visuelle | dimensional inspection \
    | contrôle dimensionnel | contrôles dimensionnels
pressure_testing: hydrostatic testing | hydrostatic test | épreuve hydraulique \
    | épreuves hydrauliques | pressure testing | test en pression
cleanroom: clean room | cleanroom | salle blanche | salles blanches
quality_control: Quality Control | Contrôle qualité | contrôle de la qualité \
    | quality inspection | inspection qualité | contrôles qualité | quality checks | QC
quality_audits: quality audits | audits qualité | audit qualité | audits de certification \
    | certification audits | process audits | audits processus
quality_auditor_certification: IRCA | lead auditor | auditeur ISO | auditeur certifié \
    | ISO 19011
internal_audit: internal audit | audit interne | audits internes | auditeur interne \
    | internal auditor
non_conformities: non-conformities | non-conformity | non-conformités | non-conformité \
    | non conformités | nonconformance | nonconformities | non-conformance | NCR \
    | non-conformance reports | fiches de non-conformité
capa: CAPA | corrective actions | actions correctives | preventive actions \
    | actions préventives | corrective and preventive actions
root_cause_analysis: root cause analysis | analyse des causes | causes racines | RCA | 5 Whys \
    | Ishikawa | QQOQCP
fmea: AMDEC | FMEA | PFMEA | DFMEA | failure mode and effects analysis \
    | analyse des modes de défaillance
spc: SPC | statistical process control | maîtrise statistique des procédés | MSP \
    | études de capabilité | Cpk | process capability
metrology: Métrologie | Metrology | calibration | étalonnage | MSA \
    | measurement system analysis | métrologue
ndt: CND | NDT | Contrôles non destructifs | Non-destructive testing \
    | contrôle non destructif | ultrasonic testing | ressuage | magnétoscopie
ndt_certification: COFREND | ISO 9712 | NDT Level 2 | PCN
qhse: QHSE | QSE | QSSE
hse: HSE | EHS | health and safety | santé sécurité | sécurité au travail | workplace safety \
    | occupational health | santé au travail | prévention des risques professionnels \
    | hygiène et sécurité
environmental_management: environmental management | management environnemental \
    | environmental compliance | gestion environnementale
sustainability: sustainability | développement durable | RSE | CSR \
    | corporate social responsibility | responsabilité sociétale | ESG | bilan carbone \
    | carbon footprint | décarbonation
gmp: GMP | BPF | Good Manufacturing Practice | bonnes pratiques de fabrication | cGMP
haccp: HACCP
food_safety: food safety | sécurité des aliments | sécurité alimentaire | hygiène alimentaire \
    | food hygiene
medical_devices: Medical Device | Dispositifs médicaux | dispositif médical \
    | medical devices | MDR | EU MDR
regulatory_affairs: Regulatory Affairs | Affaires réglementaires | regulatory submissions \
    | dossiers réglementaires | enregistrement réglementaire
clinical_research: Clinical Research | Recherche clinique | clinical trials | essais cliniques \
    | études cliniques | clinical studies | attaché de recherche clinique
pharmacovigilance: Pharmacovigilance | drug safety
nursing: Soins infirmiers | Nursing | infirmier | infirmière | registered nurse | nurse \
    | infirmier diplômé d'état
patient_care: patient care | soins aux patients | prise en charge des patients \
    | patient support | accompagnement des patients
document_control: document management | gestion documentaire | GED | archivage \
    | archiving | records management | document control | contrôle documentaire
"""

# --- Finance, accounting, legal, intellectual property -----------------------------------------
_FINANCE_LEGAL = """
accountancy: Comptabilité | Accounting | comptable | comptabilité générale \
    | financial accounting | general accounting | staff accountant
bookkeeping: Bookkeeping | tenue de comptabilité | tenue comptable | bookkeeper \
    | aide-comptable | aide comptable
accounting_qualification: CPA | ACCA | CIMA | DSCG | DCG | expert-comptable | expert comptable \
    | chartered accountant | diplôme d'expertise comptable
general_ledger: general ledger | grand livre | journal entries | écritures comptables \
    | passer les écritures | saisie comptable
bank_reconciliation: bank reconciliations | bank reconciliation | rapprochements bancaires \
    | rapprochement bancaire | account reconciliation | lettrage
accounts_payable: accounts payable | comptabilité fournisseurs | factures fournisseurs \
    | supplier invoices | vendor invoices | invoice processing | traitement des factures
accounts_receivable: accounts receivable | comptabilité clients | credit management \
    | recouvrement | relances clients | debt collection | credit control
invoicing: invoicing | facturation | facturer | billing | issue invoices
closing_process: month-end closing | month-end close | monthly close | clôtures mensuelles \
    | clôture mensuelle | clôtures comptables | year-end closing | annual closing \
    | clôture annuelle | closing mensuel
financial_statements: financial statements | états financiers | balance sheet \
    | comptes annuels | annual accounts | établissement des comptes
accounts_consolidation: consolidation des comptes | comptes consolidés | consolidated accounts \
    | financial consolidation | statutory consolidation | consolidation statutaire
accounting_standards: accounting standards | normes comptables | French GAAP \
    | normes françaises | plan comptable | PCG
external_audit: external audit | audit externe | commissariat aux comptes | statutory audit \
    | audit légal | Big Four | Big 4 | financial audit | audit financier
management_control: Contrôle de gestion | management control | contrôleur de gestion \
    | contrôleuse de gestion | financial controller | business controller \
    | contrôle budgétaire | budget control
fpa: FP&A | financial planning and analysis | financial planning | planification financière
budgeting: annual budgeting | budgétisation | élaboration budgétaire | élaboration des budgets \
    | prepare budgets | budget preparation | processus budgétaire | budget process
forecasting: Forecasting | forecasts | prévisionnel | rolling forecasts | reforecast \
    | prévisions financières
financial_analysis: Financial Analysis | Analyse financière | analyste financier \
    | financial analyst | financial analysis skills
variance_analysis: variance analysis | analyse des écarts | budget vs actual \
    | écarts budgétaires
financial_modelling: Financial Modelling | Financial Modeling | modélisation financière \
    | modèles financiers | financial models
valuation: valuation models | valorisation d'entreprise | DCF | évaluation d'entreprise \
    | business valuation | company valuation
cfa: CFA | Chartered Financial Analyst
treasury: Trésorerie | Treasury | cash management | gestion de trésorerie | cash flow \
    | flux de trésorerie | prévisions de trésorerie | cash forecasting
tax: Fiscalité | taxation | tax | déclarations fiscales | tax returns \
    | corporate tax | impôt sur les sociétés
vat: VAT | TVA | déclarations de TVA | VAT returns
financial_reporting: financial reporting | reporting financier | reportings financiers \
    | financial reports | rapports financiers | monthly management pack
cost_accounting: cost accounting | comptabilité analytique | analytical accounting \
    | prix de revient | coûts de revient | cost control | contrôle des coûts
pnl: P&L | profit and loss | compte de résultat | compte d'exploitation | profit and loss account
mergers_acquisitions: fusions-acquisitions | fusions et acquisitions \
    | mergers and acquisitions | due diligence
financial_risk: credit risk | risque de crédit | market risk | risques financiers \
    | financial risk | risque de marché
accounting_software: accounting software | logiciel comptable | logiciels de comptabilité \
    | outils comptables
quickbooks: QuickBooks
xero: Xero
banking_sector: banking sector | bank | banque | secteur bancaire | établissement bancaire \
    | investment banking | banque de détail | banque d'investissement
insurance: insurance | secteur de l'assurance | compagnie d'assurance | courtage \
    | insurance broker | courtier en assurances | actuariat | actuarial
claims_handling: claims handling | gestion des sinistres | claims management \
    | sinistres | claims adjuster
compliance: Compliance | Conformité | regulatory compliance | conformité réglementaire \
    | compliance officer
aml: AML | anti-money laundering | LCB-FT | lutte contre le blanchiment | KYC \
    | know your customer
gdpr: RGPD | GDPR | protection des données personnelles | data protection | DPO \
    | données personnelles
intellectual_property: Propriété intellectuelle | Intellectual Property \
    | propriété industrielle | industrial property | droit de la propriété intellectuelle
patents: Brevets | Patents | brevet | patent | dépôt de brevets | patent filing \
    | patent applications | demandes de brevet
patent_offices: INPI | EPO | OEB | USPTO | European Patent Office \
    | Office européen des brevets | PCT | WIPO | OMPI
patent_portfolio: patent portfolio | portefeuille de brevets | portefeuille brevets \
    | patent annuities | annuités de brevets | suivi des annuités | docketing
prior_art: prior art | état de la technique | art antérieur | freedom to operate \
    | liberté d'exploitation | recherches d'antériorité | prior art searches
invention_disclosures: invention disclosures | déclarations d'invention \
    | cession d'invention | inventeurs | inventors
trademarks: trademarks | trademark | dépôt de marques | trademark filing | droit des marques \
    | trademark law
contract_management: Contract Management | gestion des contrats | gestion contractuelle \
    | suivi des contrats | contract administration | administration des contrats
contract_law: Droit des contrats | contract law | droit contractuel
contract_drafting: rédaction de contrats | contract drafting | draft contracts \
    | rédiger des contrats | drafting agreements
contract_negotiation: contract negotiation | négociation de contrats | negotiate contracts \
    | négocier des contrats | négociation commerciale | commercial negotiation
negotiation: Négociation | Negotiation | négocier | negotiate | négociateur | negotiator
corporate_law: corporate law | droit des sociétés | droit des affaires | business law \
    | secrétariat juridique | corporate housekeeping
legal_counsel: legal counsel | juriste | conseil juridique | legal advice | legal affairs \
    | affaires juridiques | avocat | lawyer | attorney
litigation: litigation | contentieux | litiges | disputes | dispute resolution \
    | règlement des litiges | précontentieux
legal_assistant: paralegal | assistant juridique | assistante juridique | legal assistant
"""

# --- Office work, tools, sectors ---------------------------------------------------------------
_OFFICE = """
ms_office: MS Office | Microsoft Office | Pack Office | Office 365 | Microsoft 365 \
    | suite Office | O365 | M365
ms_word: Word | Microsoft Word | MS Word
ms_teams: Teams | Microsoft Teams | MS Teams
ms_outlook: Outlook | Microsoft Outlook | MS Outlook
powerpoint: PowerPoint | Microsoft PowerPoint | MS PowerPoint
google_workspace: Google Workspace | G Suite | GSuite | Google Suite
sharepoint: SharePoint | Share Point
tosa: TOSA | Microsoft Office Specialist
administrative_support: administrative support | assistanat | support administratif \
    | tâches administratives | administrative tasks | gestion administrative | secrétariat \
    | assistant administratif
office_management: office management | office manager | services généraux \
    | gestion des services généraux | facility management
diary_management: diary management | gestion d'agendas | gestion des agendas \
    | calendar management | organisation de réunions | prise de rendez-vous \
    | schedule meetings
travel_arrangements: travel arrangements | organisation des déplacements | travel booking \
    | réservations de voyages | business travel
report_writing: report writing | rédaction de rapports | rédiger des rapports | wrote reports \
    | rapports techniques | technical reports | rapports d'étude
travel_availability: willingness to travel | ability to travel | déplacements fréquents \
    | mobilité géographique \
    | international travel | déplacements à l'international | extensive travel
minute_taking: meeting minutes | comptes rendus | compte rendu | procès-verbaux | procès-verbal \
    | rédaction de comptes rendus | take minutes
data_entry: data entry | saisie de données | saisie informatique | data input
front_desk: front desk | receptionist | réceptionniste | standard téléphonique | switchboard \
    | hôtesse d'accueil | accueil téléphonique | accueil physique
automotive: automotive | automobile | secteur automobile | industrie automobile \
    | automotive industry
aerospace: aerospace | aéronautique | aérospatial | aviation | aeronautics
pharmaceutical_industry: pharmaceutical industry | industrie pharmaceutique | pharma \
    | laboratoire pharmaceutique | pharmaceutique | pharmaceutical
food_industry: agroalimentaire | food industry | industrie agroalimentaire | agri-food \
    | food processing
real_estate: real estate | immobilier | property management | gestion immobilière \
    | gestion locative | agent immobilier
hospitality: hospitality | hôtellerie | hôtellerie-restauration | food and beverage \
    | hotel management
cooking: cuisine | cooking | chef de cuisine | commis de cuisine | culinary \
    | restauration collective
social_work: social work | travail social | travailleur social | assistant social \
    | accompagnement social | éducateur spécialisé
childcare: childcare | petite enfance | early childhood | garde d'enfants | early years
pharmacy: pharmacy | pharmacie | pharmacist | pharmacien | pharmacienne
"""

# --- Education levels and certifications -------------------------------------------------------
_EDUCATION = """
high_school: baccalauréat | high school diploma | secondary school diploma
short_cycle_degree: Bac+2 | Bac + 2 | BTS | DUT | DEUG | associate degree | HND
bachelor_degree: bachelor | bachelor's degree | BSc | Bac+3 | licence professionnelle \
    | undergraduate degree | diplôme de licence | Bac + 3
four_year_degree: Bac+4 | Bac + 4 | Master 1 | M1 | maîtrise universitaire
master_degree: master's degree | master degree | MSc | Bac+5 | Bac + 5 | Master 2 | M2 \
    | diplôme de master | master of science
mba: MBA | Executive MBA | Master of Business Administration
engineering_degree: engineering degree | diplôme d'ingénieur | école d'ingénieurs \
    | ingénieur diplômé | MEng | Master of Engineering | engineering school
business_school: business school | école de commerce | école supérieure de commerce \
    | grande école de commerce
phd: PhD | doctorat | doctorate | thèse de doctorat | doctoral | DPhil
computer_science: computer science | sciences informatiques | génie informatique \
    | diplôme en informatique | master informatique | informatique industrielle
mathematics: mathematics | mathématiques | maths | applied mathematics \
    | mathématiques appliquées
"""

_IMPLIES = """
# Programming languages and frameworks
typescript > javascript
react > javascript, front_end
vuejs > javascript, front_end
angular > typescript, front_end
svelte > javascript, front_end
nextjs > react
nuxt > vuejs
jquery > javascript
redux > javascript
nodejs > javascript, back_end
express > nodejs
nestjs > nodejs, typescript
django > python, back_end
flask > python, back_end
fastapi > python, back_end, api
spring boot > java, back_end
spring > java
hibernate > java
jee > java, back_end
j2ee > java, back_end
laravel > php, back_end
symfony > php, back_end
ruby on rails > ruby, back_end
asp.net > dotnet, back_end
full_stack > front_end, back_end
tailwind > css
bootstrap > css
sass > css
react native > mobile_development, javascript
flutter > mobile_development
android > mobile_development
ios > mobile_development
swiftui > ios, swift
rest > api
graphql > api
grpc > api
soap > api
openapi > api
swagger > api
postman > api
microservices > api
# Testing
pytest > automated_testing
junit > automated_testing
jest > automated_testing, javascript
cypress > automated_testing
selenium > automated_testing
playwright > automated_testing
tdd > automated_testing
bdd > automated_testing
automated_testing > software_testing
software_testing > software_quality_assurance
user_acceptance_testing > software_testing
query_optimisation > performance_optimisation
# Data and databases
postgresql > sql, relational_databases
mysql > sql, relational_databases
mariadb > sql, relational_databases
sqlite > sql, relational_databases
sql_server > sql, relational_databases
oracle_database > sql, relational_databases
pl/sql > sql, oracle_database
t-sql > sql, sql_server
relational_databases > databases
nosql > databases
mongodb > nosql
cassandra > nosql
dynamodb > nosql, aws
redis > nosql
neo4j > nosql
clickhouse > sql, databases
database_administration > databases
snowflake > data_warehouse, sql
bigquery > data_warehouse, sql, gcp
redshift > data_warehouse, sql, aws
databricks > spark, big_data
data_warehouse > databases
spark > big_data
pyspark > spark, python
hadoop > big_data
flink > big_data, stream_processing
kafka > stream_processing, message_queues
rabbitmq > message_queues
dbt > sql, etl
airflow > etl
talend > etl
informatica > etl
ssis > etl, sql_server
fivetran > etl
etl > data_engineering
pandas > python, data_analysis
numpy > python
scikit-learn > python, machine_learning
tensorflow > deep_learning
pytorch > deep_learning
keras > deep_learning
xgboost > machine_learning
lightgbm > machine_learning
hugging face > machine_learning
langchain > generative_ai
mlops > machine_learning
deep_learning > machine_learning
machine_learning > artificial_intelligence
nlp > artificial_intelligence
computer_vision > artificial_intelligence
generative_ai > artificial_intelligence
power_bi > business_intelligence, data_visualisation, dashboards
tableau > business_intelligence, data_visualisation, dashboards
qlik > business_intelligence, data_visualisation, dashboards
looker > business_intelligence, data_visualisation, dashboards
looker_studio > business_intelligence, data_visualisation, dashboards
metabase > business_intelligence, data_visualisation, dashboards
superset > business_intelligence, data_visualisation, dashboards
dashboards > management_reporting
excel_advanced > microsoft_excel
vba > microsoft_excel
microsoft_excel > spreadsheets
google_sheets > spreadsheets
r > statistics
sas > statistics
spss > statistics
stata > statistics
google_analytics > web_analytics
# Infrastructure
aws > cloud
azure > cloud
gcp > cloud
ovhcloud > cloud
docker > containers
kubernetes > containers
openshift > kubernetes
helm > kubernetes
eks > kubernetes, aws
gke > kubernetes, gcp
aks > kubernetes, azure
argocd > ci_cd, kubernetes
terraform > infrastructure_as_code
ansible > infrastructure_as_code
puppet > infrastructure_as_code
pulumi > infrastructure_as_code
cloudformation > infrastructure_as_code, aws
infrastructure_as_code > devops
ci_cd > devops
jenkins > ci_cd
gitlab ci > ci_cd, gitlab
github actions > ci_cd, github
circleci > ci_cd
git > version_control
github > git
gitlab > git
bitbucket > git
prometheus > observability
grafana > observability
datadog > observability
splunk > observability
elk > observability
kibana > observability
opentelemetry > observability
rhel > linux
ubuntu > linux
debian > linux
bash > shell_scripting
powershell > shell_scripting
penetration_testing > cybersecurity
security_certification > cybersecurity
iso_27001 > cybersecurity
cisco_certification > networking
itil > it_service_management
rtos > embedded_systems
fpga > electronics
vhdl > electronics
verilog > electronics
solidity > blockchain
# Design
figma > ui_design
sketch > ui_design
adobe xd > ui_design, prototyping
illustrator > graphic_design
indesign > graphic_design
photoshop > image_editing
premiere pro > video_editing
after_effects > video_editing
final_cut > video_editing
davinci_resolve > video_editing
user_research > ux_design
wcag > digital_accessibility
rgaa > digital_accessibility
autocad > cad
solidworks > cad
catia > cad
revit > cad, bim
creo > cad
sketchup > cad
fusion_360 > cad
# Project, agile
pmp > project_management
prince2 > project_management
pmo > project_management
program_management > project_management
ms_project > project_planning
primavera > project_planning
gantt > project_planning
scrum > agile
safe > agile
product owner > agile
scrum_master > scrum
pmi_acp > agile
agile_coaching > agile
backlog_management > backlog, agile
erp_implementation > erp
user_training > training_delivery
# Management and people
team_leadership > leadership, people_management
people_management > management
hiring > recruitment
interviewing > recruitment
candidate_sourcing > recruitment
collective_bargaining > negotiation, employee_relations
hr_business_partner > human_resources
successfactors > hris
adp > payroll
silae > payroll
training_programmes > learning_and_development
training_needs > learning_and_development
training_evaluation > learning_and_development
instructional_design > learning_and_development
training_delivery > training
moodle > lms
learning_360 > lms
docebo > lms
cornerstone > lms
lms > e_learning
articulate > e_learning
# Sales, marketing
key_account_management > account_management
technical_sales > sales
presales > technical_sales
deal_closing > sales, closing
sales_targets > sales
sales_management > sales
channel_sales > sales
cold_calling > prospecting
prospecting > business_development
hubspot > crm
salesforce > crm
pipedrive > crm
zoho_crm > crm
complaints_handling > customer_service
call_centre > customer_service
prestashop > ecommerce
woocommerce > ecommerce
shopify > ecommerce
magento > ecommerce
merchandising > retail
seo > digital_marketing
paid_search > paid_advertising
google ads > paid_search
sem > digital_marketing
meta_ads > social_ads
linkedin_ads > social_ads
tiktok_ads > social_ads
social_ads > paid_advertising, social_media
paid_advertising > digital_marketing
email_marketing > digital_marketing
mailchimp > email_marketing
brevo > email_marketing
marketing_automation > digital_marketing
marketo > marketing_automation
pardot > marketing_automation
community_management > social_media
# Purchasing, supply chain
industrial_purchasing > procurement
purchase_orders > procurement
supplier_sourcing > procurement
supplier_negotiation > negotiation, procurement, supplier_management
supplier_audits > quality_audits, supplier_management
contract_negotiation > negotiation
wms > warehousing
order_picking > warehousing
tms > transport_management
s&op > demand_planning, supply_planning
mrp > production_planning
incoterms > international_trade
customs > international_trade
sap > erp
sap_erp > sap
sap fi > sap, accountancy
sap mm > sap
odoo > erp
netsuite > erp
tosa > ms_office
# Manufacturing, quality, safety
lean_manufacturing > continuous_improvement
lean six sigma > lean_manufacturing, six_sigma
six_sigma_belts > six_sigma
six_sigma > continuous_improvement
kaizen > continuous_improvement, lean_manufacturing
5s > lean_manufacturing
smed > lean_manufacturing
vsm > lean_manufacturing
tpm > lean_manufacturing
pdca > continuous_improvement
8d > root_cause_analysis
fmea > risk_management
iso_9001 > quality_management
iso_13485 > quality_management, medical_devices
iatf_16949 > quality_management, automotive
en_9100 > quality_management, aerospace
iso_14001 > environmental_management
iso_45001 > hse
iso_17025 > accreditation
iso_22000 > food_safety
qhse > hse, quality_management
haccp > food_safety
quality_audits > audit, quality_management
quality_auditor_certification > quality_audits
internal_audit > audit
spc > quality_control, statistics
ndt > quality_control
visual_inspection > quality_control
pressure_testing > quality_control
ndt_certification > ndt
welding_inspection > welding, quality_control
welding_coordination > welding
welding_procedures > welding
industrial_automation > automation
plc > industrial_automation
scada > industrial_automation
tia_portal > plc
grafcet > industrial_automation
maintenance_preventive > maintenance
maintenance_predictive > maintenance
maintenance_corrective > maintenance
cmms > maintenance
caces > forklift
heavy_goods_licence > driving_licence
# Finance, legal
accounting_qualification > accountancy
general_ledger > accountancy
bank_reconciliation > accountancy
accounts_payable > accountancy
accounts_receivable > accountancy
closing_process > accountancy
cost_accounting > accountancy
accounting_standards > accountancy
ifrs > accounting_standards
us gaap > accounting_standards
bookkeeping > accountancy
accounting_software > accountancy
sage > accounting_software
quickbooks > accounting_software
xero > accounting_software
external_audit > audit
variance_analysis > financial_analysis
fpa > budgeting, forecasting, financial_analysis
accounts_consolidation > consolidation
cfa > financial_analysis
financial_reporting > management_reporting
vat > tax
aml > compliance
gdpr > compliance
soc 2 > compliance
financial_risk > risk_management
patents > intellectual_property
trademarks > intellectual_property
patent_offices > patents
invention_disclosures > patents
patent_portfolio > patents
prior_art > patents
contract_drafting > contract_law
# Education
phd > master_degree
mba > master_degree
engineering_degree > master_degree
master_degree > four_year_degree
four_year_degree > bachelor_degree
bachelor_degree > short_cycle_degree
short_cycle_degree > high_school
"""


def _concepts(*blocks: str) -> dict[str, tuple[str, ...]]:
    concepts: dict[str, tuple[str, ...]] = {}
    for block in blocks:
        for line in block.replace("\\\n", " ").splitlines():
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            concept, _, forms = line.partition(":")
            if not re.fullmatch(r"[a-z0-9]+(?:_[a-z0-9]+)*", concept.strip()):
                raise ValueError(f"not a concept line (a continuation lost its backslash?): {line}")
            if concept.strip() in concepts:
                raise ValueError(f"concept {concept.strip()!r} written twice")
            concepts[concept.strip()] = tuple(f.strip() for f in forms.split("|") if f.strip())
    return concepts


def _implications(block: str) -> dict[str, tuple[str, ...]]:
    implies: dict[str, tuple[str, ...]] = {}
    for line in block.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        concept, _, broader = line.partition(">")
        if concept.strip() in implies:
            raise ValueError(f"implications of {concept.strip()!r} written twice")
        implies[concept.strip()] = tuple(b.strip() for b in broader.split(",") if b.strip())
    return implies


CONCEPTS: dict[str, tuple[str, ...]] = _concepts(
    _SOFTWARE,
    _DATA,
    _INFRA,
    _DESIGN,
    _PROJECT,
    _PEOPLE,
    _HR,
    _SALES,
    _MARKETING,
    _SUPPLY,
    _INDUSTRY,
    _QUALITY,
    _FINANCE_LEGAL,
    _OFFICE,
    _EDUCATION,
)
IMPLIES: dict[str, tuple[str, ...]] = _implications(_IMPLIES)
# The concepts a diploma shows, and only a diploma: a degree the CV's education entry names,
# never a job's line that speaks of one ("mentored master's students")
# (app/lib/matching/evidence.py).
DIPLOMAS: frozenset[str] = frozenset(
    (
        "high_school",
        "short_cycle_degree",
        "bachelor_degree",
        "four_year_degree",
        "master_degree",
        "mba",
        "engineering_degree",
        "business_school",
        "phd",
    )
)
