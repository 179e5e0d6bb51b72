"""An address written without its scheme, host and all: "jdoe.github.io/blog",
"blog.jane.dev", "studio.example.co.uk". CV Tailor's own PDFs print links so
(app/lib/link_text.py), and its reader (import, ATS check) must read them back whole.

The pattern starts at the host's first label only (never after a dot, a hyphen or an email's
"@"), so "jdoe.github.io" is never read as "github.io". It is one alternative of the contact
reader's URL_RE (app/lib/parsing/fields/contact.py).
"""

from __future__ import annotations

TOP_LEVEL = r"(?:dev|io|me|com|fr|org|net|eu|co\.uk|tech|app|site)"
BARE_HOST = r"(?<![\w.@-])(?:[\w-]+\.)*[\w-]{2,}\." + TOP_LEVEL + r"(?:/[^\s|,;·•]*)?(?!\w)"
