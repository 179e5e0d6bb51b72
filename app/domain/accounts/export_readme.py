"""The export's README.txt, in the account's language (its ``locale``, else its pages' language).

Whole texts rather than catalogue lines: the file is read as one document, its columns line up
in each language, and every folder it names must be described (tests check both texts).
"""

from __future__ import annotations

from typing import Any

from app.lib.i18n import current_locale

ENGLISH = """CV Tailor: export of the account {email}, made {made} (UTC).

Folders and files are named after what they hold (a CV's name, an offer's title and company,
a search's name), followed by the start of the row's id: "<name>" below stands for such a name,
and the ids inside the JSON files are the same ones.

account.json         the account: e-mail, name, role, language, credit balance, and the
                     personal API tokens' names and first characters (never the tokens).
credits.json         the credit ledger: every grant, charge and refund.
photo/photo.jpg      the photo your CVs show (400×400), when you have one; beside it
                     photo-uncropped.jpg (the upload it is cropped from) and
                     photo-found-in-cv.jpg (a portrait found in an imported CV, not yet accepted).
cvs/<name>/cv.json   one CV (kind "source" = imported, "generated" = tailored to an offer):
                     its details and current content.
cvs/<name>/versions.json  every saved version of that CV's content, oldest first.
cvs/<name>/resume.json the CV as a JSON Resume (jsonresume.org): import it back on the CVs page.
cvs/<name>/original-*  the file uploaded for that CV, when there was one.
cvs/<name>/cv.pdf    the PDF, when one was already rendered with the CV as it is now.
cvs/<name>/cv.md     the CV as Markdown: the PDF's sections and text (shortened like the PDF
                     when one was rendered, else whole).
offers/<name>.json   one job offer as extracted and edited.
generations/<name>.json  one tailoring run: its settings and status, the result for each
                     offer, and the steps it went through.
tasks.json           the task centre's history (imports, extractions, generations, cover
                     letters, searches).
letters/<name>.json  one cover letter: its offer, CV, language, tone, status and text, with
                     "versions": every saved state of its text, oldest first.
letters/<name>.pdf   its PDF, when one was already rendered with the letter as it is now.
pitches.json         your pitches (30-second and 3-minute): target, CV, language, text, default,
                     and what the fact check left out.
applications/<name>.json  one tracked application: status, dates, rating, contact, "notes",
                     "moves" (every status change) and "sentDocuments" (the frozen copies of the
                     CVs and letters marked as sent; "pdfFile" names the copy's PDF).
applications/<name>/sent-*.pdf  the PDF of a sent document, exactly as it was sent
                     (a copy whose PDF was never made has "pdfFile": null).
searches/<name>.json one saved search: keywords, red flags, filters, schedule, with "sources":
                     its feeds and what their last fetch found.
inbox/<name>.json    one offer found by a search (or the bookmarklet): its text, score, and
                     your decision.
achievements.json    the achievements bank: every story (situation, task, action, result,
                     skills shown, draft or complete) and the CV experience it is linked to.
coach.json           the STAR coach's conversations: the experience, the step reached, every
                     message, your answers by step and the achievement proposed.

PDFs: {pdf_count} of {cv_count} CVs and {letter_pdf_count} of {letter_count} written cover letters
are included as PDF (those already rendered; rendering all of them here could take minutes).
Download any other one from its page, or with a session or an API token from
GET /api/cvs/<id>/pdf, GET /api/cover-letters/<id>/pdf, or for a sent document
GET /api/applications/<id>/documents/<document id>/pdf.
"""

