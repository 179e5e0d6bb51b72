"""Text-layer repairs: glyphs the PDF lost (ligatures read as U+0000, fonts read as U+FFFD),
invisible characters, soft hyphens, words hyphenated at line ends, font runs drawn without a
space, and damaged files poppler reads.

Synthetic only: PDFs made here by WeasyPrint or by hand (a font whose Unicode map loses
glyphs, as some producers write it), invented people and sentences.
"""

from __future__ import annotations

import zlib
from functools import cache
from types import SimpleNamespace

import pytest

from app.lib.pdf_read import glyph_repair, pdf_repair
from app.lib.pdf_read.chars import strip_junk
from app.lib.pdf_read.hyphenation import rejoin
from app.lib.pdf_read.lexicon import Vocabulary
from app.lib.pdf_read.text_layer import PdfText, PdfTextError, read_pdf_text_sync
from tests.fixtures.pdfs import render_html

# ------------------------------------------------------------------ hand-made PDFs

LIGATURE = b"\x01"  # the code our invented font gives its "fi" glyph
SOFT_HYPHEN = b"\xad"


def _assemble(objects: list[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _widths() -> bytes:
    """Helvetica's advance widths for codes 0-255 (WinAnsi), the ligature as wide as "fi"."""
    from pdfminer.fontmetrics import FONT_METRICS

    metrics = FONT_METRICS["Helvetica"][1]
    widths = [
        int(metrics.get(bytes([code]).decode("cp1252", "replace"), 556)) for code in range(256)
    ]
    widths[1], widths[0xAD] = 500, 333
    return b" ".join(b"%d" % w for w in widths)


def lossy_font_pdf(lines: list[bytes], glyph_name: bytes = b"glyph1") -> bytes:
    """One page of 10 pt lines in a font whose ToUnicode map reads code 1 as U+0000 (a
    ligature the producer could not map) and code 0xAD as a soft hyphen (as Chrome maps its
    hyphen glyph). ``glyph_name``: what the font's encoding calls code 1 ("fi" names it)."""
    to_unicode = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        b"1 begincodespacerange <00> <FF> endcodespacerange\n"
        b"2 beginbfchar <01> <0000> <AD> <00AD> endbfchar\n"
        b"endcmap CMapName currentdict /CMap defineresource pop end end"
    )
    content = b"".join(
        b"BT /F1 10 Tf 1 0 0 1 72 %d Tm (%s) Tj ET\n" % (760 - 14 * index, line)
        for index, line in enumerate(lines)
    )
    return _assemble(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 4 0 R >> >> /Contents 6 0 R >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /InventedSans /FirstChar 0 /LastChar 255 "
            b"/Widths [" + _widths() + b"] /Encoding << /Type /Encoding /BaseEncoding "
            b"/WinAnsiEncoding /Differences [1 /" + glyph_name + b"] >> /ToUnicode 5 0 R >>",
            b"<< /Length %d >>\nstream\n" % len(to_unicode) + to_unicode + b"\nendstream",
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        ]
    )


def read(data: bytes) -> PdfText:
    return read_pdf_text_sync(data, max_pages=10)


def lines_of(result: PdfText) -> list[str]:
    return [line for line in result.text.splitlines() if line.strip()]


# ------------------------------------------------------------------ lost glyphs


def test_a_ligature_lost_to_nul_is_solved_from_the_words_it_sits_in() -> None:
    result = read(
        lossy_font_pdf(
            [
                b"Jane Roe, senior \x01nancial analyst",
                b"Certi\x01cate in of\x01ce tools and reporting",
                b"Re\x01ned the \x01eld reports every week for the sales teams",
            ]
        )
    )

    assert lines_of(result)[1:] == [
        "Certificate in office tools and reporting",
        "Refined the field reports every week for the sales teams",
    ]
    assert "financial" in lines_of(result)[0]
    assert result.problems["guessed_glyphs"] == 5


def test_a_ligature_named_by_the_fonts_encoding_needs_no_guess() -> None:
    """The glyph name ("fi") is the answer even in a word no list knows."""
    result = read(
        lossy_font_pdf([b"Jane Roe, Zy\x01ra Labs, data analyst since March 2021"], b"fi")
    )

    assert "Zyfira Labs" in result.text
    assert "guessed_glyphs" not in result.problems


def test_two_lost_ligatures_of_one_font_are_told_apart_by_their_glyph() -> None:
    markers = glyph_repair.Markers()
    ft = markers.marker("Invented-Regular", "7", "ligature")
    ffi = markers.marker("Invented-Regular", "9", "ligature")
    assert ft and ffi
    texts = [f"So{ft}ware", f"a{ft}er", f"e{ffi}cient", f"o{ffi}ce", f"su{ffi}cient", "team"]

    assert glyph_repair.solve(texts, markers, ["team"]) == {ft: "ft", ffi: "ffi"}


