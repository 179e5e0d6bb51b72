"""Entries of a dated section and the parts of their headings.

Takes a section's lines; gives raw entries (heading lines, dates, body) and, for experiences,
the title, employer and place in the CV's words.
"""
