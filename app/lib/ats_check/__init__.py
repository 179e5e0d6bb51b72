"""The ATS check: how machines read a CV's PDF before it is sent.

A PDF is read twice, each time in a limited child process: by four common extractors
(pdftotext, pdfminer.six, pypdf, pdfplumber) beside the project's own reader, glyph by glyph
(``examination``: ``child.py`` with ``page_scan`` and ``readers``), and by the import's reader
(app/lib/pdf_text.py), whose text the import's parser files into fields. The report
(``report``) says what a machine misses or misreads (``findings``: codes, values, advice),
how far the extractors agree page by page (``agreement``) and what our reader found per field
(``field_checks``), each with the boxes that light it on the page image.

Public: ``check_pdf`` (``check.py``).
"""
