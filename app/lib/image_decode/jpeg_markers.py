"""A JPEG's segments walked without decoding: whether it runs to its end, and how many scans.

libjpeg pads a truncated file with grey and Pillow returns it as whole, so completeness is read
from the markers. The scans are counted because a progressive JPEG's decoding time grows with
its scans times its pixels: a small file that repeats a refinement scan hundreds of times takes
tens of CPU-seconds to decode (libjpeg only warns about it), and its header tells.

The walk itself is bounded: compressed data is skipped by a regular expression (C speed), and
a file with more than ``MAX_SEGMENTS`` segments (an ordinary one has a few dozen; Pillow's own
header reader loops in Python over each) is reported as not complete.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SOS, EOI = 0xDA, 0xD9
MAX_SEGMENTS = 1024
# The next marker inside compressed data: 0xFF followed by neither a stuffed zero, a restart
# marker nor another 0xFF (fill). One byte of look-ahead keeps the search linear.
_NEXT_MARKER = re.compile(rb"\xff(?=[^\x00\xd0-\xd7\xff])")
_NOT_FILL = re.compile(rb"[^\xff]")


@dataclass(frozen=True, slots=True)
class JpegLayout:
    complete: bool  # the segments run to an end-of-image marker
    scans: int  # start-of-scan segments before it (counted up to one past ``max_scans``)


def walk(data: bytes, max_scans: int) -> JpegLayout:
    """The headers by their lengths, each scan's data to its next marker. Stops at the first
    end-of-image (what follows is no part of the image), or as soon as there are more than
    ``max_scans`` scans (the file is refused whatever comes next)."""
    at, size, scans, segments = 2, len(data), 0, 0
    while at + 2 <= size and segments <= MAX_SEGMENTS:
        segments += 1
        if data[at] != 0xFF:
            return JpegLayout(False, scans)
        marker = data[at + 1]
        if marker == 0xFF:  # fill bytes before a marker
            found = _NOT_FILL.search(data, at + 1)
            if found is None:
                return JpegLayout(False, scans)
            at = found.start() - 1
            continue
        if marker == EOI:
            return JpegLayout(True, scans)
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:  # no length
            at += 2
            continue
        if at + 4 > size:
            return JpegLayout(False, scans)
        at += 2 + int.from_bytes(data[at + 2 : at + 4], "big")
        if marker != SOS:
            continue
        scans += 1
        if scans > max_scans:
            return JpegLayout(False, scans)
        following = _NEXT_MARKER.search(data, at)
        if following is None or following.start() + 1 >= size:
            return JpegLayout(False, scans)
        at = following.start()
    return JpegLayout(False, scans)
