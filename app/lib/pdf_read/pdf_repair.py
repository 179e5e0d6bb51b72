"""A second chance for PDF files pdfminer cannot open but other readers (poppler) do.

Runs inside the sandboxed parser process (``app/lib/pdf_read/text_layer.py``): stdlib only,
bytes in, bytes out.

Why: a file that went through a text-mode transfer or a careless tool can end in padding after
its ``%%EOF`` (NUL bytes) and have its cross-reference offsets shifted (line ends rewritten).
pdfminer then finds no pages; its own fallback scan stops at the first ``trailer`` keyword,
which a linearised file puts before almost all of its objects. Poppler rebuilds the table by
scanning every object; ``rebuild`` makes pdfminer do the same: the padding is cut, the old
``startxref``/``trailer`` keywords are commented out (so pdfminer's fallback scans the whole
file, object streams included) and one trailer naming the catalogue is appended.

Only a file that *ends* like a PDF is rebuilt (its last ``%%EOF`` followed by nothing but
padding): a download cut short stays refused ("damaged or incomplete"), since importing half a
CV without a word would be worse than asking for the file again.
"""

from __future__ import annotations

import re

EOF_MARKER = b"%%EOF"
PADDING = b"\x00 \t\r\n\x0c"
OBJECT = re.compile(rb"(?m)^[ \t]*(\d+)[ \t]+(\d+)[ \t]+obj\b")
ROOT = re.compile(rb"/Root\s+(\d+)\s+(\d+)\s+R")
INFO = re.compile(rb"/Info\s+(\d+)\s+(\d+)\s+R")
CATALOG = re.compile(rb"/Type\s*/Catalog\b")
# A line starting with one of these keywords: commented out so pdfminer falls back to a scan.
TABLE_KEYWORDS = re.compile(rb"(?m)^([ \t]*)(?:startxref|trailer)\b")


def ends_properly(data: bytes) -> bool:
    """The last ``%%EOF`` is followed by padding only (or nothing)."""
    end = data.rfind(EOF_MARKER)
    return end >= 0 and not data[end + len(EOF_MARKER) :].strip(PADDING)


def _catalog(data: bytes, objects: dict[int, int]) -> tuple[bytes, bytes] | None:
    """The catalogue's reference: the last /Root naming an object written out in the file, else
    the last /Root at all (its object may sit in a compressed object stream, which pdfminer's
    scan opens), else the object whose dictionary says /Type /Catalog."""
    roots = [(m.group(1), m.group(2)) for m in ROOT.finditer(data)]
    present = [root for root in roots if int(root[0]) in objects]
    if present or roots:
        return (present or roots)[-1]
    for number, offset in objects.items():
        head = data[offset : offset + 400]
        end = head.find(b"endobj")
        if CATALOG.search(head[: end if end >= 0 else None]):
            return str(number).encode(), b"0"
    return None


def rebuild(data: bytes) -> bytes | None:
    """``data`` made readable by a scanning reader, or None when it should stay refused."""
    if not ends_properly(data) or b"/Encrypt" in data:
        return None  # cut short, or encrypted (a rebuilt trailer would lose the key)
    body = data[: data.rfind(EOF_MARKER)]
    objects = {int(m.group(1)): m.start() for m in OBJECT.finditer(body)}
    root = _catalog(body, objects)
    if root is None:
        return None
    body = TABLE_KEYWORDS.sub(rb"\1%", body)
    trailer = b"/Root %s %s R /Size %d" % (*root, max(objects) + 1)
    info = [m for m in INFO.finditer(data) if int(m.group(1)) in objects]
    if info:
        trailer += b" /Info %s %s R" % (info[-1].group(1), info[-1].group(2))
    return body + b"\ntrailer\n<< " + trailer + b" >>\n" + EOF_MARKER + b"\n"
