"""Texts a row task writes from a CV (a cover letter, a pitch): what their features show alike."""
