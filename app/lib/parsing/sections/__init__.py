"""Sections of a CV: headings by words, style and pictograms; the lines of each section; sections
inferred from content when headings are missing.

Takes the document's lines (with their style when the PDF gave it); gives named sections of
lines.
"""
