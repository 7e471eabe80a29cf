"""A partial ``make bench`` run keeps the rows of the modules it did not run, each dated, and a row
kept twice (two partial runs) is still a row: an empty note used to lose its cell, and the row was
dropped by the next partial run."""

from __future__ import annotations

import bench.__main__ as bench_main


def _doc(tmp_path, rows: list[str]):
    doc = tmp_path / "PERFORMANCE.md"
    table = ["| Figure | Value | Target | Command | Detail |", "|---|---:|---|---|---|", *rows]
    doc.write_text("\n".join(["# Performance", bench_main.START,
                              "Measured 2026-12-01 with `make bench`.", "", *table, bench_main.END, ""]),
                   encoding="utf-8")
    return doc


def test_rows_of_modules_not_run_are_kept_dated_and_survive_a_second_partial_run(tmp_path, monkeypatch):
    empty_note = "| Visits that failed (timeout) | 0 | 0 (met) | `python -m bench visit` |  |"
    with_note = "| Map update payload | 13 KB | ≤ 20 KB (met) | `python -m bench app` | new 13.1 KB |"
    ran = "| Hot spots against a metric change | 0.9× | ≤ 1× (met) | `python -m bench compare` | n = 8 |"
    monkeypatch.setattr(bench_main, "DOC", _doc(tmp_path, [empty_note, with_note, ran]))

    kept = bench_main.kept_rows(["bench_compare"])
    assert kept == [
        "| Visits that failed (timeout) | 0 | 0 (met) | `python -m bench visit` | (measured 2026-12-01) |",
        "| Map update payload | 13 KB | ≤ 20 KB (met) | `python -m bench app` | new 13.1 KB (measured 2026-12-01) |",
    ]
    # the next partial run reads the table the first one wrote: the same rows, dated once
    monkeypatch.setattr(bench_main, "DOC", _doc(tmp_path, kept))
    assert bench_main.kept_rows(["bench_compare"]) == kept
