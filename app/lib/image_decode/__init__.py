"""Images from users decoded under a budget: the one path for photos, CV images and page images.

1. ``headers.py`` decides from the file's headers alone, in the request, in milliseconds: type
   by the first bytes, width × height, frames, and a JPEG's scans (``jpeg_markers.py``: a
   progressive file replaying hundreds of refinement scans costs seconds of CPU per scan
   pass, whatever its size on disk). What is refused there is never decoded.
2. ``decode.py`` then decodes in a child process (``child.py`` running ``pixels.py``: stdlib and
   Pillow only, no environment) under ``RLIMIT_AS``/``RLIMIT_CPU`` and a wall-clock deadline,
   killed with its process group when the caller is cancelled (``sandbox.py``, which the PDF
   page renderer, app/lib/pdf_read/page_image.py, runs its child through too) — and, in a
   request, when the client leaves (``client_gone.py``). Callers decode before they open a
   database transaction, so no lock waits on pixels.
"""
