"""The import report: what was found, where it came from in the source, what is suspicious, what
the user must review.

Takes the parsed CV and its source lines; gives the report stored with the CV.
"""
