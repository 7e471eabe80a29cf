"""Limits: the upload size and the row count, from the environment."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from geo.errors import ImportLimitError, SettingsError
from geo.io.pipeline import import_file, import_table
from geo.io.readers.formats import read_table
from tests.io.helpers import FIXTURES, workbook_bytes


def test_upload_size_limit(monkeypatch):
    monkeypatch.setenv("ATLAS_MAX_UPLOAD_MB", "0.0001")  # 100 bytes
    with pytest.raises(ImportLimitError, match=r"gtd_belgium\.csv: is .* MB, more than") as err:
        import_file(FIXTURES / "gtd_belgium.csv", filename="gtd_belgium.csv")
    assert (err.value.what, err.value.limit) == ("size", 100)
    with pytest.raises(ImportLimitError):
        read_table(io.BytesIO(b"x" * 500), filename="stream.csv")
    monkeypatch.setenv("ATLAS_MAX_UPLOAD_MB", "lots")
    with pytest.raises(SettingsError, match="ATLAS_MAX_UPLOAD_MB"):
        read_table(b"a,b\n1,2\n", filename="x.csv")


def test_row_limit(monkeypatch):
    monkeypatch.setenv("ATLAS_MAX_ROWS", "3")
    with pytest.raises(ImportLimitError, match="more than 3 data rows") as err:
        import_file(FIXTURES / "gtd_belgium.csv", filename="gtd_belgium.csv")
    assert (err.value.what, err.value.limit, err.value.filename) == ("rows", 3, "gtd_belgium.csv")
    with pytest.raises(ImportLimitError, match="ATLAS_MAX_ROWS"):
        import_table(pd.DataFrame({"date": ["2016"] * 4}), filename="t.csv")
    with pytest.raises(ImportLimitError):
        read_table(workbook_bytes(), filename="x.xlsx", sheet="Incidenten")
    import_table(pd.DataFrame({"date": ["2016"] * 3}), filename="t.csv")  # at the limit: fine
