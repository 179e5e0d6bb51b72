"""Job offers: headings, fields, requirements (skills, degrees, languages), the company and
contract, and the check of an LLM's reading of an ad.

Takes an ad's text; gives the offer's fields.
"""
