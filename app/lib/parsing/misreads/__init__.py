"""Misreads of a whole job, each a general shape: contact lines outside the header, a sentence as
an employer, one entry's text inside another's lines, a bullet split in two, a city glued to
bullets, a referee block, hyphens left inside words, a profile made of the header's lines.

``repair.py`` fixes what is certain before the import is stored; ``detect.py`` turns the rest
into import-report findings (codes and values, worded in the reader's language later).
"""
