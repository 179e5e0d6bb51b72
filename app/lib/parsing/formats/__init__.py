"""Other input and output formats: JSON Resume (read and written) and HTML text.

Takes or gives a CV in that format.
"""