FRENCH = """CV Tailor : export du compte {email}, fait le {made} (UTC).

Les dossiers et les fichiers portent le nom de ce qu'ils contiennent (le nom d'un CV, l'intitulé
et l'entreprise d'une offre, le nom d'une recherche), suivi du début de l'identifiant de la
ligne : « <nom> » ci-dessous désigne un tel nom, et les identifiants des fichiers JSON sont les
mêmes.

account.json         le compte : e-mail, nom, rôle, langue, solde de crédits, et le nom et les
                     premiers caractères des jetons d'API personnels (jamais les jetons).
credits.json         le registre des crédits : chaque attribution, débit et remboursement.
photo/photo.jpg      la photo de vos CV (400×400), si vous en avez une ; à côté,
                     photo-uncropped.jpg (l'image envoyée dont elle est recadrée) et
                     photo-found-in-cv.jpg (un portrait trouvé dans un CV importé, pas encore
                     accepté).
cvs/<nom>/cv.json    un CV (kind « source » = importé, « generated » = adapté à une offre) :
                     ses informations et son contenu actuel.
cvs/<nom>/versions.json  chaque version enregistrée du contenu de ce CV, de la plus ancienne
                     à la plus récente.
cvs/<nom>/resume.json le CV au format JSON Resume (jsonresume.org) : réimportez-le depuis la
                     page des CV.
cvs/<nom>/original-*  le fichier envoyé pour ce CV, s'il y en a eu un.
cvs/<nom>/cv.pdf     le PDF, s'il a déjà été produit avec le CV tel qu'il est.
cvs/<nom>/cv.md      le CV en Markdown : les sections et le texte du PDF (raccourci comme le
                     PDF s'il a été produit, sinon en entier).
offers/<nom>.json    une offre d'emploi telle qu'extraite et modifiée.
generations/<nom>.json  une adaptation : ses réglages et son état, le résultat pour chaque
                     offre et les étapes parcourues.
tasks.json           l'historique du centre des tâches (imports, extractions, générations,
                     lettres de motivation, recherches).
letters/<nom>.json   une lettre de motivation : son offre, son CV, sa langue, son ton, son état
                     et son texte, avec « versions » : chaque état enregistré du texte.
letters/<nom>.pdf    son PDF, s'il a déjà été produit avec la lettre telle qu'elle est.
pitches.json         vos pitchs (30 secondes et 3 minutes) : cible, CV, langue, texte, pitch par
                     défaut, et ce que la vérification des faits a écarté.
applications/<nom>.json  une candidature suivie : état, dates, note, contact, « notes »,
                     « moves » (chaque changement d'état) et « sentDocuments » (les copies
                     figées des CV et lettres marqués comme envoyés ; « pdfFile » nomme le PDF
                     de la copie).
applications/<nom>/sent-*.pdf  le PDF d'un document envoyé, exactement tel qu'il a été envoyé
                     (une copie dont le PDF n'a jamais été produit a « pdfFile » : null).
searches/<nom>.json  une recherche enregistrée : mots-clés, signaux d'alerte, filtres,
                     fréquence, avec « sources » : ses flux et ce que leur dernière lecture a
                     trouvé.
inbox/<nom>.json     une offre trouvée par une recherche (ou le bookmarklet) : son texte, son
                     score et votre décision.
achievements.json    la banque de réalisations : chaque histoire (situation, tâche, action,
                     résultat, compétences démontrées, brouillon ou complète) et l'expérience
                     du CV à laquelle elle est rattachée.
coach.json           les conversations du coach STAR : l'expérience, l'étape atteinte, chaque
                     message, vos réponses par étape et la réalisation proposée.

PDF inclus (ceux déjà produits ; tous les produire ici pourrait prendre plusieurs minutes) :
CV : {pdf_count} sur {cv_count} ; lettres de motivation rédigées : {letter_pdf_count} sur \
{letter_count}.
Téléchargez les autres depuis leur page, ou avec une session ou un jeton d'API depuis
GET /api/cvs/<id>/pdf, GET /api/cover-letters/<id>/pdf, ou pour un document
envoyé GET /api/applications/<id>/documents/<document id>/pdf.
"""

TEXTS = {"en": ENGLISH, "fr": FRENCH}


def readme_locale(account_locale: str | None) -> str:
    """The account's language: the one it chose, else the one its pages are shown in (the
    browser's, i18n.current_locale). Not the site's default: an account that never picked a
    language but reads the pages in English gets its README in English."""
    return account_locale if account_locale in TEXTS else current_locale.get()


def readme(locale: str | None, **values: Any) -> str:
    return TEXTS.get(locale or "", ENGLISH).format(**values)