def _enciphered(text: str, markers: glyph_repair.Markers) -> str:
    """``text`` as a font that maps every lowercase letter to U+FFFD draws it."""
    return "".join(
        markers.marker("Cipher-Regular", c, "letter") or c if c.islower() else c for c in text
    )


INVENTED_PROFILE = (
    "Project manager with seven years of experience in logistics and customer service. "
    "Led a team of twelve people, planned the delivery routes and reduced the transport costs. "
    "Managed the relationship with suppliers, negotiated contracts and prepared the monthly "
    "reports for the board. Trained new employees on the warehouse software and the safety "
    "procedures. Fluent in English and French, good knowledge of Excel and of the company "
    "planning tools; organised, reliable and curious."
)


def test_a_font_whose_letters_all_read_as_fffd_is_deciphered() -> None:
    markers = glyph_repair.Markers()
    texts = _enciphered(INVENTED_PROFILE, markers).split()

    solution = glyph_repair.solve(texts, markers, ["Jane", "Roe", "Leeds"])

    truth = {marker: glyph for (_, glyph), marker in markers.by_key.items()}
    assert solution == truth  # every lowercase letter, rare ones included ("j", "k", "x")


INVENTED_PROFILE_FR = (
    "Chef de projet avec sept ans d'expérience dans la logistique et le service client. Gestion "
    "d'une équipe de douze personnes, planification des tournées de livraison et réduction des "
    "coûts de transport. Relation avec les fournisseurs, négociation des contrats et préparation "
    "des rapports mensuels."
)


@pytest.mark.parametrize("profile", [INVENTED_PROFILE, INVENTED_PROFILE_FR])
def test_a_cipher_with_its_capitals_lost_too_guesses_nothing_wrong(profile: str) -> None:
    """Letters with too little evidence (a capital seen once) are left out, never guessed."""
    markers = glyph_repair.Markers()
    texts = [
        "".join(markers.marker("Cipher-Bold", c, "letter") or c if c.isalpha() else c for c in w)
        for w in profile.split()
    ]

    solution = glyph_repair.solve(texts, markers, [])

    truth = {marker: glyph for (_, glyph), marker in markers.by_key.items()}
    assert len(solution) >= 0.8 * len(truth)
    assert all(solution[marker] == truth[marker] for marker in solution)


def test_a_font_of_letter_salad_is_not_deciphered_into_words() -> None:
    markers = glyph_repair.Markers()
    salad = "qzv xwkj pqrt zzqx vbnm kjhg wxyz qwpo zxcv lkjh mnbv poiu ytre wqas dfgh " * 3
    texts = [
        "".join(markers.marker("Cipher-Regular", c, "letter") or c for c in word)
        for word in salad.split()
    ]

    assert glyph_repair.solve(texts, markers, ["Jane", "Roe"]) == {}


def test_lost_accented_letters_are_solved_and_noise_is_removed() -> None:
    markers = glyph_repair.Markers()
    e_acute = markers.marker("Invented-Regular", "233", "letter")
    noise = markers.marker("Invented-Regular", "250", "letter")
    assert e_acute and noise
    words = [
        {"text": "Expérience"},
        {"text": f"d{e_acute}veloppement"},
        {"text": f"r{e_acute}seau"},
        {"text": f"Soci{e_acute}t{e_acute}"},
        {"text": f"Qx{noise}zq"},
        {"text": noise},
    ]
    page = SimpleNamespace(words=words)
    problems: dict[str, int] = {}
    previous, glyph_repair.MARKERS = glyph_repair.MARKERS, markers
    try:
        glyph_repair.repair_pages([page], problems)
    finally:
        glyph_repair.MARKERS = previous

    assert [w["text"] for w in page.words] == [
        "Expérience",
        "développement",
        "réseau",
        "Société",
        "Qxzq",
    ]
    assert problems == {"guessed_glyphs": 4, "junk_glyphs": 2}


# ------------------------------------------------------------------ invisible characters


def _char(text: str, x0: float, width: float = 5.0) -> dict[str, object]:
    return {"text": text, "x0": x0, "x1": x0 + width, "top": 100.0, "bottom": 110.0,
            "size": 10.0, "fontname": "Invented-Regular"}  # fmt: skip


def test_characters_that_draw_nothing_are_stripped_not_the_glyphs_around_them() -> None:
    chars = [
        _char("a", 0),
        _char("\u200e", 5, 0),  # a bidi mark: removed
        _char("b\u200d", 5),  # a joiner inside a glyph's text: stripped, "b" kept
        _char("\u200b", 10, 0),  # a zero-width space: still a word break
        _char("c\x03", 10),  # a control code inside a glyph's text: stripped
        _char("\u00ad", 15, 0.1),  # a soft hyphen not drawn: removed
        _char("\u00ad", 15, 3.3),  # a drawn one: kept for the hyphenation step
    ]
    problems: dict[str, int] = {}

    assert [c["text"] for c in strip_junk(chars, problems)] == ["a", "b", " ", "c", "\u00ad"]
    assert problems == {}


