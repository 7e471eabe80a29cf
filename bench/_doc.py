"""Rewrite one generated section of docs/PERFORMANCE.md, between two marker comments."""

from __future__ import annotations

from pathlib import Path


def update_section(doc: Path, start: str, end: str, block: str, *, heading: str, intro: str = "# Performance\n") -> None:
    """Put ``block`` between the ``start`` and ``end`` markers of ``doc``; add the section (under
    ``heading``) at the end when the markers are not there yet. The rest of the page is left alone."""
    doc.parent.mkdir(parents=True, exist_ok=True)
    text = doc.read_text(encoding="utf-8") if doc.exists() else intro
    new = f"{start}\n{block}\n{end}"
    if start in text and end in text:
        head, rest = text.split(start, 1)
        _, tail = rest.split(end, 1)
        text = head + new + tail
    else:
        text = text.rstrip("\n") + f"\n\n## {heading}\n\n" + new + "\n"
    doc.write_text(text, encoding="utf-8")
