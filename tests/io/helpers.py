"""What the import tests share: the fixture folder (tests/fixtures/import/, every file hand-written),
importing a fixture with the books checked, finding a row or its rejection, and a workbook built here."""

from __future__ import annotations

import io
from datetime import datetime

import openpyxl
import pandas as pd

from geo.config import ROOT
from geo.io.pipeline import import_file
from geo.io.result import ImportResult

FIXTURES = ROOT / "tests" / "fixtures" / "import"


def imported(name: str, **kwargs) -> ImportResult:
    result = import_file(FIXTURES / name, filename=name, **kwargs)
    assert_balanced(result)
    return result


def assert_balanced(result: ImportResult) -> None:
    """Rows in = accepted + rejected, always; and the frames agree with the summary."""
    s = result.summary
    assert s["rows_in"] == s["accepted"] + s["rejected"]
    assert len(result.accepted) == s["accepted"]
    assert len(result.rejected) == s["rejected"]
    assert s["not_located"] == int((result.accepted["geo_precision"] == "none").sum())
    rows = set(result.accepted["source_row"]) | set(result.rejected["row"])
    assert len(rows) == s["rows_in"]
    assert not set(result.accepted["source_row"]) & set(result.rejected["row"])
    assert {p.row for p in result.problems if p.row is not None} == set(result.rejected["row"])


def by_id(result: ImportResult) -> pd.DataFrame:
    return result.accepted.set_index("site_id")


def reason(result: ImportResult, row: int) -> tuple[str, str]:
    hit = result.rejected[result.rejected["row"] == row]
    assert len(hit) == 1, f"row {row} is not rejected: {result.rejected[['row', 'reason']]}"
    return hit["field"].iat[0], hit["reason"].iat[0]


def workbook_bytes() -> bytes:
    wb = openpyxl.Workbook()
    notes = wb.active
    notes.title = "Notes"
    notes.append(["This sheet is not the data"])
    ws = wb.create_sheet("Incidenten")
    ws.append(["Nr", "Datum", "Gemeente", "Postcode", "Soort", "Omschrijving", "Breedtegraad", "Lengtegraad"])
    ws.append([1, datetime(2016, 3, 22), "Zaventem", None, "aanslag", "Test", 50.8977, 4.4844])
    ws.append([2, "03/2016", None, 1080, "arrestatie", "=1+1", None, None])
    ws.append([])
    ws.append([3, 2015, "Jumet", None, "huiszoeking", "=HYPERLINK(\"http://example.invalid\")", None, None])
    ws.append([4, "morgen", "Gent", None, "aanslag", None, None, None])
    ws.append([5, datetime(2017, 6, 20, 20, 44), None, None, "complot", None, "veertig", 4.35])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