# ------------------------------------------------------------------ hyphens


def test_soft_hyphens_join_a_broken_word_and_read_as_hyphens_elsewhere() -> None:
    result = read(
        lossy_font_pdf(
            [
                b"Jane Roe, analyst",
                b"Built a geo\xadlocation service and its infor\xad",
                b"mation system for twelve stores",
                b"Assistant buyer, October 2012 \xad September 2016",
            ]
        )
    )

    assert lines_of(result)[1:] == [
        "Built a geo-location service and its information",
        "system for twelve stores",
        "Assistant buyer, October 2012 - September 2016",
    ]


def test_words_hyphenated_at_line_ends_are_joined_when_the_join_is_a_word() -> None:
    html = (
        '<html lang="en"><body style="font-family: sans-serif; font-size: 11pt">'
        "<h1>Jane Roe</h1><p>Data analyst, Northbeam Analytics, 2019 - 2024</p>"
        '<p style="width: 8.5em">Improved the un&shy;certainty esti&shy;mates of the sales '
        "pre&shy;dictions for a long-term plan with our de&shy;velopment team.</p>"
        "</body></html>"
    )
    text = read(render_html(html)).text

    for word in ("uncertainty", "estimates", "predictions", "development"):
        assert word in text.split()
    assert "\u2010" not in text
    assert "long-term" in text or "long-\nterm" in text  # a compound keeps its hyphen


def test_a_compound_or_an_unknown_word_at_a_line_end_stays_as_printed() -> None:
    lines = [
        "a goal-",
        "oriented team, self-",
        "taught in Zorblax-",
        "vintrel tools; pre-",
        "dictions",
    ]
    styles: list[dict[str, object] | None] = [{"size": float(n)} for n in range(5)]

    joined, kept = rejoin(lines, styles, Vocabulary())

    assert joined == [
        "a goal-",
        "oriented team, self-",
        "taught in Zorblax-",
        "vintrel tools; predictions",
    ]
    assert kept == styles[:4]  # the emptied line's style went with it


# ------------------------------------------------------------------ font runs


def test_font_runs_drawn_without_a_space_are_two_words_when_both_are_words() -> None:
    html = (
        '<html lang="en"><body style="font-family: sans-serif; font-size: 11pt">'
        "<h1>Jane Roe</h1>"
        "<p><b>Northbeam Analytics</b><i>Senior Data Analyst</i></p>"
        "<p><b>Objective:</b>Design of a reporting chain for regional teams.</p>"
        "<p><b>DATA ANALYST</b><i>09/2019 - 03/2024</i></p>"
        '<p><b>S</b>ourced and <span style="font-size: 14pt">C</span>URATED supplier data.</p>'
        "</body></html>"
    )
    result = read(render_html(html))

    assert "Northbeam Analytics Senior Data Analyst" in result.text
    assert "Objective: Design of a reporting chain" in result.text
    assert "DATA ANALYST 09/2019 - 03/2024" in result.text
    assert "Sourced and CURATED supplier data." in result.text
    assert result.problems["glued_words"] == 3


# ------------------------------------------------------------------ damaged files


@cache
def weasyprint_cv() -> bytes:
    return render_html(
        "<html><body><h1>Jane Roe</h1><p>Data analyst at Northbeam Analytics since 2019. "
        "Built the weekly revenue dashboard for twelve regional teams.</p></body></html>"
    )


def test_nul_padding_after_the_end_marker_is_read() -> None:
    assert "Northbeam Analytics" in read(weasyprint_cv() + b"\x00" * 41_000).text


def test_a_file_with_shifted_offsets_and_padding_is_rebuilt_as_poppler_reads_it() -> None:
    """Bytes inserted after the header (a text-mode transfer does this) leave every offset of
    the cross-reference table wrong: pdfminer alone finds no catalogue."""
    data = weasyprint_cv()
    header_end = data.index(b"\n") + 1
    shifted = data[:header_end] + b"%" + b"x" * 48 + b"\n" + data[header_end:] + b"\x00" * 4096

    assert "Northbeam Analytics" in read(shifted).text


def test_a_file_cut_short_is_not_rebuilt() -> None:
    data = weasyprint_cv()
    cut = data[: len(data) // 2]

    assert pdf_repair.rebuild(cut) is None
    with pytest.raises(PdfTextError) as caught:
        read(cut)
    assert caught.value.code == "corrupt"


def test_a_rebuilt_file_names_its_catalogue_from_the_object_when_no_trailer_does() -> None:
    body = zlib.compress(b"BT ET")
    data = b"".join(
        [
            b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n",
            b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n",
            b"3 0 obj\n<< /Length %d >>\nstream\n" % len(body),
            body,
            b"\nendstream\nendobj\n%%EOF\n\x00\x00",
        ]
    )
    rebuilt = pdf_repair.rebuild(data)

    assert rebuilt is not None
    assert rebuilt.endswith(b"trailer\n<< /Root 1 0 R /Size 4 >>\n%%EOF\n")
