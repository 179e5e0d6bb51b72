"""Download names: ``Name - Offer title - Company.pdf``, sanitised, with RFC 5987 encoding."""

from __future__ import annotations

from urllib.parse import unquote

import pytest

from app.lib.download_names import ascii_fallback, content_disposition, pdf_filename


def test_name_title_company() -> None:
    assert pdf_filename("Camille Laurent", "Senior Python Engineer", "Northwind") == (
        "Camille Laurent - Senior Python Engineer - Northwind.pdf"
    )


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (("Ana", "Dev/Ops: lead*", 'ACME "Inc"'), "Ana - Dev Ops lead - ACME Inc.pdf"),
        (("../../etc/passwd", "", None), "etc passwd.pdf"),
        (("Ana\r\nContent-Type: text/html", "x"), "Ana Content-Type text html - x.pdf"),
        (("Ana\u202etxt.exe", "Dev"), "Anatxt.exe - Dev.pdf"),  # bidi override removed
        (("  ", "", None), "CV.pdf"),
        (("...", "---"), "CV.pdf"),
        (("CON",), "CV CON.pdf"),
        (("Ana", "Ana", "ana"), "Ana.pdf"),  # repeated parts once
        (
            ("Zoë Ñúñez", "Développeuse", "Société Générale"),
            "Zoë Ñúñez - Développeuse - Société Générale.pdf",
        ),
        (("Ana\x00\x07", "a;b"), "Ana - a b.pdf"),
    ],
)
def test_sanitising(parts: tuple[str | None, ...], expected: str) -> None:
    assert pdf_filename(*parts) == expected


def test_long_names_are_cut() -> None:
    name = pdf_filename("A" * 400, "B" * 400)
    assert len(name) <= 154 and name.endswith(".pdf") and "/" not in name


def test_content_disposition_has_ascii_and_utf8_forms() -> None:
    name = pdf_filename("Zoë Núñez", "Développeuse", "Société Générale")
    header = content_disposition(name)
    assert header.startswith(
        'attachment; filename="Zoe Nunez - Developpeuse - Societe Generale.pdf"'
    )
    encoded = header.split("filename*=UTF-8''", 1)[1]
    assert unquote(encoded) == name and " " not in encoded and '"' not in encoded
    assert content_disposition("a.pdf", inline=True).startswith("inline;")
    assert ascii_fallback("日本語.pdf") == "___.pdf"
