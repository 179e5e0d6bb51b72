"""Reading uploaded PDFs: the text layer in reading order, hidden text flagged.

``text_layer`` runs pdfplumber in a limited child process; the other modules (``layout`` and
its helpers) turn a page's characters into lines there and import only the stdlib, so the child
loads them without importing ``app``. Writing PDFs is the other job, in ``app/lib/pdf_render/``.
"""
