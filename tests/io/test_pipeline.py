"""The import as a whole: the incident layout, row numbers of a plain DataFrame, an all-rejected
table, cells never evaluated."""

from __future__ import annotations

import pandas as pd
import pytest

from geo.incidents.table import COLUMNS, SOURCE_COLUMNS, load_incidents
from geo.io.pipeline import import_file, import_table
from geo.io.result import EXTRA_COLUMNS, ImportResult
from tests.io.helpers import assert_balanced, imported


@pytest.fixture(scope="module")
def gtd() -> ImportResult:
    return imported("gtd_belgium.csv")


def test_imported_table_has_the_report_layout(gtd):
    report = load_incidents().drop(columns=list(SOURCE_COLUMNS))  # the report table's own source fields
    assert list(gtd.accepted.columns[: len(report.columns)]) == list(report.columns)
    assert list(gtd.accepted.columns[len(report.columns):]) == list(EXTRA_COLUMNS)
    for column in report.columns:
        assert gtd.accepted[column].dtype == report[column].dtype, column
    assert gtd.accepted[list(COLUMNS)].notna().drop(columns=["lat", "lon"]).all().all()


def test_raw_frame_without_row_index_counts_like_a_csv():
    raw = pd.DataFrame({"date": ["2016", "bad", "2017"]})
    result = import_table(raw, filename="x.csv")
    assert list(result.rejected["row"]) == [3]
    assert list(result.accepted["site_id"]) == ["row-2", "row-4"]
    assert result.accepted["kind_note"].str.contains("no category").all()


def test_all_rejected_gives_an_empty_typed_table():
    raw = pd.DataFrame({"date": ["nope", "never"]})
    result = import_table(raw, filename="x.csv")
    assert_balanced(result)
    assert result.accepted.empty and list(result.accepted.columns[: len(COLUMNS)]) == list(COLUMNS)
    assert list(result.rejected["row"]) == [2, 3]


def test_cells_are_never_evaluated(monkeypatch):
    import builtins

    def watch(original):
        def guarded(source, *args, **kwargs):
            if isinstance(source, (str, bytes)) and any(m in str(source) for m in ("__import__", "7*7", "calc")):
                raise AssertionError(f"a cell reached {original.__name__}: {source!r}")
            return original(source, *args, **kwargs)
        return guarded

    monkeypatch.setattr(builtins, "eval", watch(builtins.eval))
    monkeypatch.setattr(builtins, "exec", watch(builtins.exec))
    text = ("id,date,place,description\n"
            "E1,2016-01-01,Gent,\"__import__('os').system('false')\"\n"
            "E2,2016-01-02,Gent,=cmd|' /C calc'!A0\n"
            "E3,2016-01-03,Gent,{{7*7}} ${7*7} <script>alert(1)</script>\n")
    result = import_file(text.encode(), filename="evil.csv")
    assert result.accepted["description"].tolist() == [
        "__import__('os').system('false')", "=cmd|' /C calc'!A0", "{{7*7}} ${7*7} <script>alert(1)</script>"]
