"""One date grammar for every French and English form a CV or ad writes.

Takes a line; gives the date range in it (start, end, ongoing) and the line without it; joins
dates split over two lines and spots stray dates.
"""
