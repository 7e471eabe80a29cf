"""The data card's "Documented support per figure" section, written from the report check, so the
card never drifts from the data: ``python -m geo check-report --update-data-card`` rewrites the
part of ``data/README.md`` between the two markers, and a test fails when it is out of date."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from geo.config import DATA_DIR
from geo.report.check import support_markdown

DATA_CARD = DATA_DIR / "README.md"
BEGIN = "<!-- support: written by `python -m geo check-report --update-data-card` -->"
END = "<!-- end of support -->"


def support_section(table: pd.DataFrame) -> str:
    """The section's text between the markers (markers included)."""
    return f"{BEGIN}\n{support_markdown(table)}\n{END}"


def current_section(path: Path = DATA_CARD) -> str | None:
    """The section as the card holds it now, or ``None`` when the card has no markers."""
    text = path.read_text(encoding="utf-8")
    start, end = text.find(BEGIN), text.find(END)
    if start < 0 or end < start:
        return None
    return text[start:end + len(END)]


def update(table: pd.DataFrame, path: Path = DATA_CARD) -> bool:
    """Write the section into the card (between the markers); ``True`` when the text changed."""
    text = path.read_text(encoding="utf-8")
    old = current_section(path)
    if old is None:
        raise ValueError(f"{path} has no support markers ({BEGIN!r} … {END!r})")
    new = text.replace(old, support_section(table))
    if new != text:
        path.write_text(new, encoding="utf-8")
    return new != text
