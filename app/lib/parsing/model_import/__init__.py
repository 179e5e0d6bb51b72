"""The import with a language model beside the rules: the model's entries, each field verified
against the source text, merged entry by entry with the rules' reading.

Takes the source text and the rules' CV; gives the merged CV and its disagreements.
"""
