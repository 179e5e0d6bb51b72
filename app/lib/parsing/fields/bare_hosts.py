"""An address written without its scheme, host and all: "jdoe.github.io/blog",
"blog.jane.dev", "studio.example.co.uk", "x.dev". CV Tailor's own PDFs print links so
(app/lib/link_text.py), and its reader (import, ATS check) must read them back whole.

The pattern starts at the host's first label only (never after a dot, a hyphen or an email's
"@"), so "jdoe.github.io" is never read as "github.io". A host is an address by its own
evidence: subdomains ("jdoe.github.io") or a path ("jdoe.dev/cv"); a bare "name.tld" only when
written in lower case, since product names are written capitalised ("Socket.io", "ASP.NET"),
and never one of the few product names that look like hosts. The top-level domain is always
in lower case. It is one alternative of the contact reader's URL_RE
(app/lib/parsing/fields/contact.py), compiled case-insensitive: the case rules are scoped.
"""

from __future__ import annotations

# Top-level domains people give for a profile or a personal site (longest first where one
# starts another, "co.uk" before "co"); file extensions that are also country codes (md, py,
# rs, sh) are not in it: "README.md" is no address.
TOP_LEVEL = (
    r"(?-i:(?:co|org|ac)\.uk|com|org|net|dev|io|me|app|tech|site|page|codes|design|blog|info|"
    r"online|studio|cloud|pro|xyz|ai|co|eu|fr|de|ch|be|ca|es|it|nl|pt|ie|lu|uk|us)"
)
# Product names written like hosts, in the lower case of a skills line.
PRODUCTS = r"(?:socket\.io|asp\.net|ado\.net|vb\.net)"
_LABEL = r"[\w-]+"
_PATH = r"/[^\s|,;·•]*"
# The whole host: not "x.dev" out of "x.devices" or "x.dev-tools", nor an email's local part
# ("jane.doe.pro@example.com").
_END = r"(?![\w@-]|\.\w)"
BARE_HOST = (
    r"(?<![\w.@-])(?:"
    rf"(?:{_LABEL}\.){{2,}}{TOP_LEVEL}{_END}(?:{_PATH})?"  # jdoe.github.io, blog.jane.dev/x
    rf"|{_LABEL}\.{TOP_LEVEL}{_END}{_PATH}"  # jane.dev/cv
    rf"|(?!{PRODUCTS}{_END})(?-i:[a-z0-9][a-z0-9-]*)\.{TOP_LEVEL}{_END}"  # x.dev, jane.com
    r")"
)
