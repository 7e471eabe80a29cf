"""The result of an import: the rejected-rows download is defused."""

from __future__ import annotations

import io

import pandas as pd

from geo.io.pipeline import import_table
from geo.io.result import rejected_csv


def test_rejected_csv_download_is_defused():
    raw = pd.DataFrame({"id": ["a", "b", "c"], "date": ["=1+1", "-2", "@SUM(A1)"], "note": ["+cmd", "-3.5", "x"]})
    result = import_table(raw, filename="f.csv")
    data = result.rejected_csv()
    assert data.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert list(back.columns[:3]) == ["row", "field", "reason"]
    assert len(back) == 3
    assert back["date"].tolist() == ["'=1+1", "-2", "'@SUM(A1)"]
    assert back["note"].tolist() == ["'+cmd", "-3.5", "x"]
    assert rejected_csv(result.rejected) == data
