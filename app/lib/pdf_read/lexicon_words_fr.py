"""The French part of the word list for repairing text layers (``lexicon.py`` reads it).

Written for this project, as ``lexicon_words.py`` is: common words and CV vocabulary as stems
the inflection rules extend, words with ligature letter pairs listed generously. Stdlib only.
"""

from __future__ import annotations

FRENCH = """
à accompagnement accompagner accord accueil accueillir achat acheteur acquérir acquisition acteur
actif action activité actuel adaptabilité adapter administrateur administratif administration
adresse affaire affiche affichage afin âge agence agent agir agricole aide aider aisance ajout
alimentaire allemand aller alternance alternant amélioration améliorer amener ami analyse analyser
analyste anglais animateur animation animer année annuel antérieur août appel application
appliquer apport apprendre apprenti apprentissage approfondi approvisionnement appui après arabe
architecte architecture argent arrivée art article artificiel artistique aspect assistant
assistante assister association assurance assurer atelier attaché attente attention attestation
attitude au aucun audit auditeur aujourd auprès aussi autonome autonomie autour autre aux avant
avec avenir avoir avril bac baccalauréat banque bancaire base bâtiment beaucoup besoin bénévolat
bénévole bien bilan bilingue blanc bon bonne boulangerie bref budget bureau bureautique but ça
cabinet cadre caisse caissier calcul calculer campagne candidat candidature capacité capable
caractère carrière carte cas catalogue catégorie cause ce cela celle celui centre certain
certificat certification certifié certifier ces cette chaîne chambre champ changement chantier
chaque charge chargé chef chercher chercheur chez chiffre chimie chimique choix cinq circuit
classe client clientèle code cohésion collaborateur collaboration collaborer collecte collège
comme commande commencer comment commercial commerciale commerce communication communiquer
compétence complet complexe comportement comprendre compréhension compris comptabilité comptable
compte concept conception concevoir concours conduite conférence confiance confidentiel
configuration configurer conflit connaissance connaître conseil conseiller conseillère consultant
contact contenu contexte continu contrat contribuer contribution contrôle contrôler coordination
coordonner corps correction cours court coût création créatif créer critique croissance cuisine
cuisinier culture curieux curiosité cycle d dans date de début décembre décision déclaration
définir définition degré dehors déjà délai demande démarche démarrage depuis déploiement déployer
dernier des description design dessin deux devenir développement développer développeur devis
diagnostic différence différent difficile difficulté diffusion digital diplôme diplômé dire
direct directeur direction directrice discipline disponibilité disponible dispositif distribution
divers diversité dix document documentation doit domaine donnée donner dossier double du durée
dynamique eau école économie économique écoute écrire écrit écriture éducation effectif
effectuer efficace efficacement efficacité effort égalité élaboration élaborer électricité
électrique électronique élève élevé élément emploi employé en encadrement encadrer encore énergie
enfant engagement engager enjeu enquête enseignant enseignement ensemble ensuite entre entrée
entreprise entrepôt entretien environnement envoi envoyer équipe équipement erreur esprit essai
est établir établissement étape état été étranger être étude étudiant étudiante europe évaluation
évaluer événement évolution examen exécution exemple exercice exigence expérience expert
expertise exploitation export exposition externe extraction fabrication face facile facilité
facturation facture faculté faire famille faut fer ferroviaire février fichier fidélisation fidèle
fiabilité fiable filiale fille fin final finaliser finance financement financier fixe flexibilité
flexible flotte flux fois fonction fonctionnel fonctionnement fond fondamental fondateur force
formateur formation forme former fort fournir fournisseur français franchise frontal gamme garantie
garantir général génie gestion gestionnaire globale goût grand grande groupe guide habilitation
heure histoire hiver homme hôpital hôtel hôtellerie humain idée identification identifier il
image immobilier impact implantation implication import important indépendant industrie
industriel informatique information infrastructure ingénieur ingénierie initiation initiative
innovation inscription installation institut intégration intelligence intendance interface
interlocuteur interne international intervention inventaire investissement janvier jeune joie
jour journée juillet juin juridique jusqu la langue le leader lecture légal les lettre licence
lien lieu ligne linguistique livraison livre livrer local logiciel logique logistique loisir long
lycée machine magasin mai main maintenance maintenir maîtrise maîtriser management manager
manuel marché marchandise mars master matériel matériau mathématique matière mécanique médecin
médical membre même mémoire méthode méthodologie métier mettre mieux mise mission mobilité mode
modèle modification modifier module mois monde montage moteur motivation motivé moyen multi
musique national natif naturel négociation nettoyage niveau nom nombre normal norme note notion
nouveau nouvelle novembre objectif obtenir octobre offre office officier opérateur opération
opérationnel optimisation optimiser option or ordre organisation organisé organiser orientation
origine ou outil ouverture ouvrier page paie par parc parcours partenaire partenariat participation
participer particulier partie pas passion patient patrimoine pays pédagogique pendant
performance période permanent permettre permis personnel personne perspective petit pharmacie
physique pièce pilotage piloter place plan planification planifier planning plateforme plusieurs
poids point pointe pôle politique polyvalence polyvalent portefeuille portugais poste potentiel
pour pratique préparation préparer présentation présenter prestataire prestation prévention
principal prise prix problème procédure processus production produit professeur professionnel
profil programmation programme progrès projet promotion proposer propre prospection protection
public publicité qualification qualifié qualité quantité quotidien rapport réactivité réalisation
réaliser récent réception recherche recrutement rédaction rédiger référence réflexion régional
règle réglementaire relation relationnel remplacement rencontre rendre réparation repas réseau
résolution résoudre respect responsabilité responsable ressource restaurant restauration résultat
retour réunion réussir revue rigoureux rigueur risque rôle routier rythme saison saisonnier
salarié salle santé sans savoir scientifique scolaire secrétaire secteur sécurité selon semaine
séminaire sens septembre service session seul simple site situation social société soin solution
sortie souhait soutien spécialisé spécialiste spécialité spécifique sport stage stagiaire
stratégie stratégique structure suivi suivre sujet supérieur support sur surveillance système
tableau tâche technicien technique technologie temps terrain territoire test théorie titre
titulaire tourisme tout traduction traitement transfert transformation transport travail
travailler travaux très trois type un une université urgence usine utilisateur utilisation
utiliser vacances valeur validation valider variable vente vérification vérifier vie ville vision
visite voiture volontaire vue web
"""

FRENCH_MORE = """
affecter affectation affiner affirmer afflux attentif attentive attribuer attribution attractif
automate automatique automatisation automatiser battre certifiant chiffrer coiffeur coiffeuse
coiffure combattre confidentialité confier diffuser différencier diversifier effet efficient
filière film filtre finir finition fiscal fiscalité fixation fluide fluidité influence justifier
mettre netteté nettoyer notifier numérique offrir officiel profiter qualifier rectifier
simplifier souffle suffisant unifier statistique
les des une avec pour dans sur par plus est sont fait très bien tout tous toutes cette mes mon
nos notre leur leurs qui que dont où comme mais donc car ainsi vers sous lors ses son sa
"""
