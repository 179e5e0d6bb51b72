"""A printable sheet (a title, then sections of headed items, each with labelled lines: the
shape ``app/lib/pdf_render/sheet.py`` prints) as Markdown. Every piece of text is the caller's,
escaped (``text.py``): a quote reads as the same words, never as markup."""

from __future__ import annotations

from typing import Any

from app.lib.markdown_export.text import block, inline, line_start


def sheet_markdown(sheet: dict[str, Any]) -> str:
    french = sheet.get("lang") == "fr"
    opening, closing, colon = ("« ", " »", " : ") if french else ("“", "”", ": ")
    parts = [f"# {inline(sheet.get('title'))}"]
    if sheet.get("subtitle"):
        parts.append(block(sheet["subtitle"]))
    for section in sheet.get("sections") or []:
        parts.append(f"## {inline(section.get('heading'))}")
        if section.get("intro"):
            parts.append(block(section["intro"]))
        for item in section.get("items") or []:
            parts.append(f"### {inline(item.get('heading'))}")
            lines = []
            for line in item.get("lines") or []:
                text = inline(line.get("text"))
                if line.get("quote"):
                    text = f"{opening}{text}{closing}"
                label = inline(line.get("label"))
                shown = f"{label}{colon}{text}" if label else text
                lines.append(f"- {line_start(shown)}")
            if lines:
                parts.append("\n".join(lines))
    return "\n\n".join(p for p in parts if p.strip()) + "\n"
