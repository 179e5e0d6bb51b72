"""The rule-based readers of CVs and job offers, by stage.

cv_parser.py (a CV's text to CvContent) and offer_parser.py (an ad's text to its fields) are the
entry points; they run the stages in order: text (line helpers), sections, entries (with dates),
fields (the learned labeller, contact, skills), and report (what the user must review).
model_import holds the reading with a language model merged with the rules'; offers the ad
reader's stages; formats JSON Resume and HTML. The PDF's text layer and layout come before all
this (app/lib/pdf_read/).
"""
